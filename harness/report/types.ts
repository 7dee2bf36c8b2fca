// The one result object every renderer (text, JSON) and validate read.

import type { TranscriptEntry } from '../core/transcript.js';
import type { Dialect } from '../dsl/task-terms.js';

export { END_OF_INPUT } from '../dsl/task-terms.js';
export type { Dialect };

/** Which grader made a report: its package version and a hash of the compiled specs it graded with. */
export interface GraderIdentity {
  version: string;
  specHash: string;
}

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface TestResult {
  name: string;
  group: string;
  status: TestStatus;
  points: number;
  maxPoints: number;
  /** Why it failed, was skipped, or errored; absent when it passed. */
  message?: string;
  durationMs: number;
  transcript: TranscriptEntry[];
  /** Reported but not scored (an instructor made the group advisory). */
  advisory?: boolean;
}

export interface TaskReport {
  task: string;
  submission: string;
  score: number;
  maxScore: number;
  durationMs: number;
  /** How the programs were isolated: 'root' or 'userns' (a network per test, the task's own port), or 'none'. */
  isolation?: string;
  /** The seed every random choice came from: `--seed` replays it. */
  seed?: number;
  /** What was learned of the submission's own ports; absent when nothing was (no namespaces, no program started). */
  dialect?: Dialect;
  /** Programs found and graded away from where the page asks (`unzipped/chat/server.py`), by role. */
  foundAt?: { server?: string; client?: string };
  /** The grader's version and its specs' hash (a whole run: one hash over every task's). */
  grader?: GraderIdentity;
  /** Set when only some tests were asked for (`--test`): the words their titles contain; the score counts those tests alone. */
  onlyTests?: string[];
  tests: TestResult[];
}

export interface AllReport {
  submission: string;
  isolation?: string;
  seed?: number;
  grader?: GraderIdentity;
  score: number;
  maxScore: number;
  durationMs: number;
  tasks: TaskReport[];
}

/** Scores a task's tests; advisory tests are shown but count for nothing. */
export function scoreTask(task: string, submission: string, durationMs: number, tests: TestResult[], advisoryGroups: string[] = []): TaskReport {
  const scored = tests.map((t) => {
    if (!advisoryGroups.includes(t.group)) return t;
    return { ...t, advisory: true, points: 0, maxPoints: 0 };
  });
  return {
    task,
    submission,
    score: sum(scored.map((t) => t.points)),
    maxScore: sum(scored.map((t) => t.maxPoints)),
    durationMs,
    tests: scored,
  };
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Only the student's own failures count: advisory ones and skipped ones do not fail the run. */
export function hasFailure(report: TaskReport): boolean {
  return report.tests.some((t) => !t.advisory && (t.status === 'failed' || t.status === 'skipped'));
}

export function hasGraderError(report: TaskReport): boolean {
  return report.tests.some((t) => t.status === 'error');
}
