// Code as students write it: the exercise's own port hard-coded grades like PORT read
// from the environment, in a network of each test's own; without namespaces the grader
// says so and diagnoses the hard-coded port. And a run can be replayed from its seed.

import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import type { AllReport, TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS, MANY_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

const HARD_CODED = ['task3a', 'task3b', 'task4', 'task8', 'stock2', 'message'];

function verdicts(report: AllReport): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const task of report.tasks.filter((r) => HARD_CODED.includes(r.task))) out[task.task] = task.tests.map((t) => `${t.status}: ${t.name}`);
  return out;
}

/** Whether this machine lets the grader make a user namespace of its own (as userns mode does). */
function userNamespaces(): boolean {
  try {
    execFileSync('unshare', ['--user', '--map-root-user', '--net', '--mount', 'true'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

describe('isolation', function () {
  // Two runs of every task at once, among others.
  this.timeout(MANY_GRADINGS_MS);

  const namespaces = isolation().mode !== 'none';

  it('grades programs with the exercise ports hard-coded exactly like the same programs reading PORT, all tasks at once', async function () {
    if (!namespaces) this.skip(); // the fallback is proven by the next test
    // task3a and task3b both put a server on port 53 at the same moment, stock2 and message on 5000: each test has its own network.
    const [hard, read] = await Promise.all([
      runCli('grade', ['all', fixture('hardcoded-ports'), '--format', 'json', '--seed', '11']),
      runCli('grade', ['all', fixture('reading-port'), '--format', 'json', '--seed', '11']),
    ]);
    const hardReport = JSON.parse(hard.stdout) as AllReport;
    const readReport = JSON.parse(read.stdout) as AllReport;
    expect(hardReport.isolation).to.not.equal('none');
    // Per task, so a difference names its test (a whole-report diff is elided by mocha).
    const [hardVerdicts, readVerdicts] = [verdicts(hardReport), verdicts(readReport)];
    for (const task of HARD_CODED) expect(hardVerdicts[task], `${task}, hard-coded vs reading PORT`).to.deep.equal(readVerdicts[task]);
    for (const task of HARD_CODED) {
      const report = hardReport.tasks.find((r) => r.task === task) as TaskReport;
      expect(
        report.score,
        `${task}: ${report.tests
          .filter((t) => t.status !== 'passed')
          .map((t) => t.message)
          .join('\n')}`,
      ).to.equal(report.maxScore);
    }
    expect(hard.leftovers).to.deep.equal([]);
  });

  it('in a user namespace of its own (userns mode), grades a hard-coded port like PORT and sees a stall at once', async function () {
    if (!userNamespaces()) this.skip();
    const env = { SOCKET_GRADER_ISOLATION: 'userns' };
    const hard = JSON.parse((await runCli('grade', ['task3b', fixture('hardcoded-ports'), '--format', 'json'], env)).stdout) as TaskReport;
    expect(hard.isolation).to.equal('userns');
    expect(
      hard.score,
      hard.tests
        .filter((t) => t.status !== 'passed')
        .map((t) => t.message)
        .join('\n'),
    ).to.equal(hard.maxScore);
    const stalled = JSON.parse((await runCli('grade', ['task3b', fixture('client-waits-for-keyboard'), '--format', 'json'], env)).stdout) as TaskReport;
    const connects = stalled.tests.find((t) => t.name === 'the client connects and sends HELLO');
    expect(connects?.message).to.include('the client waits in input(), and nothing is on its way');
    // Ended by the stall, not the 3 s deadline (whose words are "within 3.0 s"); how soon depends on the machine's load.
    expect(connects?.message).not.to.include('within 3.0 s');
  });
  // Without namespaces: test/cli/host-network.test.ts (on the grader's own network, run apart from the other files).
});

describe('replayable runs', function () {
  this.timeout(FEW_GRADINGS_MS);

  /** What the grader sent and typed, in order: the data of the run, without ports and times. */
  const sentData = (report: TaskReport): string[] => report.tests.flatMap((t) => t.transcript.filter((e) => /^(sent|typed into)/.test(e.event)).map((e) => `${t.name}: ${e.event}`));

  it('sends the same data twice with the same --seed, other data with another', async () => {
    const run = async (seed: string): Promise<TaskReport> => JSON.parse((await runCli('grade', ['task3c', 'reference', '--seed', seed, '--format', 'json'])).stdout) as TaskReport;
    const [a, b, c] = await Promise.all([run('7'), run('7'), run('8')]);
    expect(a.seed).to.equal(7);
    expect(sentData(a).length).to.be.greaterThan(5);
    expect(sentData(b)).to.deep.equal(sentData(a));
    expect(sentData(c)).to.not.deep.equal(sentData(a));
  });
});
