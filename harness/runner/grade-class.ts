// Grades a whole class: every subfolder of a folder is one student's submission, every
// (student, task) pair one job, run side by side on reused workers. A submission that
// breaks its worker (kills it, outlives the deadline) costs that one job only: the
// worker is replaced.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { graderFailed } from '../core/failures.js';
import { scoreTask, type TaskReport } from '../report/types.js';
import { gradeTask } from './grade-task.js';
import { mapConcurrently } from './pool.js';
import type { WaitSettings } from './worker-protocol.js';

export interface Student {
  name: string;
  dir: string;
}

export interface ClassResult {
  student: string;
  task: string;
  report: TaskReport;
  /** Set when grading broke instead of finishing: the report then holds one error test. */
  error?: string;
}

/** Subfolders, hidden ones (.git) aside, in name order (student2 before student10). */
export function listStudents(folder: string): Student[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => ({ name: d.name, dir: path.join(folder, d.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** Shard `index` (1-based) of `count`: every count-th item, so slow and fast students spread evenly. */
export function shard<T>(items: readonly T[], index: number, count: number): T[] {
  return items.filter((_, i) => i % count === index - 1);
}

export interface ClassOptions {
  jobs: number;
  /** The run's seed: every student's tests draw the same data from it. */
  seed: number;
  advisory?: string[];
  /** How many tests of a task run side by side in each grading (the grader's default when absent). */
  testsAtOnce?: number;
  /** How the run's waits go (`--time-scale`, SOCKET_GRADER_STALLS); DEFAULT_WAITS when absent. */
  waits?: WaitSettings;
  /** Called as each job ends, in the order they end. */
  onResult?: (result: ClassResult) => void;
}

export async function gradeClass(students: readonly Student[], tasks: readonly string[], opts: ClassOptions): Promise<ClassResult[]> {
  const jobs = students.flatMap((student) => tasks.map((task) => ({ student, task })));
  return mapConcurrently(jobs, opts.jobs, async ({ student, task }) => {
    const started = Date.now();
    let result: ClassResult;
    try {
      result = { student: student.name, task, report: await gradeTask(task, student.dir, { seed: opts.seed, advisory: opts.advisory, testsAtOnce: opts.testsAtOnce, waits: opts.waits }) };
    } catch (e) {
      const error = (e as Error).message;
      const broken = {
        name: 'the grading of this task finished',
        group: 'grader',
        status: 'error' as const,
        points: 0,
        maxPoints: 0,
        message: graderFailed(error),
        durationMs: Date.now() - started,
        transcript: [],
      };
      result = { student: student.name, task, error, report: scoreTask(task, student.dir, Date.now() - started, [broken]) };
    }
    opts.onResult?.(result);
    return result;
  });
}
