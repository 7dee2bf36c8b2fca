// One running student program: its own process group, a temp working folder, output
// drained all the time into capped inboxes, and a tree kill that waits for the exit.

import { ChildProcess, type SpawnOptions as ChildSpawnOptions, spawn } from 'node:child_process';
import { Inbox, stalledWords } from '../core/inbox.js';
import { quote } from '../core/quote.js';
import { runningTest } from '../core/running-test.js';
import { settlesOrStalls } from '../core/stall-signal.js';
import { pollPause, pollUntil, seconds, settlesWithin } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import { limitHit, testMemoryHit } from './limits.js';
import { registerLive, rootExited, unregisterLive } from './live-programs.js';
import { childrenOf, cpuTicks, isAlive, killTree, RUN_MARKER_VARIABLE } from './process-tree.js';
import { sendSignal } from './send-signal.js';
import { signalWords } from './signal-words.js';
import { logSpawn } from './spawn-log.js';

/** Output kept per stream; past it, bytes are counted and dropped, never left in the pipe. */
export const OUTPUT_CAP_BYTES = 1024 * 1024;

export interface ExitInfo {
  code: number | null;
  signal: string | null;
  atMs: number;
}

export interface ProgramCommand {
  file: string;
  command: string;
  args: string[];
  /** Written in the submission's manifest: its `{port}` and `{host}` are filled in at start. */
  fromManifest?: boolean;
}

/** How a program is really started: the wrapped command line, and what the grader must know of it. */
export interface Launch {
  command: string;
  args: string[];
  cwd: string;
  /** The user it runs as, when one of its own. */
  uid?: number;
  /** True when the started process only forks the program and waits for it (entering a PID namespace takes a fork). */
  launcher: boolean;
  /** How many of the test's processes the kernel killed for want of memory, where a control group counts them. */
  oomKills?: () => number;
}

export interface SpawnOptions {
  cwd: string;
  /** What is really started, when `cmd` runs wrapped (in a namespace, under limits); `cmd` is what the student reads. */
  launch?: Launch;
  env: Record<string, string>;
  /** "server" or "client": how the transcript and messages name it. */
  actor: string;
  /** How it was started, in words (command line, folder, HOST and PORT): told when it dies by itself. */
  startedAs?: string;
  transcript: Transcript;
  /** Run beside the tests, not by one (see live-programs.ts): its waits are no test's stall. */
  besideTests?: boolean;
}

/**
 * spawn(), with a spawn the system refuses at once (E2BIG, a bad argument) told as the
 * 'error' of a process that never started, as every other refusal is (ENOENT, EACCES).
 * Plain node:child_process: a grading worker loads no process library (~0.2 s at each start).
 */
function spawnOrFail(command: string, args: readonly string[], options: ChildSpawnOptions): ChildProcess {
  try {
    return spawn(command, args, options);
  } catch (e) {
    const failed = new ChildProcess();
    process.nextTick(() => failed.emit('error', e));
    return failed;
  }
}

export class RunningProgram {
  readonly stdout = new Inbox(OUTPUT_CAP_BYTES);
  readonly stderr = new Inbox(OUTPUT_CAP_BYTES);
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;
  /** Set when the grader killed it, so the kill is not reported as a crash. */
  killedByGrader = false;
  readonly pid: number;
  readonly actor: string;
  /** Inherited by everything it starts, so no descendant escapes the kill. */
  private readonly marker = `${process.pid}-${++programsStarted}`;
  private readonly startedAt = Date.now();
  private readonly child: ChildProcess;

  constructor(
    readonly cmd: ProgramCommand,
    private readonly opts: SpawnOptions,
  ) {
    this.actor = opts.actor;
    const launch = opts.launch ?? { ...cmd, launcher: false };
    this.child = spawnOrFail(launch.command, launch.args, {
      cwd: opts.cwd,
      env: { ...opts.env, [RUN_MARKER_VARIABLE]: this.marker },
      detached: true, // its own process group, so the whole group can be killed
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.pid = this.child.pid ?? -1;
    if (this.pid > 0) registerLive(this.marker, { pid: this.pid, actor: this.actor, uid: opts.launch?.uid, launcher: launch.launcher, besideTests: opts.besideTests, test: runningTest() });
    logSpawn(cmd.command, this.actor, cmd.file);
    opts.transcript.add(this.actor, `started: ${[cmd.command.split('/').pop(), ...cmd.args.map(shortPath)].join(' ')}`);

    this.child.stdout?.on('data', (chunk: Buffer) => this.stdout.push(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.child.stdin?.on('error', () => undefined); // writing to a program that exited
    this.child.stdout?.on('data', (chunk: Buffer) => opts.transcript.add(`${this.actor} stdout`, `printed ${quote(chunk.toString('utf8'), 120)}`));

    this.exited = new Promise((resolve) => {
      const done = (code: number | null, signal: string | null, atMs = Date.now() - this.startedAt): void => {
        if (this.exitInfo) return;
        this.exitInfo = { code, signal, atMs };
        rootExited(this.marker);
        if (!this.killedByGrader) opts.transcript.add(this.actor, this.describeExit());
        this.stdout.end(`the ${this.actor} exited`);
        this.stderr.end(`the ${this.actor} exited`);
        resolve(this.exitInfo);
      };
      this.child.on('exit', (code, signal) => {
        const atMs = Date.now() - this.startedAt;
        // 'exit' can come before the last bytes of the pipes are read: what it printed
        // just before exiting must be in the inboxes when they end. A child it forked
        // may hold the pipes open, so that wait is bounded.
        const drained = Promise.all([streamEnded(this.child.stdout), streamEnded(this.child.stderr)]).then(() => true);
        void settlesWithin(drained, PIPE_DRAIN_MS).then((ended) => {
          done(code, signal, atMs);
          if (!ended) opts.transcript.add(this.actor, `its output was still open ${PIPE_DRAIN_MS} ms after it exited: a process it started holds it`);
        });
      });
      this.child.on('error', (err: NodeJS.ErrnoException) => {
        this.stderr.push(Buffer.from(`could not start ${cmd.command}: ${err.code ?? err.message}\n`));
        done(127, null);
      });
    });
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  writeInput(text: string): void {
    this.opts.transcript.add('grader', `typed into the ${this.actor}: ${quote(text)}`);
    this.child.stdin?.write(text);
  }

  closeInput(): void {
    this.opts.transcript.add('grader', `closed the ${this.actor}'s input (Ctrl+D)`);
    this.child.stdin?.end();
  }

  signal(sig: NodeJS.Signals): void {
    this.opts.transcript.add('grader', `sent ${sig} to the ${this.actor}`);
    try {
      sendSignal(this.programPid(), sig);
    } catch {
      // already gone
    }
  }

  /** When the last exitsWithin() came back empty-handed on a stall: what the programs wait in. */
  lastStall: string | undefined;

  /**
   * How it exited, if it does within `ms`; undefined while it is still running then, or
   * sooner once the test's programs stall (it would never exit by itself).
   */
  async exitsWithin(ms: number): Promise<ExitInfo | undefined> {
    this.lastStall = undefined;
    const outcome = await settlesOrStalls(this.exited, ms);
    if (outcome && 'stalled' in outcome) {
      // The exit may have been reported in the same turn as the stall.
      if (this.exitInfo) return this.exitInfo;
      this.lastStall = outcome.stalled;
      return undefined;
    }
    return outcome?.value;
  }

  /**
   * After exitsWithin(ms) came back empty, what it was doing: the stall that ended the
   * wait, or "still running after 3.0 s", busy (measured) or waiting.
   */
  async stillRunning(ms: number, busyHint = 'a busy loop?'): Promise<string> {
    if (this.lastStall !== undefined) return `it is still running: ${stalledWords(this.lastStall)}`;
    const spinning = await this.isSpinning();
    return `it was still running after ${seconds(ms)}${spinning ? `, using the CPU all the time (${busyHint})` : ', waiting for something'}`;
  }

  /** Kills the whole tree and waits until the process is reaped (so its port is free). */
  async kill(): Promise<void> {
    if (this.running) this.killedByGrader = true;
    // Also when it exited: a child it forked may still be running.
    // Through a launcher, the program is killed and the launcher left to reap it and exit:
    // a launcher killed first would hand its child to the machine's own init, and the
    // test's PID namespace would wait for that init to reap it (seconds, where it is slow).
    const program = this.opts.launch?.launcher ? childrenOf(this.pid)[0] : undefined;
    const tree = killTree(program ?? this.pid, this.marker, this.opts.launch?.uid);
    if (program !== undefined) {
      // nsenter stops itself when its child stops (job control) until it is continued:
      // it may do so after the kill's SIGSTOP, so it is continued until it has exited.
      await pollUntil(
        () => {
          if (this.exitInfo) return true;
          sendSignal(this.pid, 'SIGCONT');
          return undefined;
        },
        10_000,
        5,
      );
    }
    await this.exited;
    // SIGKILL is delivered asynchronously; its port and files are free only once all are gone.
    const gone = await pollUntil(() => (tree.some(isAlive) ? undefined : true), 5000, 2);
    if (!gone) throw new Error(`processes ${tree.filter(isAlive).join(', ')} survived SIGKILL`);
    unregisterLive(this.marker);
  }

  describeExit(): string {
    const e = this.exitInfo;
    if (!e) return 'still running';
    const after = `after ${(e.atMs / 1000).toFixed(2)} s`;
    if (e.signal) return `${signalWords(e.signal)} ${after}`;
    return `exited with code ${e.code} ${after}`;
  }

  /** The end of stderr; a Python traceback is shown from its first line. */
  stderrTail(maxLines = 12): string {
    const text = this.stderr.all().toString('utf8').replace(/\r\n/g, '\n').trimEnd();
    if (!text) return '';
    const tb = text.lastIndexOf('Traceback (most recent call last)');
    const from = tb >= 0 ? text.slice(tb) : text;
    const lines = from.split('\n');
    return (lines.length > maxLines ? ['…', ...lines.slice(-maxLines)] : lines).join('\n');
  }

  stdoutTail(maxLines = 6): string {
    const lines = this.stdout.all().toString('utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
    return lines.slice(-maxLines).join('\n');
  }

  /**
   * The program's own process: the started one, or the child of a launcher (which
   * enters the test's PID namespace by forking and waits; it passes no signal on).
   */
  private programPid(): number {
    if (!this.opts.launch?.launcher) return this.pid;
    return childrenOf(this.pid)[0] ?? this.pid;
  }

  /** True when the program burns CPU while it should be waiting (a busy loop). */
  async isSpinning(): Promise<boolean> {
    const pid = this.programPid();
    const before = cpuTicks(pid);
    if (before === undefined) return false;
    await pollPause(200); // the measuring window itself, not a wait for an event
    const after = cpuTicks(pid);
    return after !== undefined && after - before >= 12; // ≥ 60 % of one core (100 ticks/s)
  }

  /** Which resource limit it ran into, in words, if any. */
  limitHit(): string | undefined {
    // A kill by the test's memory bound is a SIGKILL like the grader's own: the group's counter tells them apart.
    if (this.exitInfo?.signal === 'SIGKILL' && !this.killedByGrader && (this.opts.launch?.oomKills?.() ?? 0) > 0) return testMemoryHit();
    return limitHit(this.exitInfo?.signal ?? null, this.stderr.all().toString('utf8'));
  }

  /** True once it ended by itself with an error: a non-zero code, or a signal the grader did not send. */
  get failedByItself(): boolean {
    const e = this.exitInfo;
    return e !== undefined && !this.killedByGrader && (e.signal !== null || e.code !== 0);
  }

  /** A few lines for a failure report: how it ended, how it was started, which limit it hit, what it printed last. */
  statusReport(): string {
    const state = this.running ? 'is still running' : this.killedByGrader ? 'was stopped by the grader' : this.describeExit();
    const lines = [`the ${this.actor} ${state}`];
    // What it was given, so it can be run again the same way to see the error.
    if (this.failedByItself && this.opts.startedAs) lines.push(`  it was started as ${this.opts.startedAs}`);
    const limit = this.limitHit();
    if (limit) lines.push(`  ${limit}`);
    if (this.stdout.dropped > 0) lines.push(`  it printed more than ${OUTPUT_CAP_BYTES / 1024} KiB; the rest was dropped`);
    const err = this.stderrTail();
    if (err) lines.push(`  its stderr ends with:`, ...err.split('\n').map((l) => `    ${l}`));
    else if (this.failedByItself) lines.push('  it printed nothing on stderr');
    return lines.join('\n');
  }

  /** How it was started, in words, when the spawner said. */
  get startedAs(): string | undefined {
    return this.opts.startedAs;
  }
}

let programsStarted = 0;

/** How long output may still arrive after the exit, when a forked child keeps the pipes. */
const PIPE_DRAIN_MS = 500;

function streamEnded(stream: NodeJS.ReadableStream | null | undefined): Promise<void> {
  return new Promise((resolve) => {
    const s = stream as (NodeJS.ReadableStream & { readableEnded?: boolean; destroyed?: boolean }) | null | undefined;
    if (!s || s.readableEnded || s.destroyed) return resolve();
    s.once('end', () => resolve());
    s.once('close', () => resolve());
  });
}

/**
 * An absolute path as its last two parts ("task4/server.py"), anything else as it is.
 * Without a regex: one ending in /[^/]+$ backtracks over every position of an argument
 * with no slash (44 s of CPU for an argument of 200 KB, before the program even started).
 */
function shortPath(arg: string): string {
  if (!arg.startsWith('/')) return arg;
  const last = arg.lastIndexOf('/');
  const before = arg.lastIndexOf('/', last - 1);
  return last > 0 && last < arg.length - 1 && last - before > 1 ? arg.slice(before + 1) : arg;
}
