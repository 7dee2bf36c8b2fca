// Grades one submission on one task in a worker process and returns its report.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { file as tempFile } from 'tmp-promise';
import { projectRoot } from '../core/paths.js';
import { scaled } from '../core/time.js';
import { scoreTask, type TaskReport, type TestResult } from '../report/types.js';
import { GraderError } from '../cli/errors.js';
import { isolation, ISOLATION_VARIABLE } from '../sandbox/isolation.js';
import { runSeed, SEED_VARIABLE } from '../core/seeded-random.js';
import { killOrphansOf, removeTempFoldersOf } from './orphans.js';
import { GROUPS_VARIABLE, TESTS_VARIABLE } from './worker-env.js';
import { graderPython, PYTHON_VARIABLE } from '../submission/python.js';

const WORKER = path.join(projectRoot, 'dist', 'harness', 'runner', 'grade-worker.js');
/** A whole task; every wait inside has its own much shorter deadline. */
const TASK_DEADLINE_MS = scaled(5 * 60_000);

export interface GradeOptions {
  /** Groups reported but not scored, e.g. ["robustness"]. */
  advisory?: string[];
  /** Only these groups are graded (all when absent or empty). */
  groups?: string[];
  /** Only tests whose title holds one of these (all when absent or empty). */
  tests?: string[];
}


export async function gradeTask(task: string, submission: string, opts: GradeOptions = {}): Promise<TaskReport> {
  const started = Date.now();
  const out = await tempFile({ prefix: 'socket-grader-results-', postfix: '.json' });
  try {
    const running = execa(process.execPath, [WORKER, task, out.path], {
      // The isolation found once here, so every worker of a run grades alike.
      env: {
        SOCKET_GRADER_SUBMISSION: path.resolve(submission),
        [ISOLATION_VARIABLE]: isolation().mode,
        [SEED_VARIABLE]: String(runSeed()),
        [GROUPS_VARIABLE]: (opts.groups ?? []).join(','),
        [PYTHON_VARIABLE]: graderPython(),
        [TESTS_VARIABLE]: JSON.stringify(opts.tests ?? []),
      },
      reject: false,
      timeout: TASK_DEADLINE_MS,
      killSignal: 'SIGTERM', // the worker kills its student programs on SIGTERM
      forceKillAfterDelay: 5000,
      stdin: 'ignore',
    });
    const worker = await running;
    // A worker that did not finish could not stop what it started.
    if (worker.exitCode !== 0) {
      killOrphansOf(running.pid);
      removeTempFoldersOf(running.pid);
    }
    const text = await readFile(out.path, 'utf8');
    if (worker.exitCode !== 0 || !text) {
      const why = worker.timedOut ? `it ran over ${TASK_DEADLINE_MS / 1000} s` : `it ${worker.signal ? `was killed by ${worker.signal}` : `exited with code ${worker.exitCode}`}`;
      throw new GraderError(`grading ${task} failed: ${why}\n${String(worker.stderr).slice(-4000)}`);
    }
    const tests = JSON.parse(text) as TestResult[];
    const graded = tests.filter((t) => (!opts.groups?.length || opts.groups.includes(t.group)) && (!opts.tests?.length || opts.tests.some((w) => t.name.includes(w))));
    return { ...scoreTask(task, path.resolve(submission), Date.now() - started, graded, opts.advisory), isolation: isolation().mode, seed: runSeed() };
  } finally {
    await out.cleanup();
  }
}
