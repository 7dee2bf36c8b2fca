// npm run validate -- [task] [--format json]: every spec must pass the reference and
// every student-style solution at full points (a pair speaking its own wire format:
// the groups its solution.json lists), fail every mutant by the test that names its
// bug, and have each of its tests failed by some mutant.

import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { listTasks } from '../core/paths.js';
import type { TaskReport } from '../report/types.js';
import { loadFixtures } from '../runner/fixtures.js';
import { gradeTask } from '../runner/grade-task.js';
import { mapConcurrently } from '../runner/pool.js';
import { parseCommon, userPath } from './args.js';
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
}

interface TaskValidation {
  task: string;
  reference: { passed: number; failed: number };
  mutants: Array<{ name: string; failed: number; killed: boolean; killedBy: string[] }>;
  /**
   * `groups`: those it must pass in full (every group of the task when it has no
   * solution.json); `wire`: the format of a pair speaking its own; `informational`:
   * how many tests of the other groups it did not pass (reported, not held against it).
   */
  solutions: Array<{ name: string; failed: number; groups: string[]; wire?: string; informational?: { passed: number; failed: number } }>;
  /** Tests no mutant fails: nothing shows they can tell a broken program from a good one. */
  unproven: string[];
}

const notPassed = (r: TaskReport): string[] => r.tests.filter((t) => t.status !== 'passed').map((t) => t.name);
const failedTests = (r: TaskReport): string[] => r.tests.filter((t) => t.status === 'failed').map((t) => t.name);

async function validate(argv: string[]): Promise<number> {
  const { positionals, flags } = parseCommon(argv);
  const known = listTasks();
  const tasks = positionals.length > 0 ? positionals : known;
  for (const t of tasks) if (!known.includes(t)) throw new UsageError(`unknown task "${t}"; valid tasks: ${known.join(' ')}`);

  const jobs: Job[] = tasks.flatMap((task) => {
    const f = loadFixtures(task);
    return [
      { task, kind: 'reference' as const, name: 'reference', dir: f.reference, killedBy: [], exactly: false },
      ...f.mutants.map((m) => ({ task, kind: 'mutant' as const, name: m.name, dir: m.dir, killedBy: m.killedBy, exactly: m.exactly })),
      ...f.solutions.map((s) => ({ task, kind: 'solution' as const, name: s.name, dir: s.dir, killedBy: [], exactly: false, groups: s.groups, wire: s.wire })),
    ];
  });
  // Jobs mostly wait on sockets and child processes; a few more than the cores keeps both busy.
  const concurrency = flags.jobs ?? os.availableParallelism() + 1;
  const started = Date.now();
  const reports = await mapConcurrently(jobs, concurrency, (j) => gradeTask(j.task, j.dir));

  let ok = 0;
  let bad = 0;
  const lines: string[] = [];
  const results: TaskValidation[] = tasks.map((task) => ({ task, reference: { passed: 0, failed: 0 }, mutants: [], solutions: [], unproven: [] }));
  jobs.forEach((job, i) => {
    const r = reports[i];
    const v = results[tasks.indexOf(job.task)];
    const errors = r.tests.filter((t) => t.status === 'error');
    let good: boolean;
    let detail: string;
    if (job.kind === 'mutant') {
      const failed = failedTests(r);
      const names = (title: string): boolean => job.killedBy.some((k) => title.includes(k));
      const killers = failed.filter(names);
      good = killers.length > 0 && errors.length === 0;
      detail = killers.length > 0 ? `killed by "${killers[0]}"` : failed.length > 0 ? `failed only ${failed.map((n) => `"${n}"`).join(', ')}, not the test that names its bug (${job.killedBy.join(' | ')})` : 'SURVIVED: no test failed';
      if (good && job.exactly) {
        // The named tests, and only they, must fail: all of them, and nothing else.
        const missed = r.tests.filter((t) => names(t.name) && t.status !== 'failed').map((t) => t.name);
        const extra = failed.filter((n) => !names(n));
        good = missed.length === 0 && extra.length === 0;
        detail = good
          ? `killed by exactly the ${killers.length} tests that name its bug`
          : `should fail exactly the tests that name its bug; ${[...missed.map((n) => `passed "${n}"`), ...extra.map((n) => `also failed "${n}"`)].join(', ')}`;
      }
      v.mutants.push({ name: job.name, failed: failed.length, killed: good, killedBy: killers });
    } else if (job.kind === 'solution' && job.groups) {
      // A pair speaking its own wire format: only its listed groups count.
      const listed = job.groups;
      const held = r.tests.filter((t) => listed.includes(t.group));
      const others = r.tests.filter((t) => !listed.includes(t.group));
      const missed = notPassed({ ...r, tests: held });
      const empty = listed.filter((g) => !held.some((t) => t.group === g));
      const points = (ts: typeof held): string => `${ts.reduce((a, t) => a + t.points, 0)}/${ts.reduce((a, t) => a + t.maxPoints, 0)}`;
      const otherFailed = others.filter((t) => t.status !== 'passed').length;
      good = missed.length === 0 && empty.length === 0;
      detail = empty.length > 0
        ? `solution.json lists groups with no tests: ${empty.join(', ')}`
        : good
          ? `${held.length} passed in ${listed.join(', ')}, ${points(held)} points (own wire format; other groups for information: ${others.length - otherFailed} passed, ${otherFailed} not)`
          : `did not pass (${listed.join(', ')}): ${missed.map((n) => `"${n}"`).join(', ')}`;
      v.solutions.push({ name: job.name, failed: missed.length, groups: listed, wire: job.wire, informational: { passed: others.length - otherFailed, failed: otherFailed } });
    } else {
      const missed = notPassed(r);
      good = missed.length === 0;
      detail = good ? `${r.tests.length} passed, ${r.score}/${r.maxScore} points` : `did not pass: ${missed.map((n) => `"${n}"`).join(', ')}`;
      if (job.kind === 'reference') v.reference = { passed: r.tests.length - missed.length, failed: missed.length };
      else v.solutions.push({ name: job.name, failed: missed.length, groups: [...new Set(r.tests.map((t) => t.group))] });
    }
    if (errors.length > 0) detail += `; grader errors: ${errors.map((e) => e.message).join('; ')}`;
    if (good) ok++;
    else bad++;
    lines.push(`${good ? '✓' : '✗'} ${job.task.padEnd(10)} ${`${job.kind} ${job.kind === 'reference' ? '' : job.name}`.padEnd(34)} ${detail} (${(r.durationMs / 1000).toFixed(1)} s)`);
    const counted = job.groups ? r.tests.filter((t) => job.groups?.includes(t.group)) : r.tests;
    if (!good) for (const t of counted.filter((x) => x.status !== 'passed').slice(0, 3)) lines.push(`      ${t.name}: ${(t.message ?? '').split('\n').slice(0, 4).join(' | ')}`);
  });

  // Every test must be shown able to fail: some mutant of its task fails it.
  for (const v of results) {
    const graded = jobs.map((job, i) => ({ job, report: reports[i] })).filter(({ job }) => job.task === v.task);
    const titles = graded.find(({ job }) => job.kind === 'reference')?.report.tests.map((t) => t.name) ?? [];
    const failedSomewhere = new Set(graded.filter(({ job }) => job.kind === 'mutant').flatMap(({ report }) => failedTests(report)));
    v.unproven = titles.filter((title) => !failedSomewhere.has(title));
    const good = v.unproven.length === 0;
    if (good) ok++;
    else bad++;
    const detail = good ? `each of its ${titles.length} tests fails on some mutant` : `no mutant fails ${v.unproven.map((n) => `"${n}"`).join(', ')}`;
    lines.push(`${good ? '✓' : '✗'} ${v.task.padEnd(10)} ${'every test proven'.padEnd(34)} ${detail}`);
  }

  const json = JSON.stringify({ tasks: results, passed: ok, failed: bad, durationMs: Date.now() - started }, null, 2);
  if (flags.out) writeFileSync(userPath(flags.out), `${json}\n`);
  if (flags.format === 'json') process.stdout.write(`${json}\n`);
  else process.stdout.write(`${lines.join('\n')}\nvalidated ${tasks.length} tasks in ${((Date.now() - started) / 1000).toFixed(1)} s\nvalidate: ${ok} passed, ${bad} failed\n`);
  return bad === 0 ? EXIT.allPassed : EXIT.someFailed;
}

runMain(validate);
