// Grading workers, each grading one submission after another (see grade-worker.ts):
// starting one costs ~0.4 s of CPU (node, mocha, the harness, the sandbox helper), more
// than many a grading. A grading takes an idle worker that has its task's spec loaded,
// else any idle one, else a new one: never more workers than gradings under way. A
// worker that breaks or outlives the deadline is killed with all it started; the
// next grading gets a fresh one.

import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { settlesWithin } from '../core/time.js';
import type { TestResult } from '../report/types.js';
import { killOrphansOf, removeTempFoldersOf } from './orphans.js';
import type { WorkerDone, WorkerJob } from './worker-protocol.js';

const WORKER = path.join(projectRoot, 'dist', 'harness', 'runner', 'grade-worker.js');
/** What is kept of a worker's own output, for the message when it breaks. */
const OUTPUT_TAIL_CHARS = 4000;

export class WorkerFailure extends Error {
  constructor(readonly why: string, readonly output: string) {
    super(why);
    this.name = 'WorkerFailure';
  }
}

class GradingWorker {
  readonly tasks = new Set<string>();
  private output = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exit: Promise<void>;

  constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => {
      this.exited = { code, signal };
      resolve();
    }));
    this.idle();
  }

  static start(env: Record<string, string>): GradingWorker {
    return new GradingWorker(fork(WORKER, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' }));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exited === undefined && this.child.connected;
  }

  /** Runs one grading; rejects with a WorkerFailure if the worker breaks or the deadline passes. */
  async run(job: WorkerJob, deadlineMs: number): Promise<TestResult[]> {
    this.busy();
    this.output = '';
    try {
      return await new Promise<TestResult[]>((resolve, reject) => {
        const timer = setTimeout(() => finish(new WorkerFailure(`it ran over ${deadlineMs / 1000} s`, this.output)), deadlineMs);
        const onMessage = (done: WorkerDone): void => {
          if (done.id !== job.id) return;
          if (done.results) finish(done.results);
          else finish(new WorkerFailure(`it failed: ${done.error ?? 'no results'}`, this.output));
        };
        const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
          finish(new WorkerFailure(`it ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`, this.output));
        const finish = (outcome: TestResult[] | WorkerFailure): void => {
          clearTimeout(timer);
          this.child.off('message', onMessage);
          this.child.off('exit', onExit);
          if (outcome instanceof WorkerFailure) reject(outcome);
          else resolve(outcome);
        };
        this.child.on('message', onMessage);
        this.child.once('exit', onExit);
        this.child.send(job);
      });
    } finally {
      this.idle();
    }
  }

  /** Stops it (SIGTERM: it kills its programs), then anything it left. */
  async kill(): Promise<void> {
    if (this.exited === undefined) {
      this.busy();
      this.child.kill('SIGTERM');
      // Its exit, or SIGKILL once it has had 5 s to stop its programs.
      if ((await settlesWithin(this.exit.then(() => true), 5000)) === undefined) this.child.kill('SIGKILL');
      await this.exit;
    }
    // A worker that did not finish could not stop what it started.
    killOrphansOf(this.pid);
    removeTempFoldersOf(this.pid);
  }

  /** Asks it to finish (it exits once its channel closes) and waits. */
  async close(): Promise<void> {
    if (this.exited === undefined) {
      // Held until it has exited: an idle worker is unref'd, and the process must not end first.
      this.busy();
      this.child.disconnect();
      await this.exit;
    }
  }

  private get channel(): { ref(): void; unref(): void } | undefined {
    return (this.child as ChildProcess & { channel?: { ref(): void; unref(): void } }).channel ?? undefined;
  }

  // Idle, a worker never keeps its parent alive; when the parent exits, the worker's
  // channel closes and it exits too.
  private idle(): void {
    this.child.unref();
    this.channel?.unref();
  }

  private busy(): void {
    this.child.ref();
    this.channel?.ref();
  }
}

const idle: GradingWorker[] = [];
const all = new Set<GradingWorker>();

function take(task: string, env: Record<string, string>): GradingWorker {
  for (let i = idle.length - 1; i >= 0; i--) if (!idle[i].alive) all.delete(idle.splice(i, 1)[0]);
  let i = idle.findIndex((w) => w.tasks.has(task));
  if (i < 0) i = idle.length - 1;
  if (i >= 0) return idle.splice(i, 1)[0];
  const worker = GradingWorker.start(env);
  all.add(worker);
  return worker;
}

/**
 * Grades `job` on a worker started with `env` (the run's settings, the same for every
 * worker of a run). Throws a WorkerFailure when the worker broke or ran out of time.
 */
export async function gradeOnWorker(job: WorkerJob, env: Record<string, string>, deadlineMs: number): Promise<TestResult[]> {
  const worker = take(job.task, env);
  try {
    const results = await worker.run(job, deadlineMs);
    worker.tasks.add(job.task);
    idle.push(worker);
    return results;
  } catch (e) {
    all.delete(worker);
    await worker.kill();
    throw e;
  }
}

/** Closes every worker and waits until they have exited: nothing of the run outlives it. */
export async function closeWorkers(): Promise<void> {
  const closing = [...all];
  all.clear();
  idle.length = 0;
  await Promise.all(closing.map((w) => w.close()));
}
