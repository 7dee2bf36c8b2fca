// npm run validate -- [task…] [--format json] [--repeat N] [--matrix] [--full] [--groups G]: every spec
// must pass the reference and every student-style solution at full points (a pair speaking
// its own wire format: the groups its solution.json lists), fail every mutant by the test
// that names its bug, and have each of its tests failed by some mutant. A mutant is graded
// on the tests its mutant.json names, nothing more: its death costs only the event that
// proves it (all tests with "exactly", --full or --matrix); an own-wire pair on its groups. With --repeat, everything is
// graded N times and a test whose outcome changes is flaky; --matrix shows which test
// fails which mutant, and fails a mutant that loses tests of several groups unless its
// mutant.json says why ("crossGroups": one bug, one charge). --groups grades only those
// groups (e.g. robustness 20 times over, to find its races): a mutant no graded test kills
// (its bug may be named by other groups' tests) is left unjudged, a note rather than a
// failure; the full validate judges it.

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { listTasks } from '../core/paths.js';
import { newSeed } from '../core/seeded-random.js';
import { type KillMatrix, killMatrix, matrixMarkdown } from '../report/kill-matrix.js';
import type { TaskReport, TestStatus } from '../report/types.js';
import { checkLine, flakyLine, lostTestLines, markedLine, markOf, validationText } from '../report/validation-text.js';
import { answersPresent, type Fixtures, loadFixtures as loadAll, NO_ANSWERS } from '../runner/fixtures.js';
import { defaultTestsAtOnce, type GradeOptions, gradeTask } from '../runner/grade-task.js';
import { chargeLines, type MutantCharges, mutantCharges } from '../runner/mutant-charges.js';
import { compactMutant, mutantDiff, StalePatchError, storedFiles } from '../runner/mutant-delta.js';
import { mapConcurrently } from '../runner/pool.js';
import { parseCommon, userPath, wantsHelp, wholeNumber } from './args.js';
import { EXIT, UsageError } from './errors.js';
import { runMain } from './main.js';

interface Job {
  task: string;
  kind: 'reference' | 'mutant' | 'solution';
  name: string;
  dir: string;
  killedBy: string[];
  exactly: boolean;
  /** A solution's groups to pass in full; undefined: every group. */
  groups?: string[];
  wire?: string;
  crossGroups?: string;
}

interface Flaky {
  kind: Job['kind'];
  name: string;
  test: string;
  /** How many of the runs ended in each status. */
  outcomes: Partial<Record<TestStatus, number>>;
}

interface TaskValidation {
  task: string;
  reference: { passed: number; failed: number };
  /** `notJudged`: with --groups, no graded test names its bug. */
  mutants: Array<{ name: string; failed: number; killed: boolean; killedBy: string[]; notJudged?: boolean }>;
  /**
   * `groups`: those it must pass in full (every group of the task when it has no
   * solution.json); `wire`: the format of a pair speaking its own.
   */
  solutions: Array<{ name: string; failed: number; groups: string[]; wire?: string }>;
  /** Tests no mutant fails: nothing shows they can tell a broken program from a good one. */
  unproven: string[];
  /** With --repeat: tests whose outcome on one submission changed from run to run. */
  flaky?: Flaky[];
  /** With --matrix. */
  matrix?: KillMatrix;
  /** With --matrix: what each mutant lost, by group; one that loses several groups needs a reason. */
  charges?: MutantCharges[];
}

const notPassed = (r: TaskReport): string[] => r.tests.filter((t) => t.status !== 'passed').map((t) => t.name);
const failedTests = (r: TaskReport): string[] => r.tests.filter((t) => t.status === 'failed').map((t) => t.name);

/** A mutant none of whose tests failed because none was judged (skipped, or the grader failed): why, in its first line. */
function unjudged(r: TaskReport): string | undefined {
  const t = r.tests.find((x) => x.status === 'error' || x.status === 'skipped');
  if (!t) return undefined;
  const why = (t.message ?? '').split('\n')[0];
  return t.status === 'error' ? `NOT JUDGED: the grader failed in "${t.name}": ${why}` : `NOT JUDGED: "${t.name}" was skipped: ${why}`;
}

/**
 * Whether one grading of a job is what validate expects of it, and why. `outOfGroups`: a
 * mutant none of whose graded tests names its bug (they are in groups left out by --groups)
 * is neither good nor bad, only noted.
 */
function judge(job: Job, r: TaskReport, groupsOnly: boolean): { good: boolean; detail: string; failed: number; killers: string[]; outOfGroups?: boolean } {
  const errors = r.tests.filter((t) => t.status === 'error');
  let good: boolean;
  let detail: string;
  let killers: string[] = [];
  if (job.kind === 'mutant') {
    const failed = failedTests(r);
    const names = (title: string): boolean => job.killedBy.some((k) => title.includes(k));
    // Its bug may be named by tests of the groups left out too (the full validate judges it there): unkilled here is only noted.
    if (groupsOnly && errors.length === 0 && !failed.some(names)) {
      const why = r.tests.some((t) => names(t.name)) ? 'none of the graded tests that name its bug failed it' : 'the tests that name its bug are not in the groups graded';
      const extra = failed.length > 0 ? `; failed ${failed.map((n) => `"${n}"`).join(', ')}` : '';
      return { good: true, detail: `not judged: ${why}${extra}`, failed: failed.length, killers, outOfGroups: true };
    }
    killers = failed.filter(names);
    good = killers.length > 0 && errors.length === 0;
    detail =
      killers.length > 0
        ? `killed by "${killers[0]}"`
        : r.tests.length === 0
          ? `no test's title holds ${job.killedBy.map((k) => `"${k}"`).join(' or ')} (its mutant.json killedBy)`
          : failed.length > 0
            ? `failed only ${failed.map((n) => `"${n}"`).join(', ')}, not the test that names its bug (${job.killedBy.join(' | ')})`
            : (unjudged(r) ?? 'SURVIVED: no test failed');
    if (good && job.exactly) {
      // The named tests, and only they, must fail: all of them, and nothing else.
      const missed = r.tests.filter((t) => names(t.name) && t.status !== 'failed').map((t) => t.name);
      const extra = failed.filter((n) => !names(n));
      good = missed.length === 0 && extra.length === 0;
      detail = good
        ? `killed by exactly the ${killers.length} tests that name its bug`
        : `should fail exactly the tests that name its bug; ${[...missed.map((n) => `passed "${n}"`), ...extra.map((n) => `also failed "${n}"`)].join(', ')}`;
    }
    if (errors.length > 0) detail += `; grader errors: ${errors.map((e) => e.message).join('; ')}`;
    return { good, detail, failed: failed.length, killers };
  }
  if (job.kind === 'solution' && job.groups) {
    // A pair speaking its own wire format: only its listed groups count; the others are shown for information.
    const listed = job.groups;
    const held = r.tests.filter((t) => listed.includes(t.group));
    const others = r.tests.filter((t) => !listed.includes(t.group));
    const missedHeld = notPassed({ ...r, tests: held });
    const empty = listed.filter((g) => !held.some((t) => t.group === g));
    const otherFailed = others.filter((t) => t.status !== 'passed').length;
    good = missedHeld.length === 0 && empty.length === 0;
    detail =
      empty.length > 0
        ? `solution.json lists groups with no tests: ${empty.join(', ')}`
        : good
          ? `${held.length} passed in ${listed.join(', ')} (own wire format${others.length > 0 ? `; other groups for information: ${others.length - otherFailed} passed, ${otherFailed} not` : ''})`
          : `did not pass (${listed.join(', ')}): ${missedHeld.map((n) => `"${n}"`).join(', ')}`;
    if (errors.length > 0) detail += `; grader errors: ${errors.map((e) => e.message).join('; ')}`;
    return { good, detail, failed: missedHeld.length, killers };
  }
  const missed = notPassed(r);
  good = missed.length === 0;
  detail = good ? `${r.tests.length} passed, ${r.score}/${r.maxScore} points` : `did not pass: ${missed.map((n) => `"${n}"`).join(', ')}`;
  if (errors.length > 0) detail += `; grader errors: ${errors.map((e) => e.message).join('; ')}`;
  return { good, detail, failed: missed.length, killers };
}

/**
 * What a job is graded on: a mutant, the tests that name its bug; a pair speaking its own
 * wire format, its groups (the others only wait out deadlines); all of it with --full.
 */
function scope(job: Job, full: boolean, only: string[]): Omit<GradeOptions, 'seed'> {
  // An own-wire pair's groups are already narrowed to `only` when the jobs are made.
  const groups = job.kind === 'solution' && job.groups ? job.groups : only;
  if (full) return groups.length > 0 ? { groups } : {};
  if (job.kind === 'mutant' && !job.exactly) return { tests: job.killedBy, groups };
  return { groups };
}

const USAGE = `usage: socket-grader validate [task…] [options]   (every task when none is named)
  --repeat N          grade everything N times; a test whose outcome changes is flaky
  --matrix            show which test fails which mutant (implies --full); a mutant that
                      loses tests of several groups fails unless its mutant.json's
                      "crossGroups" says why its one bug breaks them all
  --full              grade mutants on every test, not only the ones that should fail them
  --groups G,G        grade only these groups (server, client, end-to-end, robustness), e.g. to repeat
                      the robustness tests many times; a mutant none of their tests kills (its bug may
                      be named by other groups' tests) is left unjudged (a note), a pair speaking its own wire format is graded on those
                      of its groups that are asked for, or not at all
  --format text|json  what stdout gets; --out FILE writes the JSON too
  --jobs N            gradings at once
  --show MUTANT       print the bug of one mutant of the task, as a diff against the solution it was made from
  --compact-mutants   store the tasks' mutants as deltas: name the closest solution as base, drop the files it
                      shares, keep a file that differs by a few lines as <file>.patch (a unified diff)
  --tests-at-once N   tests of a task run side by side in each grading (default twice the cores shared among the gradings at once: 1 with the default --jobs)
  --time-scale X      multiply every deadline by X (2 on a slow machine; also SOCKET_GRADER_TIME_SCALE)
needs the repository's specs/*/solutions, specs/*/mutants and reference/ (not in the npm package)`;

/** A task's fixtures; a mutant's patch its base no longer takes is the catalog's error, said in one line with the mutant's name. */
function loadFixtures(task: string): Fixtures {
  try {
    return loadAll(task);
  } catch (err) {
    if (err instanceof StalePatchError) throw new UsageError(err.message);
    throw err;
  }
}

/** `validate <task> --show <mutant>`: the bug as a diff against the mutant's base. */
function showMutant(tasks: string[], name: string): number {
  if (tasks.length !== 1) throw new UsageError('--show needs one task and a mutant of it, e.g. `socket-grader validate task3b --show echo-one-recv`');
  const [task] = tasks;
  if (!listTasks().includes(task)) throw new UsageError(`unknown task "${task}"; valid tasks: ${listTasks().join(' ')}`);
  const mutants = loadFixtures(task).mutants;
  const m = mutants.find((x) => x.name === name);
  if (!m) throw new UsageError(`${task} has no mutant "${name}"; its mutants: ${mutants.map((x) => x.name).join(' ')}`);
  const head = `${task} / ${m.name}: ${m.bug}\n${m.base ? `made from the solution ${m.base.name}` : 'stored whole (no base)'}; killed by: ${m.killedBy.join('; ')}\n\n`;
  process.stdout.write(`${head}${mutantDiff(m.stored, m.base?.dir, m.base?.name)}\n`);
  return EXIT.allPassed;
}

/** `validate --compact-mutants`: every whole mutant of the tasks becomes a delta on its closest solution. */
function compactMutants(tasks: string[]): number {
  for (const task of tasks) {
    const f = loadFixtures(task);
    for (const m of f.mutants) {
      const base = compactMutant(m.stored, f.solutions);
      const { patched } = storedFiles(m.stored);
      const patches = patched.length > 0 ? ` (${patched.join(', ')} as a patch)` : '';
      process.stdout.write(`${task}/${m.name}: ${base ? `a delta on ${base}${patches}` : 'stored whole (no solution shares a file with it)'}\n`);
    }
  }
  return EXIT.allPassed;
}

export async function validate(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\ntasks: ${listTasks().join(' ')}\n`);
    return EXIT.allPassed;
  }
  const { positionals, flags, extra } = parseCommon(
    argv,
    {
      repeat: { type: 'string' },
      matrix: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      show: { type: 'string' },
      'compact-mutants': { type: 'boolean', default: false },
    },
    'validate',
  );
  if (!answersPresent()) throw new UsageError(`validate ${NO_ANSWERS}`);
  if (typeof extra.show === 'string') return showMutant(positionals, extra.show);
  if (extra['compact-mutants'] === true) return compactMutants(positionals.length > 0 ? positionals : listTasks());
  const repeat = wholeNumber('repeat', extra.repeat, 1);
  const showMatrix = extra.matrix === true;
  const full = extra.full === true || showMatrix;
  const known = listTasks();
  const tasks = positionals.length > 0 ? positionals : known;
  for (const t of tasks) if (!known.includes(t)) throw new UsageError(`unknown task "${t}"; valid tasks: ${known.join(' ')}`);

  const only = flags.groups;
  // A pair speaking its own wire format is graded on its groups that are asked for; with none of them, not at all.
  const narrowed = (groups: string[] | undefined): string[] | undefined => (groups && only.length > 0 ? groups.filter((g) => only.includes(g)) : groups);
  const jobs: Job[] = tasks.flatMap((task) => {
    const f = loadFixtures(task);
    return [
      { task, kind: 'reference' as const, name: 'reference', dir: f.reference, killedBy: [], exactly: false },
      ...f.mutants.map((m) => ({ task, kind: 'mutant' as const, name: m.name, dir: m.dir, killedBy: m.killedBy, exactly: m.exactly, crossGroups: m.crossGroups })),
      ...f.solutions
        .map((s) => ({ task, kind: 'solution' as const, name: s.name, dir: s.dir, killedBy: [], exactly: false, groups: narrowed(s.groups), wire: s.wire }))
        .filter((s) => s.groups === undefined || s.groups.length > 0),
    ];
  });
  // Jobs mostly wait on sockets, programs and deadlines: four per core keeps the cores busy
  // (measured on 2 cores: 112 s with 5 at once, 101 s with 8, 104 s with 12).
  const concurrency = flags.jobs ?? 4 * os.availableParallelism();
  const started = Date.now();
  // One seed for the whole validation, as for a grading run.
  const seed = newSeed();
  const gradings = Array.from({ length: repeat }, (_, run) => jobs.map((job) => ({ job, run }))).flat();
  const graded = await mapConcurrently(gradings, concurrency, ({ job }) =>
    gradeTask(job.task, job.dir, { seed, testsAtOnce: flags.testsAtOnce ?? defaultTestsAtOnce(concurrency), waits: flags.waits, ...scope(job, full, only) }),
  );
  /** reports[i][run]: job i's gradings. */
  const reports = jobs.map((_, i) => Array.from({ length: repeat }, (__, run) => graded[run * jobs.length + i]));

  let ok = 0;
  let bad = 0;
  const lines: string[] = [];
  const results: TaskValidation[] = tasks.map((task) => ({ task, reference: { passed: 0, failed: 0 }, mutants: [], solutions: [], unproven: [] }));
  jobs.forEach((job, i) => {
    const v = results[tasks.indexOf(job.task)];
    // The first run that went wrong is the one shown; a job is good only if every run was.
    const verdicts = reports[i].map((report) => ({ r: report, ...judge(job, report, only.length > 0) }));
    const shown = verdicts.find((x) => !x.good) ?? verdicts[0];
    const { r, good, failed, killers } = shown;
    let detail = shown.detail;
    if (repeat > 1) detail += good ? ` (all ${repeat} runs)` : ` (${verdicts.filter((x) => !x.good).length} of ${repeat} runs)`;
    const outOfGroups = verdicts.every((x) => x.outOfGroups === true);
    if (job.kind === 'mutant') v.mutants.push({ name: job.name, failed, killed: good && !outOfGroups, killedBy: killers, ...(outOfGroups ? { notJudged: true } : {}) });
    else if (job.kind === 'reference') v.reference = { passed: r.tests.length - failed, failed };
    else v.solutions.push({ name: job.name, failed, groups: job.groups ?? [...new Set(r.tests.map((t) => t.group))], wire: job.wire });
    if (outOfGroups) {
      lines.push(checkLine('note', job.task, `${job.kind} ${job.name}`, detail));
      return;
    }
    if (good) ok++;
    else bad++;
    lines.push(checkLine(markOf(good), job.task, `${job.kind} ${job.kind === 'reference' ? '' : job.name}`, `${detail} (${(r.durationMs / 1000).toFixed(1)} s)`));
    if (!good) lines.push(...lostTestLines(r));
  });

  // Every test must be shown able to fail: some mutant of its task fails it.
  const markdown: string[] = [];
  for (const v of results) {
    const mine = jobs.map((job, i) => ({ job, runs: reports[i] })).filter(({ job }) => job.task === v.task);
    const titles = mine.find(({ job }) => job.kind === 'reference')?.runs[0].tests.map((t) => t.name) ?? [];
    const failedSomewhere = new Set(mine.filter(({ job }) => job.kind === 'mutant').flatMap(({ runs }) => runs.flatMap(failedTests)));
    v.unproven = titles.filter((title) => !failedSomewhere.has(title));
    const good = v.unproven.length === 0;
    if (good) ok++;
    else bad++;
    const detail = good ? `each of its ${titles.length} tests fails on some mutant` : `no mutant ${full ? '' : 'names (killedBy) and '}fails ${v.unproven.map((n) => `"${n}"`).join(', ')}`;
    lines.push(checkLine(markOf(good), v.task, 'every test proven', detail));

    if (repeat > 1) {
      v.flaky = mine.flatMap(({ job, runs }) =>
        runs[0].tests.flatMap((t) => {
          const outcomes: Partial<Record<TestStatus, number>> = {};
          for (const run of runs) {
            const s = run.tests.find((x) => x.name === t.name)?.status ?? 'skipped';
            outcomes[s] = (outcomes[s] ?? 0) + 1;
          }
          return Object.keys(outcomes).length > 1 ? [{ kind: job.kind, name: job.name, test: t.name, outcomes }] : [];
        }),
      );
      const steady = v.flaky.length === 0;
      if (steady) ok++;
      else bad++;
      const steadiness = steady ? `every test had one outcome in all ${repeat} runs of each submission` : `${v.flaky.length} flaky`;
      lines.push(checkLine(markOf(steady), v.task, 'no flaky test', steadiness));
      lines.push(...v.flaky.map(flakyLine));
    }
    if (showMatrix) {
      v.matrix = killMatrix(
        titles,
        mine.filter(({ job }) => job.kind === 'mutant').map(({ job, runs }) => ({ name: job.name, report: runs[0] })),
      );
      markdown.push(matrixMarkdown(v.task, v.matrix));
      // One bug, one charge: a mutant losing tests of several groups must say why its bug breaks them all.
      v.charges = mine.filter(({ job }) => job.kind === 'mutant').map(({ job, runs }) => mutantCharges(job.name, runs[0], job.crossGroups));
      for (const c of chargeLines(v.task, v.charges)) {
        if (c.kind === 'bad') bad++;
        lines.push(markedLine(c.kind, c.text));
      }
    }
  }

  const json = JSON.stringify({ tasks: results, passed: ok, failed: bad, durationMs: Date.now() - started }, null, 2);
  if (flags.out) writeFileSync(userPath(flags.out), `${json}\n`);
  if (flags.format === 'json') process.stdout.write(`${json}\n`);
  else process.stdout.write(validationText(lines, markdown, { tasks: tasks.length, durationMs: Date.now() - started, passed: ok, failed: bad }));
  return bad === 0 ? EXIT.allPassed : EXIT.someFailed;
}

runMain(validate, import.meta.url);
