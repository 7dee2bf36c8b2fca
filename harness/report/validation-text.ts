// How validate's verdicts read on a terminal: a line per check (✓ held, ✗ did not, · a
// note), the first tests a submission lost under it, then the totals.

import type { TaskReport, TestStatus } from './types.js';

export type CheckMark = 'good' | 'bad' | 'note';

const MARK: Record<CheckMark, string> = { good: '✓', bad: '✗', note: '·' };

export function markOf(good: boolean): CheckMark {
  return good ? 'good' : 'bad';
}

/** `✓ task4      mutant one-recv                   killed by "…"`: the task and what was checked in columns. */
export function checkLine(mark: CheckMark, task: string, what: string, detail: string): string {
  return `${MARK[mark]} ${task.padEnd(10)} ${what.padEnd(34)} ${detail}`;
}

/** A line of its own (the charges of a mutant say their task themselves). */
export function markedLine(mark: CheckMark, text: string): string {
  return `${MARK[mark]} ${text}`;
}

/** Under a check that failed: the first tests the submission did not pass, each with its message's first lines. */
export function lostTestLines(r: TaskReport): string[] {
  return r.tests
    .filter((x) => x.status !== 'passed')
    .slice(0, 3)
    .map((t) => `      ${t.name}: ${(t.message ?? '').split('\n').slice(0, 4).join(' | ')}`);
}

/** Under a flaky check: a test whose outcome changed, and how often each came. */
export function flakyLine(f: { kind: string; name: string; test: string; outcomes: Partial<Record<TestStatus, number>> }): string {
  return `      ${f.kind} ${f.name}: "${f.test}" ${Object.entries(f.outcomes)
    .map(([s, n]) => `${s} ${n}×`)
    .join(', ')}`;
}

/** The whole text: the check lines, the matrices (Markdown) when asked for, the totals. */
export function validationText(lines: readonly string[], matrices: readonly string[], totals: { tasks: number; durationMs: number; passed: number; failed: number }): string {
  const tables = matrices.length > 0 ? `\n${matrices.join('\n\n')}\n` : '';
  return `${lines.join('\n')}\n${tables}validated ${totals.tasks} tasks in ${(totals.durationMs / 1000).toFixed(1)} s\nvalidate: ${totals.passed} passed, ${totals.failed} failed\n`;
}
