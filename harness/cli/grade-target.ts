// What grade and watch share: the task(s) and submission folder named on the command
// line, checked, and the grading of each task, narrowed to the tests asked for.

import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listTasks } from '../core/paths.js';
import type { TaskReport } from '../report/types.js';
import { defaultTestsAtOnce, gradeTask } from '../runner/grade-task.js';
import { mapConcurrently } from '../runner/pool.js';
import type { WaitSettings } from '../runner/worker-protocol.js';
import { strayArguments, userPath } from './args.js';
import { UsageError } from './errors.js';

export interface GradeTarget {
  /** The task argument as given: one task, several (task3a,task4), or all. */
  taskArg: string;
  tasks: string[];
  /** The folder as the user wrote it, for messages. */
  folderArg: string;
  /** The folder, absolute. */
  submission: string;
}

/** The task(s) and folder of `socket-grader <command> <task> <folder>`, checked. */
export function gradeTarget(command: string, positionals: readonly string[]): GradeTarget {
  const [taskArg, folderArg, ...extra] = positionals;
  if (!taskArg || !folderArg)
    throw new UsageError(`${command} needs a task and a submission folder, e.g. \`socket-grader ${command} chat my-work\`; \`socket-grader ${command} --help\` lists the options`);
  if (extra.length > 0) throw strayArguments(command, [taskArg, folderArg], extra);
  const known = listTasks();
  const tasks = taskArg === 'all' ? known : taskArg.split(',');
  for (const t of tasks) if (!known.includes(t)) throw new UsageError(`unknown task "${t}"; valid tasks: ${known.join(' ')} (or all)`);
  const submission = path.resolve(userPath(folderArg));
  if (!existsSync(submission)) throw new UsageError(`submission folder not found: ${submission}`);
  if (!statSync(submission).isDirectory()) throw new UsageError(`not a folder: ${submission}`);
  return { taskArg, tasks, folderArg, submission };
}

export interface TargetOptions {
  seed: number;
  advisory: string[];
  groups: string[];
  /** `--test`'s words (none: every test). */
  tests: string[];
  jobs?: number;
  /** How many tests of a task run side by side (the grader's default when absent). */
  testsAtOnce?: number;
  /** Bumped on every change to the folder (watch): a worker's copy of an older version is made again. */
  folderVersion?: number;
  /** How the run's waits go (`--time-scale`, SOCKET_GRADER_STALLS); DEFAULT_WAITS when absent. */
  waits?: WaitSettings;
}

/**
 * Each task's report, side by side. With `--test`, a task none of whose tests match is
 * left out, and when no task has one the words were wrong: bad input, not a failure.
 */
export async function gradeTasks(target: GradeTarget, opts: TargetOptions): Promise<TaskReport[]> {
  // Tasks mostly wait (on sockets, on programs' deadlines): twice the cores keeps them busy.
  const jobs = opts.jobs ?? 2 * os.availableParallelism();
  const reports = await mapConcurrently(target.tasks, jobs, (t) =>
    gradeTask(t, target.submission, {
      seed: opts.seed,
      advisory: opts.advisory,
      groups: opts.groups,
      tests: opts.tests,
      folderVersion: opts.folderVersion,
      waits: opts.waits,
      testsAtOnce: opts.testsAtOnce ?? defaultTestsAtOnce(Math.min(jobs, target.tasks.length)),
    }),
  );
  if (opts.tests.length === 0) return reports;
  const matched = reports.filter((r) => r.tests.length > 0);
  if (matched.length === 0) throw noTestMatches(target, opts.tests, opts.groups);
  return matched;
}

function noTestMatches(target: GradeTarget, words: readonly string[], groups: readonly string[]): UsageError {
  const where = `${target.tasks.length === 1 ? target.tasks[0] : target.taskArg}${groups.length > 0 ? ` (groups ${groups.join(', ')})` : ''}`;
  return new UsageError(`no test of ${where} has "${words.join(' ')}" in its title; \`socket-grader grade ${target.taskArg} ${target.folderArg}\` without --test lists every test by its title`);
}
