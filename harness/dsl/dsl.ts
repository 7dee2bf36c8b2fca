// How a spec is written: task → group → check, each check a protocol conversation
// with its points. Built on mocha's describe/it; the reporter reads the metadata. The
// bodies run side by side (test-scheduler.ts); each `it` reports its own, in the spec's order.

import { isSkip, isStudentFailure } from '../core/failures.js';
import { runAsTest } from '../core/running-test.js';
import { RandomStream } from '../core/seeded-random.js';
import type { TranscriptEntry } from '../core/transcript.js';
import { cpuToSpare } from '../process/cpu-to-spare.js';
import { clientPort } from './client-port.js';
import { endClientDiscovery, endServerFramingDiscovery, gradingSeed, type TestNotes, testRuns, testsAtOnce } from './grading-context.js';
import { withStream } from './random.js';
import { serverFraming } from './server-framing.js';
import { CLIENT_SIDE_GROUPS, type Group, type TaskOptions } from './task-terms.js';
import { TestContext } from './test-context.js';
import { type BodyOutcome, type BodyResult, TestScheduler } from './test-scheduler.js';

export type { Group, TaskOptions };

export interface Grading {
  task: string;
  group: Group;
  points: number;
  /** Why the test was skipped, when it was. */
  skipReason?: string;
  /** How long its body ran (it may have run beside others, long before its turn in the report). */
  durationMs?: number;
  transcript?: TranscriptEntry[];
}

export type GradedTest = Mocha.Test & { grading?: Grading };

interface Check {
  test: GradedTest;
  grading: Grading;
  alone: boolean;
  body: (t: TestContext) => Promise<void>;
}

let currentTask: { id: string; options: TaskOptions; checks: Check[] } | undefined;
let currentGroup: Group | undefined;
/** Per task: its run in this grading, set in its `before` hook. */
const runs = new Map<string, { scheduler: TestScheduler<TranscriptEntry>; scheduled: Check[] }>();

export function task(id: string, options: TaskOptions, body: () => void): void {
  describe(id, function (this: Mocha.Suite) {
    const checks: Check[] = [];
    currentTask = { id, options, checks };
    // Where the client connects is learned beside the first tests (the server's), ready for the
    // client's; a grading that runs no test of the client side (the server alone) never starts it.
    // How its server reads a message likewise, ready for the first test that sends it one.
    before(() => {
      if (clientSideRuns(this)) void clientPort(id, options);
      void serverFraming(id, options);
      // The tests' bodies start here, side by side; each `it` waits for its own, in the spec's order.
      const scheduled = checks.filter((c) => testRuns(c.test.fullTitle()));
      // Each body's notes, by its place: bodies start in the spec's order, so the tests before one have theirs.
      const notes: TestNotes[] = [];
      const scheduler = new TestScheduler(
        scheduled.map((c, i) => ({
          alone: c.alone,
          run: () =>
            runBody(
              id,
              options,
              c,
              (n) => (notes[i] = n),
              () => notes.slice(0, i),
            ),
          decide: () => notes[i]?.decide(),
        })),
        testsAtOnce(),
        cpuToSpare,
      );
      runs.set(id, { scheduler, scheduled });
      scheduler.start();
    });
    after(async () => {
      // A test whose mocha timeout ran out may still run: nothing of it outlives the task.
      await runs.get(id)?.scheduler.settled();
      runs.delete(id);
      await endClientDiscovery(id);
      await endServerFramingDiscovery(id);
    });
    body();
    currentTask = undefined;
  });
}

/** Whether some test of the task's client-side groups runs in this grading. */
function clientSideRuns(taskSuite: Mocha.Suite): boolean {
  return taskSuite.suites.filter((s) => (CLIENT_SIDE_GROUPS as readonly string[]).includes(s.title)).some((s) => s.tests.some((t) => testRuns(t.fullTitle())));
}

export function group(name: Group, body: () => void): void {
  describe(name, () => {
    currentGroup = name;
    body();
    currentGroup = undefined;
  });
}

/** One test's body, in its own scope (its programs, its stalls, its random stream). */
async function runBody(taskId: string, options: TaskOptions, c: Check, own: (notes: TestNotes) => void, earlier: () => readonly TestNotes[]): Promise<BodyResult<TranscriptEntry>> {
  const t = new TestContext(taskId, options, c.test.title, c.grading.group, earlier);
  own(t.notes);
  const started = Date.now();
  return runAsTest(async () => {
    const outcome = await withStream(new RandomStream(gradingSeed(), taskId, c.test.title), async (): Promise<BodyOutcome> => {
      try {
        await c.body(t);
        return { kind: 'passed' };
      } catch (e) {
        if (isSkip(e)) return { kind: 'skipped', reason: e.message };
        if (isStudentFailure(e)) {
          await t.settleExits();
          e.message = t.explain(e);
        }
        return { kind: 'failed', error: e };
      }
    });
    const transcript = t.transcript.entries;
    const durationMs = Date.now() - started;
    await t.dispose();
    t.notes.end();
    return { outcome, transcript, durationMs };
  });
}

function addCheck(alone: boolean, title: string, points: number, body: (t: TestContext) => Promise<void>): void {
  if (!currentTask || !currentGroup) throw new Error(`check "${title}" must be inside task() and group()`);
  const grading: Grading = { task: currentTask.id, group: currentGroup, points };
  const taskId = currentTask.id;
  const c = { grading, alone, body } as Check;
  const test: GradedTest = it(title, async function (this: Mocha.Context) {
    const run = runs.get(taskId);
    const i = run?.scheduled.indexOf(c) ?? -1;
    if (!run || i < 0) throw new Error(`check "${title}" was not scheduled`);
    const { outcome, transcript, durationMs } = await run.scheduler.decided(i);
    grading.transcript = transcript;
    grading.durationMs = durationMs;
    if (outcome.kind === 'skipped') {
      grading.skipReason = outcome.reason;
      this.skip();
    }
    if (outcome.kind === 'failed') throw outcome.error;
  });
  test.grading = grading;
  c.test = test;
  currentTask.checks.push(c);
}

/** One graded behaviour. The title is the sentence the student reads. */
export function check(title: string, points: number, body: (t: TestContext) => Promise<void>): void {
  addCheck(false, title, points, body);
}

/**
 * A check that needs the machine quiet (a slow reader, a timing, CPU use measured): it
 * runs with no other test of its task beside it.
 */
check.alone = (title: string, points: number, body: (t: TestContext) => Promise<void>): void => addCheck(true, title, points, body);
