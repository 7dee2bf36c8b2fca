// npm run grade -- <task|task,task…|all> <folder> [--format text|json|classroom|gradescope|junit|html] [--out FILE] [--advisory GROUP]

import { existsSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listTasks } from '../core/paths.js';
import { newSeed } from '../core/seeded-random.js';
import { allReport, render, renderMachine } from '../report/render.js';
import { hasFailure, hasGraderError, type TaskReport } from '../report/types.js';
import { gradeTask } from '../runner/grade-task.js';
import { mapConcurrently } from '../runner/pool.js';
import { isolation } from '../sandbox/isolation.js';
import { parseCommon, strayArguments, userPath, wantsHelp } from './args.js';
import { EXIT, UsageError } from './errors.js';
import { writeGitHubStepFiles } from './github-actions.js';
import { runMain } from './main.js';

const USAGE = `usage: socket-grader grade <task|task,task…|all> <submission-folder> [options]
  --format text|json|classroom|gradescope|junit|html   what stdout gets (text)
  --out FILE          also write the machine-readable report (JSON, or the format's own) to FILE;
                      with --format html, the page goes to FILE and stdout gets the text report
  --seed N            replay the data of an earlier run (its report says its seed)
  --groups G,G        grade and score only these groups: server, client, end-to-end, robustness
  --advisory G        report group G but leave it out of the score
  --jobs N            tasks graded at once
  --after-due G,G     gradescope: students see these groups' tests only after the due date
through npm, put -- before the arguments: npm run grade -- chat my-work --format json`;

export async function grade(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\ntasks: ${listTasks().join(' ')}\n`);
    return EXIT.allPassed;
  }
  const { positionals, flags } = parseCommon(argv, {}, 'grade');
  const [task, folder, ...extra] = positionals;
  if (!task || !folder) throw new UsageError('grade needs a task and a submission folder, e.g. `socket-grader grade chat my-work`; `socket-grader grade --help` lists the options');
  if (extra.length > 0) throw strayArguments('grade', [task, folder], extra);
  const known = listTasks();
  // One task, several (task3a,task4), or all.
  const tasks = task === 'all' ? known : task.split(',');
  for (const t of tasks) if (!known.includes(t)) throw new UsageError(`unknown task "${t}"; valid tasks: ${known.join(' ')} (or all)`);
  const submission = path.resolve(userPath(folder));
  if (!existsSync(submission)) throw new UsageError(`submission folder not found: ${submission}`);
  if (!statSync(submission).isDirectory()) throw new UsageError(`not a folder: ${submission}`);

  // One seed for the whole run, so `--seed` replays every task's data.
  const seed = flags.seed ?? newSeed();
  const started = Date.now();
  // Tasks mostly wait (on sockets, on programs' deadlines): twice the cores keeps them busy.
  const jobs = flags.jobs ?? 2 * os.availableParallelism();
  const reports = await mapConcurrently(tasks, jobs, (t) => gradeTask(t, submission, { seed, advisory: flags.advisory, groups: flags.groups }));

  const single = tasks.length === 1 && task !== 'all';
  const all = allReport(submission, reports, Date.now() - started);
  // --out gets the machine-readable form: the format's own, else our JSON.
  const shown = { gradescope: { afterDue: flags.afterDue } };
  if (flags.out) writeFileSync(userPath(flags.out), `${renderMachine(flags.format, all, single, shown)}\n`);
  if (flags.format === 'classroom') writeGitHubStepFiles(reports);
  // The HTML page is for a browser: written to --out, the terminal gets the text report and where the page is.
  const shownFormat = flags.format === 'html' && flags.out ? 'text' : flags.format;
  // Said once, above the report: how the programs were isolated, and how to replay this run.
  const header = shownFormat === 'text' ? `isolation: ${isolation().summary}\nseed: ${seed} (rerun with --seed ${seed} for the same data)\n\n` : '';
  const footer = shownFormat === flags.format ? '' : `\nthe HTML report: ${userPath(flags.out ?? '')}\n`;
  process.stdout.write(`${header}${render(shownFormat, all, single, shown)}\n${footer}`);
  return exitCode(reports);
}

export function exitCode(reports: TaskReport[]): number {
  if (reports.some(hasGraderError)) return EXIT.graderBroke;
  if (reports.some(hasFailure)) return EXIT.someFailed;
  return EXIT.allPassed;
}

runMain(grade, import.meta.url);
