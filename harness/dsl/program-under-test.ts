// A student's program as a spec sees it: type into it, read what it prints, see it exit.

import { existsSync } from 'node:fs';
import { StudentFailure } from '../core/failures.js';
import { stalledWords } from '../core/inbox.js';
import { quote } from '../core/quote.js';
import type { TextPattern } from '../core/text-pattern.js';
import { type Deadlines, seconds } from '../core/time.js';
import type { Endpoint } from '../net/connect.js';
import { allThreadsAsleep, processTree, threadCount } from '../process/process-tree.js';
import type { ExitInfo, RunningProgram } from '../process/program.js';

/** Text a printed line contains, or a pattern with the words that say what it expects. */
export type OutputMatcher = string | TextPattern;

export interface WaitOptions {
  within?: number;
  help?: string;
}

export class ProgramUnderTest {
  constructor(
    readonly process: RunningProgram,
    /** Its working folder as the grader reads it: files the spec gave it, files it saved. */
    readonly dir: string,
    /** The same folder as the program names it (what to send it as an absolute path). */
    readonly programDir: string,
    /** The run's deadlines: how long a wait on it lasts unless told, and a spec's own waits. */
    readonly deadlines: Deadlines,
  ) {}

  get role(): string {
    return this.process.actor;
  }

  get running(): boolean {
    return this.process.running;
  }

  /** Types a line into its standard input. */
  type(line: string): void {
    this.process.writeInput(`${line}\n`);
  }

  /** Closes its standard input, like Ctrl+D in a terminal. */
  closeInput(): void {
    this.process.closeInput();
  }

  signal(sig: NodeJS.Signals): void {
    this.process.signal(sig);
  }

  /** Kills it and all it started, and waits until they are gone (its port is free then). */
  kill(): Promise<void> {
    return this.process.kill();
  }

  /** Everything it printed so far, stdout then stderr, trimmed: what it said, for feedback. */
  printed(): string {
    return Buffer.concat([this.process.stdout.all(), this.process.stderr.all()]).toString('utf8').trim();
  }

  /** Everything it printed so far on one stream, as it came. */
  printedOn(stream: 'stdout' | 'stderr'): string {
    return this.process[stream].all().toString('utf8');
  }

  /** What it printed on stdout that no expectOutput has passed over yet. */
  unreadOutput(): string {
    return this.process.stdout.unread().toString('utf8');
  }

  /** How it exited, once it has. */
  get exitInfo(): ExitInfo | undefined {
    return this.process.exitInfo;
  }

  /** Settles when it has exited (never rejects). */
  get exited(): Promise<ExitInfo> {
    return this.process.exited;
  }

  /** How it exited, if it does within `ms`; undefined while it still runs then (or the test stalls). */
  exitsWithin(ms: number): Promise<ExitInfo | undefined> {
    return this.process.exitsWithin(ms);
  }

  /** After exitsWithin(ms) came back empty: what it was doing, in words ("it was still running after 3.0 s, …"). */
  stillRunning(ms: number, busyHint?: string): Promise<string> {
    return this.process.stillRunning(ms, busyHint);
  }

  /** How it ended, in words ("exited with code 1 after 0.20 s"), or "still running". */
  describeExit(): string {
    return this.process.describeExit();
  }

  /** True when it burns CPU while it should be waiting (a busy loop). */
  isSpinning(): Promise<boolean> {
    return this.process.isSpinning();
  }

  /** The pids of its process and every live descendant (forks per client count), from /proc. */
  processTree(): number[] {
    return processTree(this.process.pid);
  }

  /** How many threads its tree has (a fork per client counts too); undefined where there is no /proc to tell. */
  threadCount(): number | undefined {
    return existsSync('/proc/self/task') ? threadCount(this.process.pid) : undefined;
  }

  /** True when its tree has a live thread and every one is asleep (blocked in recv, accept, select…). */
  allThreadsAsleep(): boolean {
    return allThreadsAsleep(this.process.pid);
  }

  /**
   * It prints `matcher` (a substring, or a pattern) on some line from here on.
   * Lines that don't match (prompts, banners) are passed over; returns the line.
   */
  async expectOutput(matcher: OutputMatcher, opts: WaitOptions = {}): Promise<string> {
    const within = opts.within ?? this.deadlines.reply;
    const out = this.process.stdout;
    const find = (): string | undefined => {
      const text = out.unread().toString('utf8');
      let start = 0;
      for (;;) {
        const nl = text.indexOf('\n', start);
        const complete = nl >= 0;
        if (!complete && start >= text.length) return undefined;
        const line = text.slice(start, complete ? nl : undefined).replace(/\r$/, '');
        if (typeof matcher === 'string' ? line.includes(matcher) : matcher.test(line)) {
          out.consume(Buffer.byteLength(text.slice(0, complete ? nl + 1 : text.length)));
          return line;
        }
        if (!complete) return undefined;
        start = nl + 1;
      }
    };
    const outcome = await out.waitFor(find, within);
    if (outcome.kind === 'found') return outcome.value;
    const printed = out.unread().toString('utf8').trim();
    const what = typeof matcher === 'string' ? quote(matcher) : matcher.says;
    throw new StudentFailure({
      expected: `the ${this.role} prints ${what}`,
      actual: `${printed ? `it printed ${quote(printed)}` : 'it printed nothing'}${
        outcome.kind === 'timeout' ? ` (waited ${seconds(within)})` : outcome.kind === 'stalled' ? `; ${stalledWords(outcome.why)}` : `, then ${this.process.describeExit()}`
      }`,
      help: opts.help,
    });
  }

  /** It exits by itself with `code`, or with any code when 'any'. */
  async expectExit(expected: number | 'any' = 0, opts: WaitOptions = {}): Promise<void> {
    const code = expected === 'any' ? undefined : expected;
    const within = opts.within ?? this.deadlines.reply;
    const exit = await this.process.exitsWithin(within);
    if (!exit) {
      throw new StudentFailure({
        expected: `the ${this.role} exits${code === undefined ? '' : ` with code ${code}`}`,
        actual: await this.process.stillRunning(within),
        help: opts.help,
      });
    }
    if (code !== undefined && (exit.code !== code || exit.signal)) {
      throw new StudentFailure({
        expected: `the ${this.role} exits with code ${code}`,
        actual: `it ${this.process.describeExit()}`,
        help: opts.help,
      });
    }
  }

  /** It has not crashed or exited. */
  expectRunning(help?: string): void {
    if (!this.running) {
      throw new StudentFailure({ expected: `the ${this.role} keeps running`, actual: `it ${this.process.describeExit()}`, help });
    }
  }

  /** Nothing on stderr looks like a Python traceback. */
  expectNoTraceback(help?: string): void {
    const err = this.process.stderr.all().toString('utf8');
    if (err.includes('Traceback (most recent call last)')) {
      throw new StudentFailure({
        expected: `the ${this.role} handles this without a Python traceback`,
        actual: `it printed a traceback:\n${this.process.stderrTail()}`,
        help,
      });
    }
  }
}

export class ServerUnderTest extends ProgramUnderTest {
  constructor(
    process: RunningProgram,
    dir: string,
    programDir: string,
    deadlines: Deadlines,
    readonly endpoint: Endpoint,
  ) {
    super(process, dir, programDir, deadlines);
  }
}
