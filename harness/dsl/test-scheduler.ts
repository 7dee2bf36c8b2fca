// Runs the tests of a task side by side: each has its own network, folder and programs,
// and mostly waits, so several at once cost little more than one. Bodies start in the
// spec's order, at most `limit` at once, and a second one only while the machine has CPU
// to spare (a busy machine runs them one at a time: no deadline assumes a quiet one); a
// test that needs the machine quiet (slow reading, timing, CPU use) runs alone. Each test's outcome is decided in the spec's
// order once every test before it is (see TestNotes): the report and every verdict are
// those of running them one after another.

import type { EarlierFailure } from './grading-context.js';

/** How often a test held back for a busy machine looks again. */
const ROOM_LOOK_EVERY_MS = 250;

/** How one test's body ended. */
export type BodyOutcome = { kind: 'passed' } | { kind: 'skipped'; reason: string } | { kind: 'failed'; error: unknown };

/** What the body left for the report: its outcome, transcript, and how long it ran. */
export interface BodyResult<Transcript> {
  outcome: BodyOutcome;
  transcript: Transcript[];
  durationMs: number;
}

export interface ScheduledTest<Transcript> {
  /** It runs with no other test of the task beside it. */
  alone: boolean;
  /** Runs the body. */
  run: () => Promise<BodyResult<Transcript>>;
  /** Called once, in the spec's order: a program failure noted earlier that skips this test instead. */
  decide: () => EarlierFailure | undefined;
}

export class TestScheduler<Transcript> {
  private next = 0;
  private running = 0;
  private aloneRunning = false;
  private decidedUpTo = 0;
  private readonly results: Array<BodyResult<Transcript> | undefined>;
  private readonly waiting: Array<{ resolve: (r: BodyResult<Transcript>) => void; promise: Promise<BodyResult<Transcript>> }>;
  private readonly bodies: Promise<unknown>[] = [];

  /** A look at the machine is due again (a test held back while it was busy). */
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly tests: readonly ScheduledTest<Transcript>[],
    private readonly limit: number,
    /** Whether the machine has CPU to spare for one more test beside those running. */
    private readonly room: () => boolean = () => true,
  ) {
    this.results = tests.map(() => undefined);
    this.waiting = tests.map(() => {
      let resolve: (r: BodyResult<Transcript>) => void = () => undefined;
      const promise = new Promise<BodyResult<Transcript>>((r) => {
        resolve = r;
      });
      return { resolve, promise };
    });
  }

  start(): void {
    this.pump();
  }

  /** The decided result of test `i` (its place in the list given). */
  decided(i: number): Promise<BodyResult<Transcript>> {
    return this.waiting[i].promise;
  }

  /** Every body started has ended (a test whose mocha timeout ran out may still be running). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.bodies);
  }

  private pump(): void {
    while (this.next < this.tests.length && !this.aloneRunning) {
      const test = this.tests[this.next];
      if (test.alone ? this.running > 0 : this.running >= Math.max(1, this.limit)) return;
      if (this.running > 0 && !this.room()) {
        // Looked at again when a test ends, or a little later: the machine may have calmed meanwhile.
        this.retry ??= setTimeout(() => {
          this.retry = undefined;
          this.pump();
        }, ROOM_LOOK_EVERY_MS).unref();
        return;
      }
      const i = this.next++;
      this.running++;
      this.aloneRunning = test.alone;
      const body = test.run().then(
        (result) => this.finished(i, result),
        (e: unknown) => this.finished(i, { outcome: { kind: 'failed', error: e }, transcript: [], durationMs: 0 }),
      );
      this.bodies.push(body);
    }
  }

  private finished(i: number, result: BodyResult<Transcript>): void {
    this.running--;
    this.aloneRunning = false;
    this.results[i] = result;
    // Decided in the spec's order: a test's skip depends only on the tests before it.
    for (let r = this.results[this.decidedUpTo]; r !== undefined; r = this.results[this.decidedUpTo]) {
      const j = this.decidedUpTo;
      const earlier = this.tests[j].decide();
      this.decidedUpTo++;
      this.waiting[j].resolve(earlier ? { ...r, outcome: { kind: 'skipped', reason: earlier.reason }, transcript: r.transcript.slice(0, earlier.transcriptLength) } : r);
    }
    this.pump();
  }
}
