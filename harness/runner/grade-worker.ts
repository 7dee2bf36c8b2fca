// A grading worker: grades one submission on one task per request from its parent
// (worker-pool.ts), for as long as the parent has work. Loading mocha, the harness and
// a spec costs more than many a grading: a worker loads each task's spec once and runs
// it again for the next submission. Every test owns and disposes of everything it
// starts (programs, networks, folders); what a run notes (start failures, the seed,
// the submission) is set afresh before the next.
// Started by fork() with an IPC channel: WorkerJob in, WorkerDone out. It exits when
// the channel closes, killing any program still running.

import Mocha from 'mocha';
import { compiledSpec } from '../core/paths.js';
import { provideStalls } from '../core/stall-signal.js';
import { Deadlines } from '../core/time.js';
import { beginGrading, learnedDialect } from '../dsl/grading-context.js';
import { killLiveProgramsOnSignals } from '../process/live-programs.js';
import { watchForStalls } from '../process/stall.js';
import type { Dialect, TestResult } from '../report/types.js';
import { adoptIsolation, isolation } from '../sandbox/isolation.js';
import { adoptGraderPython } from '../sandbox/python.js';
import { keptCopyOf } from '../sandbox/submission-copy.js';
import { settleSandboxes } from '../sandbox/test-network.js';
import { GradeReporter } from './reporter.js';
import type { RunSettings, WorkerDone, WorkerJob, WorkerPreload } from './worker-protocol.js';

killLiveProgramsOnSignals();
// A promise a finished test left behind must not take the next grading down with it.
process.on('unhandledRejection', (reason) => process.stderr.write(`unhandled rejection between gradings: ${String(reason)}\n`));
process.on('disconnect', () => process.exit(0));

/**
 * Waits end once the test's programs stall, where /proc shows each test's own network
 * (without one, the machine's sockets of every other test would never keep still), as
 * each job's settings say. A run that does not watch stalls (SOCKET_GRADER_STALLS=off):
 * every wait runs to its deadline, as a check on a verdict.
 */
function watchStallsAsSet(settings: RunSettings, deadlines: Deadlines): void {
  if (isolation().mode !== 'none' && settings.watchStalls) watchForStalls(deadlines);
  else provideStalls(undefined);
}

const suites = new Map<string, Promise<Mocha>>();

/**
 * The task's spec, loaded once (maybe ahead of its grading: a spec's top level registers
 * its tests and draws nothing of a grading, as it is run again for the next one); ESM
 * modules cannot be loaded again, so the suite is run again.
 */
function suiteOf(task: string): Promise<Mocha> {
  let mocha = suites.get(task);
  if (!mocha) {
    // Our own deadlines fire first; mocha's timeout only catches a grader bug.
    const loading = new Mocha({ reporter: GradeReporter, timeout: 120_000 });
    loading.cleanReferencesAfterRun(false);
    loading.addFile(compiledSpec(task));
    mocha = loading.loadFilesAsync().then(() => loading);
    // A spec that failed to load fails the grading that asks for it, and loads again for the next.
    mocha.catch(() => suites.delete(task));
    suites.set(task, mocha);
  }
  return mocha;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * Only the groups asked for run (a test's full title is "<task> <group> <title>"), and
 * only tests whose title holds one of the words asked for, in any case (`grade --test`,
 * validate proving a mutant dead).
 */
function grepFor(job: WorkerJob): RegExp | undefined {
  if (job.groups.length === 0 && job.tests.length === 0) return undefined;
  const groupPart = job.groups.length > 0 ? `(${job.groups.map(escapeRegExp).join('|')})` : '\\S+';
  const titlePart = job.tests.length > 0 ? `.*(${job.tests.map(escapeRegExp).join('|')})` : '';
  return new RegExp(`^${escapeRegExp(job.task)} ${groupPart} ${titlePart}`, 'i');
}

async function grade(job: WorkerJob): Promise<{ results: TestResult[]; dialect?: Dialect }> {
  adoptIsolation(job.settings.isolation);
  adoptGraderPython(job.settings.python);
  // The run's scale, the same for every job of a run: its deadlines, and how long a stall takes.
  const deadlines = new Deadlines(job.settings.timeScale);
  watchStallsAsSet(job.settings, deadlines);
  // In a sandbox, programs run from a copy every user may read (they never run as the
  // grader's user, whatever the folder's permissions); without one, from the folder itself.
  // The copy is made once for the gradings of the same folder that follow, again once it has changed.
  const copy = isolation().mode === 'none' ? undefined : await keptCopyOf(job.submission, job.folderVersion);
  const grep = grepFor(job);
  // The specs learn which tests run, so work done for some tests only (the client's port) is done only for them.
  // Without a network of each test's own, tests share the host's ports: a server with its
  // port hard-coded would find it taken by the one of the test beside it.
  const testsAtOnce = isolation().mode === 'none' ? 1 : job.testsAtOnce;
  beginGrading({ dir: copy?.dir ?? job.submission, original: job.submission, seed: job.seed, runs: grep && ((fullTitle) => grep.test(fullTitle)), testsAtOnce, deadlines });
  try {
    const mocha = await suiteOf(job.task);
    mocha.options.grep = grep;
    let results: TestResult[] = [];
    mocha.options.reporterOptions = { onResults: (r: TestResult[]) => (results = r) };
    // Answered once mocha is done with the run, so the next grading can run it again.
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
    return { results, dialect: learnedDialect(job.task) };
  } finally {
    // Nothing of the grading's tests outlives it (they end without waiting for their last processes).
    await settleSandboxes();
  }
}

// One grading at a time: the parent sends the next only after the answer; a preload may come before it.
process.on('message', (job: WorkerJob | WorkerPreload) => {
  if ('preload' in job) {
    suiteOf(job.preload).catch(() => undefined);
    return;
  }
  grade(job).then(
    ({ results, dialect }) => process.send?.({ id: job.id, results, dialect } satisfies WorkerDone),
    (e: unknown) => process.send?.({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerDone),
  );
});
