// npm run grade -- <task|task,task…|all> <folder> [--format text|json|classroom|gradescope|prairielearn|junit|html] [--out FILE] [--advisory GROUP] [--test TEXT]

import { writeFileSync } from 'node:fs';
import { listTasks } from '../core/paths.js';
import { newSeed } from '../core/seeded-random.js';
import { allReport, render, renderMachine } from '../report/render.js';
import { runHeader } from '../report/render-text.js';
import { hasFailure, hasGraderError, type TaskReport } from '../report/types.js';
import { isolation } from '../sandbox/isolation.js';
import { parseCommon, testWords, userPath, wantsHelp } from './args.js';
import { EXIT } from './errors.js';
import { writeGitHubStepFiles } from './github-actions.js';
import { gradeTarget, gradeTasks } from './grade-target.js';
import { runMain } from './main.js';

const USAGE = `usage: socket-grader grade <task|task,task…|all> <submission-folder> [options]
  --format text|json|classroom|gradescope|prairielearn|junit|html   what stdout gets (text)
  --out FILE          also write the machine-readable report (JSON, or the format's own) to FILE;
                      with --format html, the page goes to FILE and stdout gets the text report
  --seed N            replay the data of an earlier run (its report says its seed)
  --groups G,G        grade and score only these groups: server, client, end-to-end, robustness
  --test TEXT         grade only the tests whose title contains TEXT (any case); the score counts those alone
  --advisory G        report group G but leave it out of the score
  --jobs N            tasks graded at once
  --tests-at-once N   tests of a task run side by side (default twice the cores, shared among the tasks graded at once; 1: one after another)
  --after-due G,G     gradescope: students see these groups' tests only after the due date
  --time-scale X      multiply every deadline by X (2 on a slow machine; also SOCKET_GRADER_TIME_SCALE)
through npm, put -- before the arguments: npm run grade -- chat my-work --format json`;

export async function grade(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\ntasks: ${listTasks().join(' ')}\n`);
    return EXIT.allPassed;
  }
  const { positionals, flags, extra } = parseCommon(argv, { test: { type: 'string' } }, 'grade');
  const target = gradeTarget('grade', positionals);
  const tests = testWords(extra.test);

  // One seed for the whole run, so `--seed` replays every task's data.
  const seed = flags.seed ?? newSeed();
  const started = Date.now();
  const reports = await gradeTasks(target, { seed, advisory: flags.advisory, groups: flags.groups, tests, jobs: flags.jobs, testsAtOnce: flags.testsAtOnce, waits: flags.waits });

  const single = target.tasks.length === 1 && target.taskArg !== 'all';
  const all = allReport(target.submission, reports, Date.now() - started);
  // --out gets the machine-readable form: the format's own, else our JSON.
  const shown = { gradescope: { afterDue: flags.afterDue } };
  if (flags.out) writeFileSync(userPath(flags.out), `${renderMachine(flags.format, all, single, shown)}\n`);
  if (flags.format === 'classroom') writeGitHubStepFiles(reports);
  // The HTML page is for a browser: written to --out, the terminal gets the text report and where the page is.
  const shownFormat = flags.format === 'html' && flags.out ? 'text' : flags.format;
  // Said once, above the report: how the programs were isolated, and how to replay this run.
  const header = shownFormat === 'text' ? runHeader(all, isolation().summary) : '';
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
