// Tests of a task run side by side (issue 20), by default, and every verdict stays what
// it is when they run one after another: the same submissions graded with the same seed
// both ways give each test the same status and points, and a skipped test the same reason
// (start failures, the client's framing and every other fact one test learns for later
// ones are decided in the spec's order, not by which test finished first).

import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { defaultTestsAtOnce } from '../../harness/runner/grade-task.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, mutant, root, runCli } from './run-cli.js';

const CASES: Array<{ task: string; dir: string; shows: string }> = [
  { task: 'task3b', dir: fixture('crashes'), shows: 'a server that crashes before listening: later server tests skipped, naming the first' },
  { task: 'task3b', dir: fixture('never-listens'), shows: 'a server that never listens: the start failure found at its deadline' },
  { task: 'task3b', dir: fixture('client-waits-for-keyboard'), shows: 'a client that never connects: later client tests skipped, end to end still run' },
  { task: 'task3b', dir: mutant('task3b', 'server-wrong-port'), shows: 'the server on another port: the learned port and the one test it fails' },
  { task: 'ack-v2', dir: mutant('ack-v2', 'client-no-newline'), shows: 'a client that sends no newline: its framing, seen in one client test, answers it in the later ones' },
  { task: 'task4', dir: path.join(root, 'reference'), shows: 'every test passes' },
  { task: 'stock6', dir: fixture('updater-ticks'), shows: 'a price updater on a timer, and the checks that run alone' },
];

type Verdicts = Array<{ group: string; name: string; status: string; points: number; skipped?: string }>;

interface Graded {
  verdicts: Verdicts;
  dialect: unknown;
}

/** Grades with `testsAtOnce` tests side by side, or the default when undefined. */
async function graded(task: string, dir: string, seed: string, testsAtOnce: number | undefined): Promise<Graded> {
  const atOnce = testsAtOnce === undefined ? [] : ['--tests-at-once', String(testsAtOnce)];
  const r = await runCli('grade', [task, dir, '--format', 'json', '--seed', seed, ...atOnce]);
  expect(r.exitCode, r.stderr).to.be.oneOf([0, 1]);
  const report = JSON.parse(r.stdout) as TaskReport;
  return {
    verdicts: report.tests.map((t) => ({ group: t.group, name: t.name, status: t.status, points: t.points, ...(t.status === 'skipped' ? { skipped: t.message } : {}) })),
    dialect: report.dialect,
  };
}

describe('tests side by side', function () {
  this.timeout(FEW_GRADINGS_MS);

  for (const { task, dir, shows } of CASES) {
    it(`by default give the verdicts of one after another: ${task} ${path.basename(dir)} (${shows})`, async () => {
      const seed = String(1 + Math.floor(Math.random() * 1e9));
      const serial = await graded(task, dir, seed, 1);
      const sideBySide = await graded(task, dir, seed, undefined);
      expect(serial.verdicts.length).to.be.greaterThan(0);
      expect(sideBySide.verdicts, `--seed ${seed}`).to.deep.equal(serial.verdicts);
      expect(sideBySide.dialect, `--seed ${seed}`).to.deep.equal(serial.dialect);
    });
  }

  it("run by default for the grading of one task; validate's many gradings at once keep theirs one after another", () => {
    expect(defaultTestsAtOnce()).to.equal(2 * os.availableParallelism());
    // validate and class run four gradings per core: the cores are full already.
    expect(defaultTestsAtOnce(4 * os.availableParallelism())).to.equal(1);
  });
});
