// The workload a class mostly is: half-working programs. Every known mutant of the tasks
// graded on all of its task's tests, as a class per task with every core busy; each
// grading's time, the whole run's, and the floor of the programs it started.

import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../core/failures.js';
import { SPAWN_LOG_VARIABLE } from '../process/spawn-log.js';
import type { TaskReport } from '../report/types.js';
import { loadFixtures } from '../runner/fixtures.js';
import { countStarts, floorSeconds } from './floor.js';
import { timeCli } from './run-cli.js';

export interface MutantClassFigures {
  gradings: number;
  seconds: number;
  floorSeconds: number;
  p50Seconds: number;
  p95Seconds: number;
  slowest: { task: string; mutant: string; seconds: number };
  /** The most the class's processes held at once, and one grading worker's peak (MiB). */
  treePeakMiB: number;
  workerPeakMiB: number;
}

/** The value below which `q` of the sorted values lie (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export async function benchMutantClass(tasks: readonly string[], tmp: string, jobs: number, timeScale: number): Promise<MutantClassFigures> {
  const spawnLog = path.join(tmp, 'mutant-spawns.log');
  const gradings: Array<{ task: string; mutant: string; seconds: number }> = [];
  let seconds = 0;
  let treePeakMiB = 0;
  let workerPeakMiB = 0;
  for (const task of tasks) {
    const mutants = loadFixtures(task).mutants;
    if (mutants.length === 0) continue;
    const classDir = path.join(tmp, 'mutant-class', task);
    const reports = path.join(tmp, 'mutant-reports', task);
    mkdirSync(classDir, { recursive: true });
    for (const m of mutants) cpSync(m.dir, path.join(classDir, m.name), { recursive: true });
    const run = await timeCli('class', [task, classDir, '--jobs', String(jobs), '--format', 'json', '--reports', reports], timeScale, { [SPAWN_LOG_VARIABLE]: spawnLog });
    // 1: some mutant lost points, as each should; more is the grader failing.
    if (run.exitCode > 1) throw new GraderError(`bench: the ${task} mutants broke the grader (class exit ${run.exitCode})\n${run.stderr.slice(-2000)}`);
    seconds += run.seconds;
    treePeakMiB = Math.max(treePeakMiB, run.memory.treePeakMiB);
    workerPeakMiB = Math.max(workerPeakMiB, run.memory.workerPeakMiB);
    for (const m of mutants) {
      const report = JSON.parse(readFileSync(path.join(reports, m.name, `${task}.json`), 'utf8')) as TaskReport;
      gradings.push({ task, mutant: m.name, seconds: report.durationMs / 1000 });
    }
  }
  const sorted = gradings.map((g) => g.seconds).sort((a, b) => a - b);
  const slowest = gradings.reduce((a, b) => (b.seconds > a.seconds ? b : a), { task: '', mutant: '', seconds: 0 });
  return {
    gradings: gradings.length,
    seconds,
    floorSeconds: await floorSeconds(countStarts(spawnLog), jobs),
    p50Seconds: quantile(sorted, 0.5),
    p95Seconds: quantile(sorted, 0.95),
    slowest,
    treePeakMiB,
    workerPeakMiB,
  };
}
