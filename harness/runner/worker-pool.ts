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

function take(task: string): GradingWorker {
  for (let i = idle.length - 1; i >= 0; i--) if (!idle[i].alive) all.delete(idle.splice(i, 1)[0]);
  let i = idle.findIndex((w) => w.tasks.has(task));
  if (i < 0) i = idle.length - 1;
  if (i >= 0) return idle.splice(i, 1)[0];
  const worker = GradingWorker.start();
  all.add(worker);
  return worker;
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
  await Promise.all(closing.map((w) => w.close()));
}
