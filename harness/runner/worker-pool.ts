// Grading workers, each grading one submission after another (see grade-worker.ts):
// starting one costs ~0.4 s of CPU (node, mocha, the harness, the sandbox helper), more
// than many a grading. A grading takes an idle worker that has its task's spec loaded,
// else any idle one, else a new one: never more workers than gradings under way. A
// worker that breaks or outlives the deadline is killed with all it started; the
// next grading gets a fresh one.

import { GradingWorker, WorkerGone } from './grading-worker.js';
import type { Graded, WorkerJob } from './worker-protocol.js';

export { WorkerFailure } from './grading-worker.js';

const idle: GradingWorker[] = [];
const all = new Set<GradingWorker>();

/** Gradings announced (warmWorker) whose worker is still waiting for them in `idle`. */
const promised = new Set<GradingWorker>();

function dropDeadIdle(): void {
  for (let i = idle.length - 1; i >= 0; i--)
    if (!idle[i].alive) {
      const [dead] = idle.splice(i, 1);
      all.delete(dead);
      promised.delete(dead);
    }
}

function take(task: string): GradingWorker {
  dropDeadIdle();
  let i = idle.findIndex((w) => w.tasks.has(task));
  if (i < 0) i = idle.length - 1;
  if (i >= 0) {
    const [worker] = idle.splice(i, 1);
    promised.delete(worker);
    return worker;
  }
  const worker = GradingWorker.start();
  all.add(worker);
  return worker;
}

/**
 * A grading of `task` is coming: the worker it will take starts now and loads the task's
 * spec while the caller still finds the run's settings (~0.5 s of CPU each, on two cores
 * side by side). An idle worker that has the spec, or one not yet promised to another
 * grading, is used: never more workers than gradings announced or under way.
 */
export function warmWorker(task: string): void {
  dropDeadIdle();
  if (idle.some((w) => w.tasks.has(task))) return;
  let worker = [...idle].reverse().find((w) => !promised.has(w));
  if (!worker) {
    worker = GradingWorker.start();
    all.add(worker);
    idle.push(worker);
  }
  promised.add(worker);
  worker.preload(task);
}

/** Grades `job` on a worker (the job carries the run's settings). Throws a WorkerFailure when the worker broke or ran out of time. */
export async function gradeOnWorker(job: WorkerJob, deadlineMs: number): Promise<Graded> {
  // A worker that died idle (found out only on sending it the job) is no failure of the
  // grading: a fresh worker takes it. One that died with the job is.
  for (let attempt = 1; ; attempt++) {
    const worker = take(job.task);
    try {
      const results = await worker.run(job, deadlineMs);
      worker.tasks.add(job.task);
      idle.push(worker);
      return results;
    } catch (e) {
      all.delete(worker);
      await worker.kill();
      if (!(e instanceof WorkerGone) || attempt === 2) throw e;
    }
  }
}

/** Closes every worker and waits until they have exited: nothing of the run outlives it. */
export async function closeWorkers(): Promise<void> {
  const closing = [...all];
  all.clear();
  idle.length = 0;
  promised.clear();
  await Promise.all(closing.map((w) => w.close()));
}
