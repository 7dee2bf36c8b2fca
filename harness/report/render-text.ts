// The report as a student reads it in a terminal: one line per test, the evidence
// under each failure, the score last.

import { formatTranscript } from '../core/transcript.js';
import { learnedWords } from './learned-words.js';
import type { AllReport, TaskReport, TestResult } from './types.js';

const MARK: Record<TestResult['status'], string> = { passed: '✓', failed: '✗', skipped: '-', error: '!' };

function indent(text: string, by: string): string[] {
  return text.split('\n').map((l) => by + l);
}

function renderTest(t: TestResult): string[] {
  const pts = t.advisory ? 'advisory' : `${t.points}/${t.maxPoints}`;
  const lines = [`    ${MARK[t.status]} ${t.name.padEnd(68)} ${pts.padStart(8)}`];
  if (t.status === 'passed') return lines;
  if (t.status === 'skipped') return [...lines, `        ${t.message ?? 'skipped'}`];
  lines.push(...indent(t.message ?? '', '        '));
  if (t.transcript.length > 0) {
    lines.push('        conversation:', ...formatTranscript(t.transcript).map((l) => `          ${l}`));
  }
  return lines;
}

export function renderTask(r: TaskReport): string {
  const lines = [`${r.task} · ${r.submission}`];
  for (const learned of learnedWords(r)) lines.push(`  ${learned}`);
  if (r.onlyTests) lines.push(`  ${onlyTestsWords(r.onlyTests)}`);
  const groups = [...new Set(r.tests.map((t) => t.group))];
  for (const g of groups) {
    lines.push(`  ${g}`);
    for (const t of r.tests.filter((x) => x.group === g)) lines.push(...renderTest(t));
  }
  const counts = (['passed', 'failed', 'skipped', 'error'] as const)
    .map((s) => [s, r.tests.filter((t) => t.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const asked = r.onlyTests ? ' of the tests you asked for' : '';
  lines.push(`  score: ${r.score}/${r.maxScore}${asked} (${counts}) in ${(r.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** Said once above a text report: how the programs were isolated, how to replay the run, and which grader and specs graded it. */
export function runHeader(all: AllReport, isolationSummary: string): string {
  const lines = [`isolation: ${isolationSummary}`];
  if (all.seed !== undefined) lines.push(`seed: ${all.seed} (rerun with --seed ${all.seed} for the same data)`);
  if (all.grader) lines.push(`grader: socket-grader ${all.grader.version}, specs ${all.grader.specHash}`);
  return `${lines.join('\n')}\n\n`;
}

/** Said above a grading narrowed by --test: the others did not run, and the score is not the task's. */
export function onlyTestsWords(words: readonly string[]): string {
  return `only the tests whose title contains "${words.join(' ')}" ran (--test); grade without --test for the whole score`;
}

export function renderAll(r: AllReport): string {
  const asked = r.tasks.some((t) => t.onlyTests) ? ' of the tests you asked for' : '';
  return [...r.tasks.map(renderTask), `total: ${r.score}/${r.maxScore}${asked} over ${r.tasks.length} tasks`].join('\n\n');
}
