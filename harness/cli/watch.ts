// socket-grader watch <task> <folder>: grades once, then again after every save in the
// folder, and says which tests changed since the run before. Ctrl+C ends it (exit 0:
// stopping is how a watch ends), with nothing of the grading under way left behind.

import { listTasks } from '../core/paths.js';
import { newSeed } from '../core/seeded-random.js';
import { changesBetween, describeChanges } from '../report/changes.js';
import { safeText } from '../report/escape.js';
import { allReport, render } from '../report/render.js';
import type { TaskReport } from '../report/types.js';
import { closeWorkers } from '../runner/worker-pool.js';
import { findIsolation } from '../sandbox/isolation.js';
import { findGraderPython } from '../sandbox/python.js';
import { parseCommon, testWords, wantsHelp } from './args.js';
import { EXIT, UsageError } from './errors.js';
import { watchSaves } from './folder-saves.js';
import { type GradeTarget, gradeTarget, gradeTasks, type TargetOptions } from './grade-target.js';
import { runMain } from './main.js';

const USAGE = `usage: socket-grader watch <task|task,task…|all> <submission-folder> [options]
grades once, then again each time you save a file in the folder, and says which tests
changed since the run before; Ctrl+C stops it (exit 0)
  --test TEXT         grade only the tests whose title contains TEXT (any case)
  --groups G,G        grade only these groups: server, client, end-to-end, robustness
  --advisory G        report group G but leave it out of the score
  --seed N            the data every run uses (one seed for the whole watch, so what changes is your code)
  --jobs N            tasks graded at once
  --tests-at-once N   tests of a task run side by side (default twice the cores, shared among the tasks graded at once; 1: one after another)
  --time-scale X      multiply every deadline by X (2 on a slow machine; also SOCKET_GRADER_TIME_SCALE)
through npm, put -- before the arguments: npm run watch -- chat my-work --test hello`;

/** Saves closer together than this are one change (an editor writes a file in steps). */
const QUIET_MS = 300;

/** Resolves on the first Ctrl+C (SIGINT), SIGTERM or SIGHUP; until then, they do not end the process. */
function stopSignal(): { stopped: Promise<void>; isStopped: () => boolean; dispose: () => void } {
  let stopped = false;
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  const onSignal = (): void => {
    stopped = true;
    resolve();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);
  const dispose = (): void => {
    for (const s of signals) process.off(s, onSignal);
  };
  return { stopped: promise, isStopped: () => stopped, dispose };
}

/** "server.py", "server.py and client.py", "server.py, client.py and 3 more". */
function filesInWords(files: readonly string[]): string {
  const shown = files.slice(0, 2);
  const more = files.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.join(' and ');
}

export async function watch(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\ntasks: ${listTasks().join(' ')}\n`);
    return EXIT.allPassed;
  }
  const { positionals, flags, extra } = parseCommon(argv, { test: { type: 'string' } }, 'watch');
  if (flags.format !== 'text' || flags.out !== undefined) throw new UsageError('watch prints its reports as text only; `socket-grader grade` writes the other formats and --out');
  const target = gradeTarget('watch', positionals);
  // One seed for every run: a verdict that changes is the code's doing, not the data's.
  const seed = flags.seed ?? newSeed();
  const options: TargetOptions = { seed, advisory: flags.advisory, groups: flags.groups, tests: testWords(extra.test), jobs: flags.jobs, testsAtOnce: flags.testsAtOnce, waits: flags.waits };
  const say = (line: string): boolean => process.stdout.write(`${line}\n`);
  // The run's probes side by side, once: the gradings below reuse their answers.
  const [found] = await Promise.all([findIsolation(), findGraderPython()]);
  say(`isolation: ${found.summary}\nseed: ${seed} (every run of this watch uses it)`);

  const stop = stopSignal();
  let version = 0;
  let saved: string[] = [];
  let wake: (() => void) | undefined;
  const saves = watchSaves(target.submission, QUIET_MS, (files) => {
    version++;
    saved.push(...files.filter((f) => !saved.includes(f)));
    wake?.();
  });
  try {
    let previous: TaskReport[] | undefined;
    for (let run = 1; !stop.isStopped(); run++) {
      const graded = version;
      say(`\n── run ${run}: ${run === 1 ? 'grading' : `${filesInWords(saved)} changed, grading again`} ──`);
      saved = [];
      const reports = await gradeOrStop(target, { ...options, folderVersion: graded }, stop, say);
      if (stop.isStopped()) break;
      if (reports) {
        say(render('text', allReport(target.submission, reports, 0), target.tasks.length === 1 && target.taskArg !== 'all'));
        if (previous) say(describeChanges(changesBetween(previous, reports)));
        previous = reports;
      }
      // A save during the grading: grade again at once; else wait for one.
      if (version === graded) {
        say(`watching ${target.folderArg} for saves (Ctrl+C to stop)`);
        await Promise.race([new Promise<void>((r) => (wake = r)), stop.stopped]);
        wake = undefined;
      }
    }
    return EXIT.allPassed;
  } finally {
    saves.close();
    stop.dispose();
  }
}

/**
 * One grading, or undefined when it broke (said on stdout; the next save grades again) or
 * the watch was stopped: then its workers are stopped with everything they started
 * (Ctrl+C reaches them too, as the terminal signals the whole process group) and waited for.
 */
async function gradeOrStop(target: GradeTarget, options: TargetOptions, stop: ReturnType<typeof stopSignal>, say: (line: string) => void): Promise<TaskReport[] | undefined> {
  const grading = gradeTasks(target, options).then(
    (reports) => ({ reports }),
    (error: unknown) => ({ error }),
  );
  const first = await Promise.race([grading, stop.stopped.then(() => undefined)]);
  if (first === undefined || stop.isStopped()) {
    await closeWorkers();
    await grading;
    return undefined;
  }
  if ('reports' in first) return first.reports;
  // Bad words for --test are bad input on every run: said once, and the watch ends (exit 2).
  if (first.error instanceof UsageError) throw first.error;
  // The worker's own output comes with it: shown, never acted on (escape.ts).
  say(safeText(`socket-grader: the grading broke: ${first.error instanceof Error ? first.error.message : String(first.error)}`));
  return undefined;
}

runMain(watch, import.meta.url);
