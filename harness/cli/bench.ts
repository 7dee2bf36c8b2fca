// npm run bench -- [task…] [--runs N]: how long grading the reference takes, per task
// and for `all` in parallel, measured the way students and CI run it.

import os from 'node:os';
import { parseArgs } from 'node:util';
import { listTasks, referenceDir } from '../core/paths.js';
import { gradeTask } from '../runner/grade-task.js';
import { mapConcurrently } from '../runner/pool.js';
import { UsageError } from './errors.js';
import { runMain } from './main.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function bench(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a whole number above 0`);
  const known = listTasks();
  const tasks = positionals.length > 0 ? positionals : known;
  for (const t of tasks) if (!known.includes(t)) throw new UsageError(`unknown task "${t}"; valid tasks: ${known.join(' ')}`);

  let failures = 0;
  process.stdout.write(`grading the reference, ${runs} run(s) per task, one at a time\n`);
  for (const task of tasks) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await gradeTask(task, referenceDir);
      if (r.score !== r.maxScore) failures++;
      times.push(r.durationMs);
    }
    process.stdout.write(`  ${task.padEnd(18)} median ${(median(times) / 1000).toFixed(2)} s   max ${(Math.max(...times) / 1000).toFixed(2)} s\n`);
  }
  const started = Date.now();
  const all = await mapConcurrently(tasks, Math.max(2, os.availableParallelism()), (t) => gradeTask(t, referenceDir));
  failures += all.filter((r) => r.score !== r.maxScore).length;
  process.stdout.write(`  ${'all, in parallel'.padEnd(18)} ${((Date.now() - started) / 1000).toFixed(2)} s for ${tasks.length} tasks on ${os.availableParallelism()} cores\n`);
  if (failures > 0) process.stdout.write(`the reference lost points in ${failures} run(s): the timings above are not to be trusted\n`);
  return failures === 0 ? 0 : 1;
}

runMain(bench, import.meta.url);
