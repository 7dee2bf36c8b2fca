// npm run grade -- <task|all> <folder> [--format text|json] [--out FILE] [--advisory GROUP]

import { existsSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listTasks } from '../core/paths.js';
import { toClassroom } from '../report/render-classroom.js';
import { renderAll, renderTask } from '../report/render-text.js';
import { hasFailure, hasGraderError, sum, type AllReport, type TaskReport } from '../report/types.js';
import { gradeTask } from '../runner/grade-task.js';
import { mapConcurrently } from '../runner/pool.js';
import { parseCommon, userPath } from './args.js';
import { EXIT, UsageError } from './errors.js';
import { runMain } from './main.js';
import { isolation } from '../sandbox/isolation.js';
import { newSeed, runSeed, SEED_VARIABLE } from '../core/seeded-random.js';

const USAGE = `usage: npm run grade -- <task|all> <submission-folder> [--format text|json|classroom] [--out FILE] [--advisory robustness] [--groups end-to-end,robustness] [--seed N]`;

async function grade(argv: string[]): Promise<number> {
  const { positionals, flags } = parseCommon(argv);
  if (flags.help) {
    process.stdout.write(`${USAGE}\ntasks: ${listTasks().join(' ')}\n`);
    return EXIT.allPassed;
  }
  const [task, folder, ...extra] = positionals;
  if (!task || !folder || extra.length > 0) throw new UsageError(USAGE);
  const known = listTasks();
  if (task !== 'all' && !known.includes(task)) throw new UsageError(`unknown task "${task}"; valid tasks: ${known.join(' ')} (or all)`);
  const submission = path.resolve(userPath(folder));
  if (!existsSync(submission)) throw new UsageError(`submission folder not found: ${submission}`);
  if (!statSync(submission).isDirectory()) throw new UsageError(`not a folder: ${submission}`);

  // One seed for the whole run, so `--seed` replays every task's data.
  process.env[SEED_VARIABLE] = String(flags.seed ?? newSeed());
  const started = Date.now();
  const tasks = task === 'all' ? known : [task];
  const jobs = flags.jobs ?? Math.max(2, os.availableParallelism());
  const reports = await mapConcurrently(tasks, jobs, (t) => gradeTask(t, submission, { advisory: flags.advisory, groups: flags.groups }));

  const single = task !== 'all';
  const all: AllReport = { submission, isolation: isolation().mode, seed: runSeed(), score: sum(reports.map((r) => r.score)), maxScore: sum(reports.map((r) => r.maxScore)), durationMs: Date.now() - started, tasks: reports };
  // --out gets the machine-readable form: classroom's when asked for, else ours.
  const json = JSON.stringify(flags.format === 'classroom' ? toClassroom(reports) : single ? reports[0] : all, null, 2);
  if (flags.out) writeFileSync(userPath(flags.out), `${json}\n`);
  const header = `isolation: ${isolation().summary}\nseed: ${runSeed()} (rerun with --seed ${runSeed()} for the same data)\n\n`;
  process.stdout.write(flags.format === 'text' ? `${header}${single ? renderTask(reports[0]) : renderAll(all)}\n` : `${json}\n`);
  return exitCode(reports);
}

function exitCode(reports: TaskReport[]): number {
  if (reports.some(hasGraderError)) return EXIT.graderBroke;
  if (reports.some(hasFailure)) return EXIT.someFailed;
  return EXIT.allPassed;
}

runMain(grade);
