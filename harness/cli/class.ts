// socket-grader class <task|task,task…|all> <folder> [--jobs N] [--csv FILE] [--reports DIR] [--html DIR] [--shard i/n]:
// grades every subfolder of <folder> as one student's submission, in parallel.

import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listTasks } from '../core/paths.js';
import { newSeed } from '../core/seeded-random.js';
import { classCsv } from '../report/class-csv.js';
import { type ClassSummary, classSummaryJson, classSummaryText } from '../report/class-summary.js';
import { safeText } from '../report/escape.js';
import { allReport, type RenderOptions, type ReportFormat, render } from '../report/render.js';
import { runHeader } from '../report/render-text.js';
import { type ClassResult, gradeClass, listStudents, type Student, shard } from '../runner/grade-class.js';
import { defaultTestsAtOnce } from '../runner/grade-task.js';
import type { KnownBugs } from '../runner/known-bugs.js';
import { isolation } from '../sandbox/isolation.js';
import { tasksPresent } from '../submission/tasks-present.js';
import { parseCommon, strayArguments, userPath, wantsHelp } from './args.js';
import { classRows, matchKnownBugs, writeClassHtml } from './class-html.js';
import { EXIT, UsageError } from './errors.js';
import { exitCode } from './grade.js';
import { runMain } from './main.js';
import { startProgress } from './progress.js';

const USAGE = `usage: socket-grader class <task|task,task…|all> <class-folder> [options]   (each subfolder is one student's submission)
  --csv FILE          one row per student and task: student,task,score,max,seconds,status,
                      the points of each group, and (with --html) the nearest known bug
  --html DIR          a dashboard, DIR/index.html (score chart, each test's pass rate, the
                      class's misconceptions), and each student's report, DIR/<student>-<task>.html
  --reports DIR       a report per student and task: DIR/<student>/<task>.json, and .txt
                      (or the --format's own file); grading tasks one at a time adds to DIR
  --format text|json|classroom|gradescope|prairielearn|junit|html   the reports' format, and stdout's (text)
  --out FILE          the class summary as JSON
  --seed N            replay the data of an earlier run (every report says its seed)
  --jobs N            gradings at once
  --tests-at-once N   tests of a task run side by side in each grading (default twice the cores shared among the gradings at once: 1 with the default --jobs)
  --time-scale X      multiply every deadline by X (2 on a slow machine; also SOCKET_GRADER_TIME_SCALE)
  --shard i/n         grade only every n-th student, from the i-th (split a class over machines)
  --advisory G        report group G but leave it out of the score
  --after-due G,G     gradescope reports: these groups' tests are shown only after the due date
through npm, put -- before the arguments: npm run class -- chat submissions --reports reports`;

/** The file a task's report gets in a student's folder, per format; our JSON is always written beside it. */
const REPORT_FILE: Record<ReportFormat, (task: string) => string> = {
  text: (t) => `${t}.txt`,
  json: (t) => `${t}.json`,
  classroom: (t) => `${t}.classroom.json`,
  gradescope: (t) => `${t}.gradescope.json`,
  prairielearn: (t) => `${t}.prairielearn.json`,
  junit: (t) => `${t}.xml`,
  html: (t) => `${t}.html`,
};

/** `DIR/<student>/<task>.json`, and the format's own file: tasks graded one at a time never overwrite each other. */
function writeReports(dir: string, results: readonly ClassResult[], format: ReportFormat, opts: RenderOptions): void {
  for (const r of results) {
    const folder = path.join(dir, r.student);
    mkdirSync(folder, { recursive: true });
    const all = allReport(r.report.submission, [r.report], r.report.durationMs);
    writeFileSync(path.join(folder, REPORT_FILE.json(r.task)), `${render('json', all, true)}\n`);
    if (format === 'json') continue;
    const header = format === 'text' ? runHeader(all, isolation().summary) : '';
    writeFileSync(path.join(folder, REPORT_FILE[format](r.task)), `${header}${render(format, all, true, opts)}\n`);
  }
}

function parseShard(text: string | boolean | undefined): { index: number; count: number } {
  if (text === undefined) return { index: 1, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(String(text));
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4, not "${String(text)}"`);
  return { index, count };
}

/** The tasks any student's folder holds (task folders, manifest entries), in catalog order; every task when none does. */
function tasksOfClass(students: readonly Student[], known: readonly string[]): string[] {
  const present = new Set(students.flatMap((s) => tasksPresent(s.dir, known)));
  return present.size === 0 ? [...known] : known.filter((t) => present.has(t));
}

export async function classCommand(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\ntasks: ${listTasks().join(' ')}\n`);
    return EXIT.allPassed;
  }
  const { positionals, flags, extra } = parseCommon(argv, { csv: { type: 'string' }, reports: { type: 'string' }, html: { type: 'string' }, shard: { type: 'string' } }, 'class');
  const [task, folder, ...rest] = positionals;
  if (!task || !folder)
    throw new UsageError('class needs a task and a class folder (one subfolder per student), e.g. `socket-grader class chat submissions`; `socket-grader class --help` lists the options');
  if (rest.length > 0) throw strayArguments('class', [task, folder], rest);
  const known = listTasks();
  // One task, several (chat,filetransfer,stock7), or all: every task some student of the class hands in.
  const named = task === 'all' ? [] : task.split(',');
  for (const t of named) if (!known.includes(t)) throw new UsageError(`unknown task "${t}"; valid tasks: ${known.join(' ')} (or all)`);
  const classDir = path.resolve(userPath(folder));
  if (!existsSync(classDir) || !statSync(classDir).isDirectory()) throw new UsageError(`class folder not found: ${classDir}`);
  const { index, count } = parseShard(extra.shard);

  const everyone = listStudents(classDir);
  // Found over the whole class, not the shard, so every shard grades the same tasks.
  const tasks = task === 'all' ? tasksOfClass(everyone, known) : named;
  const students = shard(everyone, index, count);
  // One seed for the whole class, so `--seed` replays every student's data (as in grade).
  const seed = flags.seed ?? newSeed();
  const progress = startProgress(students.length * tasks.length);
  const started = Date.now();
  const jobs = flags.jobs ?? os.availableParallelism();
  const results = await gradeClass(students, tasks, {
    jobs,
    testsAtOnce: flags.testsAtOnce ?? defaultTestsAtOnce(jobs),
    seed,
    advisory: flags.advisory,
    waits: flags.waits,
    onResult: (r) => progress.tick(safeText(`${r.student} ${r.task} ${r.error ? 'grader error' : `${r.report.score}/${r.report.maxScore}`} (${(r.report.durationMs / 1000).toFixed(1)} s)`)),
  });
  progress.stop();

  // Matching failures to known bugs costs a grading of each mutant once: done for the dashboard, kept in its folder.
  const htmlDir = typeof extra.html === 'string' ? userPath(extra.html) : undefined;
  const bugs = htmlDir ? await matchKnownBugs(tasks, { jobs, seed, waits: flags.waits, cacheDir: htmlDir, say: (line) => process.stderr.write(`${safeText(line)}\n`) }) : new Map<string, KnownBugs>();
  const rows = classRows(results, bugs);
  if (typeof extra.csv === 'string') {
    mkdirSync(path.dirname(userPath(extra.csv)), { recursive: true });
    writeFileSync(userPath(extra.csv), classCsv(rows));
  }
  const dashboard = htmlDir ? writeClassHtml(htmlDir, rows, { classDir, seed, tasks, known: bugs }) : undefined;
  const perStudent = students.map((s) => ({
    student: s,
    all: allReport(
      s.dir,
      results.filter((r) => r.student === s.name).map((r) => r.report),
      0,
    ),
  }));
  for (const p of perStudent) p.all.durationMs = p.all.tasks.reduce((a, r) => a + r.durationMs, 0);
  if (typeof extra.reports === 'string') writeReports(userPath(extra.reports), results, flags.format, { gradescope: { afterDue: flags.afterDue } });
  const summary: ClassSummary = {
    class: classDir,
    shard: `${index}/${count}`,
    seed,
    // Every student is graded by the same grader on the same tasks: the first one's identity is the class's.
    grader: perStudent.find((p) => p.all.grader)?.all.grader,
    durationMs: Date.now() - started,
    students: perStudent.map((p) => ({
      student: p.student.name,
      score: p.all.score,
      maxScore: p.all.maxScore,
      tasks: p.all.tasks.map((r) => ({ task: r.task, score: r.score, maxScore: r.maxScore })),
    })),
    errors: results.filter((r) => r.error).map((r) => ({ student: r.student, task: r.task, error: r.error })),
  };
  if (flags.out) writeFileSync(userPath(flags.out), `${classSummaryJson(summary)}\n`);
  if (flags.format === 'json') process.stdout.write(`${classSummaryJson(summary)}\n`);
  else process.stdout.write(`${classSummaryText(summary, { tasks, allTasks: task === 'all', shardCount: count, elapsedMs: Date.now() - started, dashboard })}\n`);
  return exitCode(results.map((r) => r.report));
}

runMain(classCommand, import.meta.url);
