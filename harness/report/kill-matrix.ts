// Validate's kill matrix: which test of a task fails which of its mutants, and the same
// drawn as a Markdown table for a pull request or a job summary.

import type { TaskReport } from './types.js';

/** Which tests of a task fail which mutant: a row per test, a column per mutant. */
export interface KillMatrix {
  mutants: string[];
  tests: Array<{ name: string; kills: string[] }>;
}

export function killMatrix(titles: string[], mutants: Array<{ name: string; report: TaskReport }>): KillMatrix {
  return {
    mutants: mutants.map((m) => m.name),
    tests: titles.map((name) => ({ name, kills: mutants.filter((m) => m.report.tests.some((t) => t.name === name && t.status === 'failed')).map((m) => m.name) })),
  };
}

/** The matrix as a Markdown table: ✗ where the test fails the mutant. */
export function matrixMarkdown(task: string, m: KillMatrix): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const lines = [`### ${task}: which test kills which mutant`, '', `| test | ${m.mutants.map(cell).join(' | ')} |`, `|---|${m.mutants.map(() => ':-:').join('|')}|`];
  for (const t of m.tests) lines.push(`| ${cell(t.name)} | ${m.mutants.map((name) => (t.kills.includes(name) ? '✗' : '')).join(' | ')} |`);
  return lines.join('\n');
}
