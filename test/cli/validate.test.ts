// validate's instructor options: --repeat grades everything N times and names flaky
// tests; --matrix shows which test kills which mutant, as Markdown and in the JSON, and
// what each mutant loses by group (a cross-group loss needs a reason).

import { expect } from 'chai';
import { loadFixtures } from '../../harness/runner/fixtures.js';
import { MANY_GRADINGS_MS } from '../limits.js';
import { runCli } from './run-cli.js';

interface Validation {
  tasks: Array<{
    task: string;
    flaky?: unknown[];
    reference: { passed: number; failed: number };
    mutants: Array<{ name: string; killed: boolean; notJudged?: boolean }>;
    matrix?: { mutants: string[]; tests: Array<{ name: string; kills: string[] }> };
    charges?: Array<{ mutant: string; groups: string[]; crossGroups?: string; unexplained: boolean }>;
  }>;
  failed: number;
}

describe('validate --repeat --matrix', function () {
  // Every task3b mutant and solution, twice.
  this.timeout(MANY_GRADINGS_MS);

  it('grades task3b twice, finds no flaky test, and gives the kill matrix in JSON', async () => {
    const r = await runCli('validate', ['task3b', '--repeat', '2', '--matrix', '--format', 'json']);
    expect(r.exitCode, r.stdout).to.equal(0);
    const v = JSON.parse(r.stdout) as Validation;
    const [task] = v.tasks;
    expect(task.flaky).to.deep.equal([]);
    const mutants = loadFixtures('task3b').mutants;
    expect(task.matrix?.mutants).to.deep.equal(mutants.map((m) => m.name));
    // Every mutant is killed by a test whose title names its bug, and the matrix shows it.
    for (const m of mutants) {
      const killers = task.matrix?.tests.filter((t) => t.kills.includes(m.name)).map((t) => t.name) ?? [];
      expect(
        killers.some((title) => m.killedBy.some((k) => title.includes(k))),
        m.name,
      ).to.equal(true);
    }
    for (const t of task.matrix?.tests ?? []) expect(t.kills, t.name).to.not.be.empty;
    // One bug, one charge: every mutant's losses by group, and none across groups without a reason.
    expect(task.charges?.map((c) => c.mutant)).to.deep.equal(mutants.map((m) => m.name));
    for (const c of task.charges ?? []) expect(c.unexplained, `${c.mutant} loses ${c.groups.join(', ')}`).to.equal(false);
  });

  it('draws the matrix as a Markdown table: a row per test, ✗ where it fails the mutant', async () => {
    const { matrixMarkdown } = await import('../../harness/report/kill-matrix.js');
    const md = matrixMarkdown('task3a', {
      mutants: ['no-newline', 'a|b'],
      tests: [
        { name: 'the server prints HELLO', kills: ['a|b'] },
        { name: 'the client exits', kills: [] },
      ],
    });
    expect(md.split('\n')).to.deep.equal([
      '### task3a: which test kills which mutant',
      '',
      '| test | no-newline | a\\|b |',
      '|---|:-:|:-:|',
      '| the server prints HELLO |  | ✗ |',
      '| the client exits |  |  |',
    ]);
  });

  it('--groups robustness grades that group only: mutants whose bug other groups name are left unjudged, not failed', async () => {
    const r = await runCli('validate', ['task3b', '--groups', 'robustness', '--repeat', '2', '--full', '--format', 'json']);
    expect(r.exitCode, r.stdout).to.equal(0);
    const [task] = (JSON.parse(r.stdout) as Validation).tasks;
    expect(task.flaky).to.deep.equal([]);
    const full = await runCli('validate', ['task3b', '--format', 'json']);
    const [all] = (JSON.parse(full.stdout) as Validation).tasks;
    // Fewer tests than the whole spec, all of them passed by the reference.
    expect(task.reference.failed).to.equal(0);
    expect(task.reference.passed).to.be.above(0).and.below(all.reference.passed);
    // echo-one-recv's bug is named by a robustness test (pieces); server-wrong-port's only by server tests.
    const byName = new Map(task.mutants.map((m) => [m.name, m]));
    expect(byName.get('echo-one-recv')).to.include({ killed: true });
    expect(byName.get('echo-one-recv')?.notJudged).to.equal(undefined);
    expect(byName.get('server-wrong-port')).to.include({ killed: false, notJudged: true });
  });

  it('rejects --repeat 0, exit 2', async () => {
    const r = await runCli('validate', ['task3b', '--repeat', '0']);
    expect(r.exitCode).to.equal(2);
    expect(r.stderr).to.include('--repeat must be a whole number');
  });
});
