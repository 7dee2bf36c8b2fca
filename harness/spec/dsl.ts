// How a spec is written: task → group → check, each check a protocol conversation
// with its points. Built on mocha's describe/it; the reporter reads the metadata.

import { isSkip, isStudentFailure } from '../core/failures.js';
import { RandomStream } from '../core/seeded-random.js';
import type { TranscriptEntry } from '../core/transcript.js';
import { clientPort } from './client-port.js';
import { endClientDiscovery, endServerFramingDiscovery, gradingSeed, testRuns } from './grading-context.js';
import { useStream } from './random.js';
import { serverFraming } from './server-framing.js';
import { CLIENT_SIDE_GROUPS, type Group, type TaskOptions } from './task-terms.js';
import { TestContext } from './test-context.js';

export type { Group, TaskOptions };

export interface Grading {
  task: string;
  group: Group;
  points: number;
  /** Why the test was skipped, when it was. */
  skipReason?: string;
  transcript?: TranscriptEntry[];
}

export type GradedTest = Mocha.Test & { grading?: Grading };

let currentTask: { id: string; options: TaskOptions } | undefined;
let currentGroup: Group | undefined;

export function task(id: string, options: TaskOptions, body: () => void): void {
  describe(id, function (this: Mocha.Suite) {
    currentTask = { id, options };
    // Where the client connects is learned beside the first tests (the server's), ready for the
    // client's; a grading that runs no test of the client side (the server alone) never starts it.
    // How its server reads a message likewise, ready for the first test that sends it one.
    before(() => {
      if (clientSideRuns(this)) void clientPort(id, options);
      void serverFraming(id, options);
    });
    after(async () => {
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

/** One graded behaviour. The title is the sentence the student reads. */
export function check(title: string, points: number, body: (t: TestContext) => Promise<void>): void {
  if (!currentTask || !currentGroup) throw new Error(`check "${title}" must be inside task() and group()`);
  const grading: Grading = { task: currentTask.id, group: currentGroup, points };
  const options = currentTask.options;
  const test: GradedTest = it(title, async function (this: Mocha.Context) {
    const t = new TestContext(grading.task, options, title, grading.group);
    useStream(new RandomStream(gradingSeed(), grading.task, title));
    try {
      await body(t);
    } catch (e) {
      if (isSkip(e)) {
        grading.skipReason = e.message;
        this.skip();
      }
      if (isStudentFailure(e)) {
        await t.settleExits();
        e.message = t.explain(e);
      }
      throw e;
    } finally {
      grading.transcript = t.transcript.entries;
      useStream(undefined);
      await t.dispose();
    }
  });
  test.grading = grading;
}
