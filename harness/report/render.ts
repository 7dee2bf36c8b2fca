// One entry for every output format: what stdout (or --out) gets for some reports.

import { createHash } from 'node:crypto';
import { safeJson, safeText } from './escape.js';
import { toClassroom } from './render-classroom.js';
import { type GradescopeOptions, toGradescope } from './render-gradescope.js';
import { toHtml } from './render-html.js';
import { toJUnit } from './render-junit.js';
import { toPrairieLearn } from './render-prairielearn.js';
import { renderAll, renderTask } from './render-text.js';
import { type AllReport, type GraderIdentity, sum, type TaskReport } from './types.js';

export const FORMATS = ['text', 'json', 'classroom', 'gradescope', 'prairielearn', 'junit', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const EXTENSION: Record<ReportFormat, string> = { text: 'txt', json: 'json', classroom: 'json', gradescope: 'json', prairielearn: 'json', junit: 'xml', html: 'html' };

/** Every task of a run is graded with the run's seed in its isolation (grade-task.ts stamps them): the whole says the same. */
export function allReport(submission: string, reports: TaskReport[], durationMs: number): AllReport {
  const run = reports.find((r) => r.seed !== undefined);
  return {
    submission,
    score: sum(reports.map((r) => r.score)),
    maxScore: sum(reports.map((r) => r.maxScore)),
    durationMs,
    tasks: reports,
    isolation: run?.isolation,
    seed: run?.seed,
    grader: runIdentity(reports),
  };
}

/** One task: its own identity; several: the version, and one hash over every task's spec hash. */
function runIdentity(reports: TaskReport[]): GraderIdentity | undefined {
  const stamped = reports.filter((r) => r.grader);
  if (stamped.length === 0) return undefined;
  if (stamped.length === 1) return stamped[0].grader;
  const sha = createHash('sha256');
  for (const r of [...stamped].sort((a, b) => a.task.localeCompare(b.task))) sha.update(`${r.task}:${r.grader?.specHash}\n`);
  return { version: stamped[0].grader?.version ?? '', specHash: sha.digest('hex').slice(0, 12) };
}

/** What some formats alone take: Gradescope's per-test visibility. */
export interface RenderOptions {
  gradescope?: GradescopeOptions;
}

/** `single`: one task was asked for, so json is that task's report rather than the AllReport. */
export function render(format: ReportFormat, all: AllReport, single: boolean, opts: RenderOptions = {}): string {
  switch (format) {
    // Every format leaves here with nothing in it that acts on a terminal or a CI log (escape.ts).
    case 'text':
      return safeText(single ? renderTask(all.tasks[0]) : renderAll(all));
    case 'json':
      return safeJson(JSON.stringify(single ? all.tasks[0] : all, null, 2));
    case 'classroom':
      return safeJson(JSON.stringify(toClassroom(all.tasks), null, 2));
    case 'gradescope':
      return safeJson(JSON.stringify(toGradescope(all, opts.gradescope), null, 2));
    case 'prairielearn':
      return safeJson(JSON.stringify(toPrairieLearn(all), null, 2));
    case 'junit':
      return toJUnit(all.tasks, all.durationMs);
    case 'html':
      return toHtml(all);
  }
}

/** The machine-readable form `--out` gets: the format's own, JSON for text. */
export function renderMachine(format: ReportFormat, all: AllReport, single: boolean, opts: RenderOptions = {}): string {
  return render(format === 'text' ? 'json' : format, all, single, opts);
}
