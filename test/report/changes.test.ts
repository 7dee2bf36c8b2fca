// What watch says after each run: the tests that changed between two gradings.

import { expect } from 'chai';
import { changesBetween, describeChanges } from '../../harness/report/changes.js';
import type { TaskReport, TestResult } from '../../harness/report/types.js';

function test(name: string, status: TestResult['status'], maxPoints = 1): TestResult {
  return { name, group: 'server', status, points: status === 'passed' ? maxPoints : 0, maxPoints, durationMs: 1, transcript: [] };
}

function report(task: string, tests: TestResult[]): TaskReport {
  const score = tests.reduce((n, t) => n + t.points, 0);
  return { task, submission: '/s', score, maxScore: tests.reduce((n, t) => n + t.maxPoints, 0), durationMs: 1, tests };
}

describe('changes between two gradings', () => {
  it('names the tests now passing and now failing, with the score before and after', () => {
    const prev = [report('task3b', [test('a', 'failed'), test('b', 'skipped', 2), test('c', 'passed'), test('d', 'failed')])];
    const next = [report('task3b', [test('a', 'passed'), test('b', 'passed', 2), test('c', 'failed'), test('d', 'failed')])];
    const c = changesBetween(prev, next);
    expect(c).to.deep.equal({ nowPassing: ['a', 'b'], nowFailing: ['c'], score: { before: 1, beforeMax: 5, after: 3, max: 5 } });
    expect(describeChanges(c)).to.equal('since the last run: now passing: 2 ("a", "b"); now failing: 1 ("c"); score 3/5 (was 1/5)');
  });

  it('a test that errored or was skipped after passing is no longer passing; one new to the run is no change', () => {
    const prev = [report('task3b', [test('a', 'passed'), test('b', 'passed')])];
    const next = [report('task3b', [test('a', 'error'), test('b', 'skipped'), test('new', 'passed')])];
    expect(changesBetween(prev, next).nowFailing).to.deep.equal(['a', 'b']);
    expect(changesBetween(prev, next).nowPassing).to.deep.equal([]);
  });

  it('says nothing changed, in one line, when no test did', () => {
    const same = [report('task3b', [test('a', 'passed'), test('b', 'failed')])];
    const c = changesBetween(same, same);
    expect(c.nowPassing.concat(c.nowFailing)).to.deep.equal([]);
    expect(describeChanges(c)).to.equal('since the last run: no test changed; score 1/2');
  });

  it('names the task of each test when several tasks are graded (titles repeat across tasks)', () => {
    const prev = [report('task3a', [test('the server starts', 'failed')]), report('task3b', [test('the server starts', 'passed')])];
    const next = [report('task3a', [test('the server starts', 'passed')]), report('task3b', [test('the server starts', 'passed')])];
    expect(changesBetween(prev, next).nowPassing).to.deep.equal(['task3a: the server starts']);
  });
});
