// One bug, one charge: validate --matrix lists a mutant that loses tests of several groups
// and fails it unless its mutant.json says why the bug breaks them all.

import { expect } from 'chai';
import type { TaskReport, TestResult, TestStatus } from '../../harness/report/types.js';
import { chargeLines, mutantCharges } from '../../harness/runner/mutant-charges.js';

function test(name: string, group: string, status: TestStatus, advisory = false): TestResult {
  return { name, group, status, points: status === 'passed' ? 1 : 0, maxPoints: 1, durationMs: 1, transcript: [], ...(advisory ? { advisory } : {}) };
}

function report(tests: TestResult[]): TaskReport {
  return { task: 'chat', submission: 'x', score: 0, maxScore: tests.length, durationMs: 1, tests };
}

describe('mutant charges (validate --matrix)', () => {
  it('groups what a mutant lost; failed tests count, passed, skipped (a program the mutant does not hold), grader errors and advisory tests do not', () => {
    const c = mutantCharges(
      'one-recv',
      report([
        test('room keeps working', 'server', 'failed'),
        test('joins', 'server', 'passed'),
        test('pieces', 'robustness', 'failed'),
        test('two in one', 'robustness', 'failed'),
        test('no client here', 'client', 'skipped'),
        test('ours', 'end-to-end', 'error'),
        test('advice', 'client', 'failed', true),
      ]),
    );
    expect(c.lost).to.deep.equal({ server: ['room keeps working'], robustness: ['pieces', 'two in one'] });
    expect(c.groups).to.deep.equal(['server', 'robustness']);
    expect(c.unexplained).to.equal(true);
    expect(c.severalInOneGroup).to.deep.equal(['robustness']);
  });

  it('fails a cross-group mutant without a reason, passes one with it, and notes a stale reason', () => {
    const cross = report([test('starts', 'server', 'failed'), test('chat', 'end-to-end', 'failed')]);
    const one = report([test('starts', 'server', 'failed'), test('chat', 'end-to-end', 'passed')]);
    const lines = chargeLines('chat', [
      mutantCharges('no-reason', cross),
      mutantCharges('never-starts', cross, 'a server that never starts fails everything'),
      mutantCharges('blank-reason', cross, '  '),
      mutantCharges('stale', one, 'it used to break both'),
      mutantCharges('plain', one),
    ]);
    expect(lines.map((l) => l.kind)).to.deep.equal(['bad', 'good', 'bad', 'note']);
    expect(lines[0].text).to.include('no-reason').and.include('server: "starts"; end-to-end: "chat"');
    expect(lines[1].text).to.include('a server that never starts fails everything');
    expect(lines[3].text).to.include('stale').and.include('one group (server)');
  });

  it('notes a single-group mutant that loses several tests of its group (maybe one bug charged twice)', () => {
    const lines = chargeLines('task3b', [
      mutantCharges('server-replies-other-text', report([test('answers HELLO with HELLO', 'server', 'failed'), test('closes the connection after answering', 'server', 'failed')])),
    ]);
    expect(lines).to.have.length(1);
    expect(lines[0].kind).to.equal('note');
    expect(lines[0].text).to.include('loses 2 tests of server');
  });
});
