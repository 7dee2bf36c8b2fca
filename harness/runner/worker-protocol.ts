// What the runner and a grading worker say to each other over the worker's IPC channel.

import type { Dialect, TestResult } from '../report/types.js';
import type { IsolationMode } from '../sandbox/isolation.js';

/** How a run's waits go, as its user chose them: read once by the CLI, handed to each worker with each job. */
export interface WaitSettings {
  /** Every deadline of the grading is multiplied by it (`--time-scale`): 2 on a slow machine doubles them. */
  timeScale: number;
  /** A wait ends once the test's programs stall (process/stall.ts); false (SOCKET_GRADER_STALLS=off): every wait runs to its deadline, to check a verdict. */
  watchStalls: boolean;
}

export const DEFAULT_WAITS: WaitSettings = { timeScale: 1, watchStalls: true };

/** What every grading of a run shares, found once by the run's process and handed to each worker with each job. */
export interface RunSettings extends WaitSettings {
  isolation: IsolationMode;
  /** The python3 that runs students' .py files and the sandbox helper. */
  python: string;
}

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
  settings: RunSettings;
  /** Which version of the folder this is (watch counts the saves in it): a copy of another version is made again. */
  folderVersion: number;
  /** How many of the task's tests run side by side (1: one after another). */
  testsAtOnce: number;
}

/** Sent ahead of a grading: the worker loads the task's spec while the run's settings are still being found. */
export interface WorkerPreload {
  preload: string;
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
