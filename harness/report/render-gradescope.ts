// The report as Gradescope's autograder results.json: the score, and every test with
// its points, status, evidence and group (as a tag); visible to the student at once, or
// only after the due date for the groups an instructor names.

import { safeText } from './escape.js';
import { failureText } from './render-classroom.js';
import type { TaskReport } from './types.js';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: Visibility;
  /** The test's group: Gradescope filters and counts tests by tag. */
  tags: string[];
}

export type Visibility = 'visible' | 'after_due_date';

export interface GradescopeOptions {
  /** Groups whose tests the student sees only after the due date (the score counts them at once). */
  afterDue?: readonly string[];
}

export interface GradescopeResults {
  score: number;
  /** Seconds. */
  execution_time: number;
  output: string;
  visibility: 'visible';
  stdout_visibility: 'visible';
  tests: GradescopeTest[];
}

export function toGradescope(reports: TaskReport[], durationMs: number, opts: GradescopeOptions = {}): GradescopeResults {
  const afterDue = new Set(opts.afterDue ?? []);
  const score = reports.reduce((a, r) => a + r.score, 0);
  const max = reports.reduce((a, r) => a + r.maxScore, 0);
  const lines = reports.map((r) => `${r.task}: ${r.score}/${r.maxScore} points, ${r.tests.filter((t) => t.status === 'passed').length} of ${r.tests.length} tests passed`);
  return {
    score,
    execution_time: Math.round(durationMs / 100) / 10,
    output: [...lines, `total: ${score}/${max}`].join('\n'),
    visibility: 'visible',
    stdout_visibility: 'visible',
    tests: reports.flatMap((r, ti) =>
      r.tests.map((t, i) => ({
        name: safeText(`${r.task} · ${t.group} · ${t.name}${t.advisory ? ' (advisory)' : ''}`),
        number: `${ti + 1}.${i + 1}`,
        score: t.points,
        max_score: t.maxPoints,
        status: t.status === 'passed' ? ('passed' as const) : ('failed' as const),
        output: failureText(t),
        visibility: afterDue.has(t.group) ? ('after_due_date' as const) : ('visible' as const),
        tags: [t.group],
      })),
    ),
  };
}
