// One grading worker process (grade-worker.ts) seen from its parent: it runs one
// grading at a time over its IPC channel, and is closed or killed with all it started.
// Its channel may close at any moment (the worker crashed, or a hostile program killed
// it): every use of the channel first checks it, and an error on it is recorded, never
// thrown, so a dead worker is a failed grading or nothing, never a broken grader.

import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { settlesWithin } from '../core/time.js';
import { killOrphansOf, removeTempFoldersOf } from './orphans.js';
import type { Graded, WorkerDone, WorkerJob, WorkerPreload } from './worker-protocol.js';

const WORKER = path.join(projectRoot, 'dist', 'harness', 'runner', 'grade-worker.js');
/** What is kept of a worker's own output, for the message when it breaks. */
const OUTPUT_TAIL_CHARS = 4000;
/** How long a worker has to stop its programs and exit before it is killed outright. */
const STOP_WITHIN_MS = 5000;

/** True when `pid` is a zombie or gone, where /proc tells (elsewhere the exit event alone does). */
function hasDied(pid: number | undefined): boolean {
  if (pid === undefined) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return existsSync('/proc/self');
  }
}

export class WorkerFailure extends Error {
  constructor(
    readonly why: string,
    readonly output: string,
  ) {
    super(why);
    this.name = 'WorkerFailure';
  }
}

/** The worker was gone before it got the grading (it died idle): another worker may take it. */
export class WorkerGone extends WorkerFailure {
  override readonly name = 'WorkerGone';
}

export class GradingWorker {
  readonly tasks = new Set<string>();
  private output = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exit: Promise<void>;

  constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer | string): void => {
      this.output = (this.output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // Without a listener, an 'error' (a send or disconnect on a closed channel, a failed
    // kill) would be thrown in the grader itself; kept with the output instead.
    child.on('error', (e) => keep(`\n(grading worker: ${e.message})\n`));
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve();
      }),
    );
    this.idle();
  }

  static start(): GradingWorker {
    return new GradingWorker(fork(WORKER, [], { env: process.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' }));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * False once it has exited or lost its channel, as far as we know: its death (a crash, a
   * hostile program's SIGKILL) reaches us as events that may not have arrived yet, so
   * its process is looked at too.
   */
  get alive(): boolean {
    return this.exited === undefined && this.child.connected && !hasDied(this.child.pid);
  }

  /**
   * Has it load `task`'s spec now, ahead of its grading (it counts as having it: the pool
   * prefers it for that task). Idle, and never an error: a worker that died is found out by its grading.
   */
  preload(task: string): void {
    this.tasks.add(task);
    if (!this.alive) return;
    this.child.send({ preload: task } satisfies WorkerPreload, () => undefined);
  }

  /** Runs one grading; rejects with a WorkerFailure if the worker breaks or the deadline passes. */
  async run(job: WorkerJob, deadlineMs: number): Promise<Graded> {
    if (!this.alive) throw new WorkerGone(this.exited ? this.howItEnded(this.exited) : 'its channel had closed', this.output);
    this.busy();
    this.output = '';
    try {
      return await new Promise<Graded>((resolve, reject) => {
        const timer = setTimeout(() => finish(new WorkerFailure(`it ran over ${deadlineMs / 1000} s`, this.output)), deadlineMs);
        const onMessage = (done: WorkerDone): void => {
          if (done.id !== job.id) return;
          if (done.results) finish({ results: done.results, dialect: done.dialect });
          else finish(new WorkerFailure(`it failed: ${done.error ?? 'no results'}`, this.output));
        };
        const onExit = (code: number | null, signal: NodeJS.Signals | null): void => finish(new WorkerFailure(this.howItEnded({ code, signal }), this.output));
        let finished = false;
        const finish = (outcome: Graded | WorkerFailure): void => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          this.child.off('message', onMessage);
          this.child.off('exit', onExit);
          if (outcome instanceof WorkerFailure) reject(outcome);
          else resolve(outcome);
        };
        this.child.on('message', onMessage);
        this.child.once('exit', onExit);
        // The channel can close between the check above and here: the callback says so.
        this.child.send(job, (e) => {
          if (e) finish(new WorkerGone(`its channel closed before it got the grading (${e.message})`, this.output));
        });
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
      // Its exit, or SIGKILL once it has had time to stop its programs.
      if (
        (await settlesWithin(
          this.exit.then(() => true),
          STOP_WITHIN_MS,
        )) === undefined
      )
        this.child.kill('SIGKILL');
      await this.exit;
    }
    // A worker that did not finish could not stop what it started.
    killOrphansOf(this.pid);
    removeTempFoldersOf(this.pid);
  }

  /**
   * Asks it to finish (it exits once its channel closes) and waits. A worker that has
   * exited already is left as it is; one whose channel closed but that has not exited
   * (yet) is given the same time as on a kill, then killed.
   */
  async close(): Promise<void> {
    if (this.exited !== undefined) return;
    // Held until it has exited: an idle worker is unref'd, and the process must not end first.
    this.busy();
    if (this.child.connected) this.child.disconnect();
    if (
      (await settlesWithin(
        this.exit.then(() => true),
        STOP_WITHIN_MS,
      )) === undefined
    )
      await this.kill();
  }

  private howItEnded(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
    return `it ${exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`}`;
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
