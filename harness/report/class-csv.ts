// `class --csv`: one row per student and task, for a spreadsheet or the course's gradebook.

import { stringify } from 'csv-stringify/sync';
import type { GradingStatus } from './class-status.js';
import { GROUP_ORDER, groupPoints } from './class-status.js';
import type { BugMatch } from './nearest-bug.js';
import type { TaskReport } from './types.js';

/** One student's grading of one task, with its status and (with --html) the known bug it is nearest to. */
export interface ClassRow {
  student: string;
  task: string;
  report: TaskReport;
  error?: string;
  status: GradingStatus;
  nearest?: BugMatch;
}

/** A task's points, from any finished grading of it (a broken one has none of its own). */
export function maxScores(results: ReadonlyArray<{ task: string; report: TaskReport; error?: string }>): Map<string, number> {
  const max = new Map<string, number>();
  for (const r of results) if (!r.error) max.set(r.task, r.report.maxScore);
  return max;
}

export const CSV_COLUMNS = ['student', 'task', 'score', 'max', 'seconds', 'status', ...GROUP_ORDER, 'nearest_bug', 'bug_likeness'] as const;

/** A row per student and task; a group the grading did not run has an empty cell, as has the nearest bug when none is alike enough (or none was matched). */
export function classCsv(rows: readonly ClassRow[]): string {
  const max = maxScores(rows);
  const lines = rows.map((r) => {
    const groups = groupPoints(r.report);
    return [
      r.student,
      r.task,
      r.report.score,
      max.get(r.task) ?? '',
      // milliseconds kept: a broken submission is graded in a few of them
      (r.report.durationMs / 1000).toFixed(3),
      r.status,
      ...GROUP_ORDER.map((g) => groups.get(g)?.points ?? ''),
      r.nearest?.bug ?? '',
      r.nearest ? r.nearest.likeness.toFixed(2) : '',
    ];
  });
  return stringify([[...CSV_COLUMNS], ...lines]);
}
