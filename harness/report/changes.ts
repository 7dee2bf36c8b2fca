// What changed between two gradings of the same submission (watch grades it again on
// every save): which tests now pass that did not, which no longer pass, and the score.

import type { TaskReport, TestResult } from './types.js';

export interface TestChanges {
  /** Titles of tests that pass now and did not before (prefixed "task: " when several tasks were graded). */
  nowPassing: string[];
  /** Titles of tests that passed before and do not now (failed, skipped, or the grader's error). */
  nowFailing: string[];
  score: { before: number; beforeMax: number; after: number; max: number };
}

/** The changes from `prev` to `next`; a test absent from `prev` (nothing to compare with) is no change. */
export function changesBetween(prev: readonly TaskReport[], next: readonly TaskReport[]): TestChanges {
  const several = new Set([...prev, ...next].map((r) => r.task)).size > 1;
  const title = (r: TaskReport, t: TestResult): string => (several ? `${r.task}: ${t.name}` : t.name);
  const before = new Map<string, boolean>();
  for (const r of prev) for (const t of r.tests) before.set(title(r, t), t.status === 'passed');
  const nowPassing: string[] = [];
  const nowFailing: string[] = [];
  for (const r of next) {
    for (const t of r.tests) {
      const was = before.get(title(r, t));
      if (was === undefined) continue;
      const is = t.status === 'passed';
      if (is && !was) nowPassing.push(title(r, t));
      if (!is && was) nowFailing.push(title(r, t));
    }
  }
  const total = (reports: readonly TaskReport[]): number => reports.reduce((n, r) => n + r.score, 0);
  const max = (reports: readonly TaskReport[]): number => reports.reduce((n, r) => n + r.maxScore, 0);
  return { nowPassing, nowFailing, score: { before: total(prev), beforeMax: max(prev), after: total(next), max: max(next) } };
}

/** One line: `now passing: 2 ("…", "…"); now failing: 1 ("…"); score 7/9 (was 5/9)`, or that nothing changed. */
export function describeChanges(c: TestChanges): string {
  const list = (titles: readonly string[]): string => `${titles.length}${titles.length > 0 ? ` (${titles.map((t) => `"${t}"`).join(', ')})` : ''}`;
  const was = `${c.score.before}/${c.score.beforeMax}`;
  const score = `score ${c.score.after}/${c.score.max}`;
  if (c.nowPassing.length === 0 && c.nowFailing.length === 0) {
    return `since the last run: no test changed; ${score}${`${c.score.after}/${c.score.max}` === was ? '' : ` (was ${was})`}`;
  }
  return `since the last run: now passing: ${list(c.nowPassing)}; now failing: ${list(c.nowFailing)}; ${score} (was ${was})`;
}
