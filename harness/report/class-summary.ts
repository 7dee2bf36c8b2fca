// The class run's summary: each student's score per task, grader errors, and how to
// replay the run; as JSON (--format json, --out) or as lines for a terminal.

import { safeJson, safeText } from './escape.js';
import type { GraderIdentity } from './types.js';

export interface ClassSummary {
  class: string;
  shard: string;
  seed: number;
  grader?: GraderIdentity;
  durationMs: number;
  students: Array<{ student: string; score: number; maxScore: number; tasks: Array<{ task: string; score: number; maxScore: number }> }>;
  errors: Array<{ student: string; task: string; error?: string }>;
}

/** A student's folder name and a grader error's text are shown, never acted on (escape.ts). */
export function classSummaryJson(summary: ClassSummary): string {
  return safeJson(JSON.stringify(summary, null, 2));
}

/** What the terminal shows; `allTasks` when the class was graded on `all`, the tasks its folders hold. */
export function classSummaryText(summary: ClassSummary, run: { tasks: readonly string[]; allTasks: boolean; shardCount: number; elapsedMs: number; dashboard?: string }): string {
  const { students, errors, seed, grader } = summary;
  const width = Math.max(8, ...students.map((s) => s.student.length));
  const lines = students.map((s) => `${s.student.padEnd(width)}  ${`${s.score}/${s.maxScore}`.padStart(8)}  ${s.tasks.map((t) => `${t.task} ${t.score}/${t.maxScore}`).join('  ')}`);
  for (const e of errors) lines.push(`grader error: ${e.student} ${e.task}: ${(e.error ?? '').split('\n')[0]}`);
  if (run.allTasks) lines.push(`all: the tasks the class's folders hold: ${run.tasks.join(', ')}`);
  lines.push(`graded ${students.length} students × ${run.tasks.length} task(s) in ${(run.elapsedMs / 1000).toFixed(1)} s${run.shardCount > 1 ? ` (shard ${summary.shard})` : ''}`);
  lines.push(`seed: ${seed} (rerun with --seed ${seed} for the same data)`);
  if (grader) lines.push(`grader: socket-grader ${grader.version}, specs ${grader.specHash}`);
  if (run.dashboard) lines.push(`the class dashboard: ${run.dashboard}`);
  return safeText(lines.join('\n'));
}
