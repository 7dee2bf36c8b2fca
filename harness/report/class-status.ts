// A class row's status and points per group, for the CSV and the dashboard: whether the
// submission was graded at all, or held no program, or its programs never started.

import type { TaskReport } from './types.js';

export type GradingStatus = 'graded' | 'did not start' | 'no program' | 'grader error';

/** The four groups, in the order a report shows them. */
export const GROUP_ORDER = ['server', 'client', 'end-to-end', 'robustness'] as const;

/** How a test that found no program is skipped (submission/locate-program.ts words the missing program). */
const NO_PROGRAM = /^skipped: no \S+ program/;

/** A conversation took place: the grader reached a program, or a program listened. */
const TALKED = /^(sent |received |connected to|accepted a connection|listening on)/;

export function gradingStatus(report: TaskReport, error?: string): GradingStatus {
  if (error !== undefined || report.tests.some((t) => t.status === 'error')) return 'grader error';
  if (report.tests.some((t) => t.status === 'passed')) return 'graded';
  if (report.tests.length > 0 && report.tests.every((t) => t.status === 'skipped' && NO_PROGRAM.test(t.message ?? ''))) return 'no program';
  if (!report.tests.some((t) => t.transcript.some((e) => TALKED.test(e.event)))) return 'did not start';
  return 'graded';
}

/** Points earned per group; a group the grading did not run is absent. */
export function groupPoints(report: TaskReport): Map<string, { points: number; max: number }> {
  const by = new Map<string, { points: number; max: number }>();
  for (const t of report.tests) {
    const g = by.get(t.group) ?? { points: 0, max: 0 };
    by.set(t.group, { points: g.points + t.points, max: g.max + t.maxPoints });
  }
  return by;
}
