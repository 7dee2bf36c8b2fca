// What the runner and a grading worker say to each other over the worker's IPC channel.

import type { Dialect, TestResult } from '../report/types.js';

/** One grading: a submission on a task, with the run's seed, maybe narrowed to groups or tests. */
export interface WorkerJob {
  id: number;
  task: string;
  /** The submission folder, absolute. */
  submission: string;
  seed: number;
  /** Only these groups run (all when empty). */
  groups: string[];
  /** Only tests whose title holds one of these (all when empty). */
  tests: string[];
  /** Which version of the folder this is (watch counts the saves in it): a copy of another version is made again. */
  folderVersion: number;
  /** How many of the task's tests run side by side (1: one after another). */
  testsAtOnce: number;
}

/** Its answer: the results, or why there are none. */
export interface WorkerDone {
  id: number;
  results?: TestResult[];
  /** What the grading learned of the submission's own ports, beside its results. */
  dialect?: Dialect;
  error?: string;
}

/** A grading's outcome, as the runner gets it from its worker. */
export interface Graded {
  results: TestResult[];
  dialect?: Dialect;
}
