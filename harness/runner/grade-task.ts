// Grades one submission on one task in a worker process and returns its report.

import os from 'node:os';
import path from 'node:path';
import { GraderError } from '../core/failures.js';
import { Deadlines } from '../core/time.js';
import { scoreTask, type TaskReport } from '../report/types.js';
import { findIsolation } from '../sandbox/isolation.js';
import { findGraderPython } from '../sandbox/python.js';
import { misplacedProgram } from '../submission/locate-program.js';
import { graderIdentity } from './grader-identity.js';
import { gradeOnWorker, WorkerFailure, warmWorker } from './worker-pool.js';
import { DEFAULT_WAITS, type Graded, type RunSettings, type WaitSettings } from './worker-protocol.js';

/** A whole task (times the run's scale); every wait inside has its own much shorter deadline. */
const TASK_DEADLINE_MS = 5 * 60_000;

export interface GradeOptions {
  /** The run's seed: every random choice of the grading comes from it (`--seed` replays it). */
  seed: number;
  /** Groups reported but not scored, e.g. ["robustness"]. */
  advisory?: string[];
  /** Only these groups are graded (all when absent or empty). */
  groups?: string[];
  /** Only tests whose title holds one of these (all when absent or empty). */
  tests?: string[];
  /** Bumped whenever the folder changed since an earlier grading of this run (watch): workers copy it again. */
  folderVersion?: number;
  /** How many of the task's tests run side by side; 1 runs them one after another. */
  testsAtOnce?: number;
  /** How the run's waits go (`--time-scale`, SOCKET_GRADER_STALLS); DEFAULT_WAITS when absent. */
  waits?: WaitSettings;
}

/**
 * Tests mostly wait (on sockets, programs, deadlines): two per core in flight keep the
 * cores busy, shared among the gradings that run at once (validate's many gradings side
 * by side already fill the cores: each of them runs its tests one after another). A test
 * that needs the machine quiet runs alone anyway (check.alone).
 */
export function defaultTestsAtOnce(gradingsAtOnce = 1): number {
  if (!SIDE_BY_SIDE_BY_DEFAULT) return 1;
  return Math.max(1, Math.floor((2 * os.availableParallelism()) / Math.max(1, gradingsAtOnce)));
}

/**
 * Every fact a test learns for later ones (start failures, peers reached, the server's
 * port, the client's framing) is decided in the spec's order (grading-context.ts), and
 * what is learned beside the tests (the client's port, the server's framing, the stop
 * words) does not depend on them: side by side gives the verdicts of one after another.
 */
const SIDE_BY_SIDE_BY_DEFAULT = true;

let jobs = 0;

/** The settings a probe of the machine finds; the waits' come with each run's options. */
type FoundSettings = Omit<RunSettings, keyof WaitSettings>;

let settingsOfRun: Promise<FoundSettings> | undefined;

/**
 * The run's settings, found once per process with their probes side by side (each a
 * process start: ~0.1 s, a pyenv shim's python more), so every worker of a run grades alike.
 */
function runSettings(): Promise<FoundSettings> {
  settingsOfRun ??= Promise.all([findIsolation(), findGraderPython()]).then(([found, python]) => ({ isolation: found.mode, python }));
  return settingsOfRun;
}

export async function gradeTask(task: string, submission: string, opts: GradeOptions): Promise<TaskReport> {
  const started = Date.now();
  warmWorker(task);
  const settings: RunSettings = { ...(await runSettings()), ...(opts.waits ?? DEFAULT_WAITS) };
  const job = {
    id: ++jobs,
    task,
    submission: path.resolve(submission),
    seed: opts.seed,
    groups: opts.groups ?? [],
    tests: opts.tests ?? [],
    folderVersion: opts.folderVersion ?? 0,
    settings,
    testsAtOnce: opts.testsAtOnce ?? defaultTestsAtOnce(),
  };
  let graded: Graded;
  try {
    graded = await gradeOnWorker(job, new Deadlines(settings.timeScale).scaled(TASK_DEADLINE_MS));
  } catch (e) {
    if (!(e instanceof WorkerFailure)) throw e;
    throw new GraderError(`grading ${task} failed: ${e.why}\n${e.output}`);
  }
  // The worker ran and reported only the groups and tests asked for; the report says how it graded, once.
  const { tests: scored, ...head } = scoreTask(task, path.resolve(submission), Date.now() - started, graded.results, opts.advisory);
  // What was learned comes before the tests, as the report says it first.
  const foundAt = misplacedPrograms(path.resolve(submission), task);
  return {
    ...head,
    isolation: settings.isolation,
    seed: opts.seed,
    grader: graderIdentity(task),
    ...(graded.dialect ? { dialect: graded.dialect } : {}),
    ...(foundAt ? { foundAt } : {}),
    ...(job.tests.length > 0 ? { onlyTests: job.tests } : {}),
    tests: scored,
  };
}

/** The programs the worker ran from another place than the page's (the same rule, on the same files). */
function misplacedPrograms(submission: string, task: string): TaskReport['foundAt'] {
  const server = misplacedProgram(submission, task, 'server');
  const client = misplacedProgram(submission, task, 'client');
  if (server === undefined && client === undefined) return undefined;
  return { ...(server === undefined ? {} : { server }), ...(client === undefined ? {} : { client }) };
}
