// npm run bench -- [--out FILE] [--tasks a,b] [--class-task ID] [--class-size N] [--repeat N] [--no-mutants] [--no-validate]:
// what grading costs, measured as users run it, against the floor: the cost of starting
// the same programs doing nothing; each task alone, as a student grades one. See
// harness/bench/ and the README's figures.

import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countStarts, floorSeconds } from '../bench/floor.js';
import { benchMutantClass, quantile } from '../bench/mutant-class.js';
import { type Timed, timeCli } from '../bench/run-cli.js';
import { writeHangingSubmission } from '../bench/submissions.js';
import { type BenchFigures, checkTargets } from '../bench/targets.js';
import { listTasks } from '../core/paths.js';
import { SPAWN_LOG_VARIABLE } from '../process/spawn-log.js';
import type { AllReport } from '../report/types.js';
import { answersPresent, loadFixtures, NO_ANSWERS } from '../runner/fixtures.js';
import { isolation } from '../sandbox/isolation.js';
import { parseCommon, strayArguments, userPath, wantsHelp, wholeNumber } from './args.js';
import { EXIT, GraderError, UsageError } from './errors.js';
import { runMain } from './main.js';

const USAGE = 'usage: socket-grader bench [--out FILE] [--tasks task3a,task4] [--class-task ID] [--class-size N] [--repeat N] [--no-mutants] [--no-validate] [--time-scale X]';

interface Catalog {
  tasks: number;
  tests: number;
  fullPoints: boolean;
  programsStarted: Record<string, number>;
  floorSeconds: number;
  /**
   * `seconds` (the median) and `maxSeconds` of `grade <task> reference` alone, as a student runs it, over `--repeat` runs;
   * `floorSeconds`: the programs that grading started, doing nothing, as many at once as its tests run;
   * `inCatalogSeconds`: inside the catalog run, beside the others.
   */
  perTask: Array<{ task: string; seconds: number; maxSeconds: number; floorSeconds: number; inCatalogSeconds: number; tests: number }>;
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Grades `tasks` of a submission with `grade`, as one run; its JSON report and wall time. */
async function gradeRun(tasks: string[], all: boolean, submission: string, timeScale: number, env: Record<string, string> = {}): Promise<{ run: Timed; report: AllReport }> {
  const run = await timeCli('grade', [all ? 'all' : tasks.join(','), submission, '--format', 'json'], timeScale, env);
  if (run.exitCode > 1) throw new GraderError(`bench: grading ${submission} broke the grader (exit ${run.exitCode})\n${run.stderr.slice(-2000)}`);
  const parsed = JSON.parse(run.stdout) as AllReport | AllReport['tasks'][number];
  // One task prints a task report; several print the whole run.
  const report: AllReport = 'tasks' in parsed ? parsed : { submission, score: parsed.score, maxScore: parsed.maxScore, durationMs: parsed.durationMs, tasks: [parsed] };
  return { run, report };
}

/** A correct submission in a student's style for `task`: its first solution that speaks the page's protocol. */
function studentSolution(task: string): string {
  const solution = loadFixtures(task).solutions.find((s) => !s.groups);
  if (!solution) throw new UsageError(`${task} has no student-style solution to grade as a class`);
  return solution.dir;
}

export async function bench(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.allPassed;
  }
  const { positionals, flags, extra } = parseCommon(
    argv,
    {
      tasks: { type: 'string' },
      'class-task': { type: 'string', default: 'task3c' },
      'class-size': { type: 'string', default: '30' },
      repeat: { type: 'string', default: '3' },
      'no-mutants': { type: 'boolean', default: false },
      'no-validate': { type: 'boolean', default: false },
    },
    'bench',
  );
  if (positionals.length > 0) throw strayArguments('bench', [], positionals);
  if (!answersPresent()) throw new UsageError(`bench ${NO_ANSWERS}`);
  const known = listTasks();
  const tasks = typeof extra.tasks === 'string' ? extra.tasks.split(',') : known;
  const classTask = String(extra['class-task']);
  for (const t of [...tasks, classTask]) if (!known.includes(t)) throw new UsageError(`unknown task "${t}"; valid tasks: ${known.join(' ')}`);
  const classSize = wholeNumber('class-size', extra['class-size'], 30);
  const repeat = wholeNumber('repeat', extra.repeat, 3);
  const all = tasks.length === known.length;
  const cores = os.availableParallelism();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'socket-grader-bench-'));
  // Readable by others, as a class's checkout is: programs then run as users of their own
  // (in a folder closed to others they run as the grader's user, with the grader's python).
  chmodSync(tmp, 0o755);
  try {
    // 1. The catalog against the reference, counting every program it starts; then the floor.
    say(`bench: the reference, ${tasks.length} tasks…`);
    const spawnLog = path.join(tmp, 'spawns.log');
    const { run: catalogRun, report: catalogReport } = await gradeRun(tasks, all, 'reference', flags.waits.timeScale, { [SPAWN_LOG_VARIABLE]: spawnLog });
    const starts = countStarts(spawnLog);
    // grade runs twice the cores' tasks at once, each starting its programs one test at a time.
    const floor = await floorSeconds(starts, 2 * cores);
    // Each task alone, as a student grades one: the whole command, start to exit, `repeat` times (rounds, so a slow moment touches every task alike).
    say(`bench: each task alone, ${repeat} time(s)…`);
    const alone = new Map<string, number[]>(tasks.map((t) => [t, []]));
    let workerPeakMiB = 0;
    for (let pass = 0; pass < repeat; pass++) {
      for (const task of tasks) {
        // The first pass counts what each task starts: its own floor, below which no grading of it can go.
        const env: Record<string, string> = pass === 0 ? { [SPAWN_LOG_VARIABLE]: taskSpawnLog(tmp, task) } : {};
        const { run } = await gradeRun([task], false, 'reference', flags.waits.timeScale, env);
        alone.get(task)?.push(run.seconds);
        workerPeakMiB = Math.max(workerPeakMiB, run.memory.workerPeakMiB);
      }
    }
    // A task alone runs up to twice the cores' tests at once (defaultTestsAtOnce), each starting its programs in turn.
    const taskFloors = new Map<string, number>();
    for (const task of tasks) taskFloors.set(task, await floorSeconds(countStarts(taskSpawnLog(tmp, task)), 2 * cores));
    const sortedAlone = (task: string): number[] => [...(alone.get(task) ?? [])].sort((a, b) => a - b);
    const catalog: Catalog = {
      tasks: catalogReport.tasks.length,
      tests: catalogReport.tasks.reduce((n, t) => n + t.tests.length, 0),
      fullPoints: catalogReport.score === catalogReport.maxScore,
      programsStarted: Object.fromEntries(starts),
      floorSeconds: floor,
      perTask: catalogReport.tasks.map((t) => ({
        task: t.task,
        seconds: round(quantile(sortedAlone(t.task), 0.5)),
        maxSeconds: round(Math.max(...sortedAlone(t.task))),
        floorSeconds: round(taskFloors.get(t.task) ?? Number.NaN),
        inCatalogSeconds: round(t.durationMs / 1000),
        tests: t.tests.length,
      })),
    };

    // 2. What a student with nothing working waits for.
    say('bench: an empty submission…');
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    const emptyRun = (await gradeRun(tasks, all, empty, flags.waits.timeScale)).run;
    say('bench: a submission whose programs all hang…');
    const hanging = path.join(tmp, 'hanging');
    writeHangingSubmission(hanging, tasks);
    const hangingRun = (await gradeRun(tasks, all, hanging, flags.waits.timeScale)).run;

    // 3. A class: the same correct submission many times: with no parallelism at all (one
    // grading at a time, its tests one after another), one grading at a time (its tests side
    // by side, the default), and on every core.
    say(`bench: a class of ${classSize} ${classTask} submissions, one test at a time, --jobs 1 and --jobs ${cores}…`);
    const classDir = path.join(tmp, 'class');
    const solution = studentSolution(classTask);
    for (let i = 1; i <= classSize; i++) cpSync(solution, path.join(classDir, `student${String(i).padStart(2, '0')}`), { recursive: true });
    const classRuns: Record<string, Timed> = {};
    const classWays: Array<[string, string[]]> = [
      ['serial', ['--jobs', '1', '--tests-at-once', '1']],
      ['1', ['--jobs', '1']],
      [String(cores), ['--jobs', String(cores)]],
    ];
    for (const [way, flagsOfWay] of classWays) {
      classRuns[way] = await timeCli('class', [classTask, classDir, ...flagsOfWay, '--csv', path.join(tmp, `class-${way}.csv`)], flags.waits.timeScale);
      if (classRuns[way].exitCode !== 0)
        throw new GraderError(
          `bench: the class of correct ${classTask} submissions did not all grade at full points (${flagsOfWay.join(' ')}, exit ${classRuns[way].exitCode})\n${classRuns[way].stderr.slice(-2000)}`,
        );
    }

    // 4. Half-working programs: every mutant of the tasks, as a class per task.
    let mutants: Awaited<ReturnType<typeof benchMutantClass>> | undefined;
    if (!extra['no-mutants']) {
      say('bench: every mutant, as a class…');
      mutants = await benchMutantClass(tasks, tmp, cores, flags.waits.timeScale);
      workerPeakMiB = Math.max(workerPeakMiB, mutants.workerPeakMiB);
    }

    // 5. validate of the whole catalog.
    let validate: Timed | undefined;
    if (!extra['no-validate']) {
      say('bench: validate…');
      validate = await timeCli('validate', tasks.length === known.length ? [] : tasks, flags.waits.timeScale);
    }

    const figures: BenchFigures = {
      ratioToFloor: round(catalogRun.seconds / floor),
      catalogSeconds: round(catalogRun.seconds),
      slowestTaskSeconds: round(Math.max(...catalog.perTask.map((t) => t.seconds))),
      medianTaskSeconds: round(
        quantile(
          [...catalog.perTask.map((t) => t.seconds)].sort((a, b) => a - b),
          0.5,
        ),
      ),
      medianTaskFloorSeconds: round(
        quantile(
          [...catalog.perTask.map((t) => t.floorSeconds)].sort((a, b) => a - b),
          0.5,
        ),
      ),
      emptySubmissionSeconds: round(emptyRun.seconds),
      hangingSubmissionSeconds: round(hangingRun.seconds),
      classSpeedup: round(classRuns.serial.seconds / classRuns[cores].seconds),
      mutantClassSeconds: mutants ? round(mutants.seconds) : null,
      mutantClassFloorSeconds: mutants ? round(mutants.floorSeconds) : null,
      mutantClassRatio: mutants ? round(mutants.seconds / mutants.floorSeconds) : null,
      slowestMutantSeconds: mutants ? round(mutants.slowest.seconds) : null,
      workerPeakMiB: round(workerPeakMiB),
      validateSeconds: validate ? round(validate.seconds) : null,
    };
    const result = {
      ...figures,
      machine: {
        cores,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        isolation: isolation().mode,
      },
      catalog,
      class: {
        task: classTask,
        submissions: classSize,
        jobs: cores,
        serialSeconds: round(classRuns.serial.seconds),
        oneAtATimeSeconds: round(classRuns[1].seconds),
        parallelSeconds: round(classRuns[cores].seconds),
        perMinute: round((classSize / classRuns[cores].seconds) * 60),
        peakMiB: classRuns[cores].memory.treePeakMiB,
      },
      mutantClass: mutants
        ? {
            gradings: mutants.gradings,
            p50Seconds: round(mutants.p50Seconds),
            p95Seconds: round(mutants.p95Seconds),
            slowest: { ...mutants.slowest, seconds: round(mutants.slowest.seconds) },
            peakMiB: mutants.treePeakMiB,
          }
        : null,
      validate: validate ? { exitCode: validate.exitCode } : null,
      targets: checkTargets(figures),
      takenAt: new Date().toISOString(),
    };
    if (flags.out) writeFileSync(userPath(flags.out), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${table(result.targets, figures, catalog, result.class, result.mutantClass)}\n`);
    const broken = !catalog.fullPoints || (validate !== undefined && validate.exitCode !== 0);
    if (!catalog.fullPoints) say('bench: the reference lost points: the timings are not to be trusted');
    if (validate && validate.exitCode !== 0) say(`bench: validate failed (exit ${validate.exitCode})`);
    return broken ? EXIT.someFailed : EXIT.allPassed;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Where the first grading of `task` alone logs the programs it starts. */
function taskSpawnLog(tmp: string, task: string): string {
  return path.join(tmp, `spawns-${task}.log`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function table(
  targets: ReturnType<typeof checkTargets>,
  f: BenchFigures,
  catalog: Catalog,
  cls: { task: string; submissions: number; jobs: number; serialSeconds: number; oneAtATimeSeconds: number; parallelSeconds: number; perMinute: number; peakMiB: number },
  mutants: { gradings: number; p50Seconds: number; p95Seconds: number; slowest: { task: string; mutant: string; seconds: number }; peakMiB: number } | null,
): string {
  const starts = Object.values(catalog.programsStarted).reduce((a, b) => a + b, 0);
  const lines = [
    `catalog: ${catalog.tasks} tasks, ${catalog.tests} tests, ${starts} programs started, ${f.catalogSeconds} s (floor ${round(catalog.floorSeconds)} s)`,
    `class: ${cls.submissions} × ${cls.task}: ${cls.serialSeconds} s one grading and one test at a time, ${cls.oneAtATimeSeconds} s one grading at a time, ${cls.parallelSeconds} s with --jobs ${cls.jobs} (${cls.perMinute} per minute), ${cls.peakMiB} MiB at most`,
    mutants
      ? `mutants: ${mutants.gradings} gradings in ${f.mutantClassSeconds} s (floor ${f.mutantClassFloorSeconds} s); per grading p50 ${mutants.p50Seconds} s, p95 ${mutants.p95Seconds} s, slowest ${mutants.slowest.seconds} s (${mutants.slowest.task} ${mutants.slowest.mutant}); ${mutants.peakMiB} MiB at most`
      : 'mutants: not run',
    `per task alone: median ${f.medianTaskSeconds} s (its programs' floor: median ${f.medianTaskFloorSeconds} s), slowest ${f.slowestTaskSeconds} s; a grading worker peaks at ${f.workerPeakMiB} MiB`,
    `validate: ${f.validateSeconds === null ? 'not run' : `${f.validateSeconds} s`}`,
    '',
    '| figure | value | target | met |',
    '|---|---|---|---|',
    ...targets.map((t) => `| ${t.figure} | ${t.value} | ${t.target} | ${t.met ? 'yes' : 'NO'} |`),
  ];
  return lines.join('\n');
}

runMain(bench, import.meta.url);
