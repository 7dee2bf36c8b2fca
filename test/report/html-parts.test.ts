// The HTML report's and dashboard's pure parts: the conversation read into lanes, the
// difference between expected and got, the status of a class row, and the match of a
// submission's failures to the nearest known bug.

import { expect } from 'chai';
import { gradingStatus, groupPoints } from '../../harness/report/class-status.js';
import { markDifference } from '../../harness/report/mark-difference.js';
import { jaccard, nearestBug } from '../../harness/report/nearest-bug.js';
import { sequenceOf } from '../../harness/report/sequence-steps.js';
import type { TaskReport, TestResult } from '../../harness/report/types.js';

function test(name: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult {
  return { name, group: 'server', status, points: status === 'passed' ? 1 : 0, maxPoints: 1, durationMs: 1, transcript: [], ...extra };
}
const report = (tests: TestResult[]): TaskReport => ({ task: 'task3b', submission: '/s', score: 0, maxScore: tests.length, durationMs: 1, tests });

describe('HTML report parts', () => {
  it('reads a conversation into lanes: grader, programs, keyboard, screen; each socket to its own peer', () => {
    const seq = sequenceOf([
      { atMs: 1, actor: 'server', event: 'started: python3 -u chat/server.py' },
      { atMs: 2, actor: 'grader', event: 'connected to the server from port 4000' },
      { atMs: 3, actor: 'grader', event: 'listening as the server on 127.0.0.1:53' },
      { atMs: 4, actor: 'client', event: 'started: python3 -u chat/client.py' },
      { atMs: 5, actor: 'grader', event: 'typed into the client: "hi\\n"' },
      { atMs: 6, actor: 'client stdout', event: 'printed "hi\\n"' },
      { atMs: 7, actor: 'grader #2', event: 'connected to the server from port 4001' },
      { atMs: 8, actor: 'grader #2', event: 'received "HELLO\\n"' },
      { atMs: 9, actor: 'grader', event: 'sent SIGINT to the client' },
    ]);
    expect(seq.lanes).to.deep.equal(['grader', 'server', 'client', 'keyboard', 'screen']);
    expect(seq.steps[4]).to.deep.include({ from: 'keyboard', to: 'client', text: 'typed "hi\\n"' });
    expect(seq.steps[5]).to.deep.include({ from: 'client', to: 'screen' });
    expect(seq.steps[7]).to.deep.include({ from: 'server', to: 'grader', text: '#2: "HELLO\\n"' });
    expect(seq.steps[8]).to.deep.include({ from: 'grader', to: 'client', control: true });
    expect(sequenceOf(new Array(50).fill({ atMs: 0, actor: 'server', event: 'x' }), 40)).to.deep.include({ earlier: 10 });
  });

  it('marks what only expected holds and what only got holds, inside quotes character by character', () => {
    const m = markDifference('"HELLO" from the server', 'only "HEL", then the server closed the connection');
    expect(m.expected).to.equal('&quot;HEL<del>LO</del>&quot; from the server');
    // The two sentences share too few words for the others to be marked.
    expect(m.got).to.equal('only &quot;HEL&quot;, then the server closed the connection');
    const tagged = markDifference('"HELLO\\n" from the server', '"<b>HELLO</b>\\n" from the server');
    expect(tagged.got).to.equal('&quot;<ins>&lt;b&gt;</ins>HELLO<ins>&lt;/b&gt;</ins>\\n&quot; from the server');
    // Nothing alike inside: the quoted text is marked whole.
    expect(markDifference('a line "* Bob joined"', 'a line "Your name: >"').got).to.equal('a line <ins>&quot;Your name: &gt;&quot;</ins>');
    expect(markDifference('the server exits', 'the server keeps running').got).to.equal('the server <ins>keeps running</ins>');
    expect(markDifference('"a"', '"a"')).to.deep.equal({ expected: '&quot;a&quot;', got: '&quot;a&quot;' });
  });

  it('says whether a submission was graded, held no program, or never started', () => {
    const noProgram = { message: 'skipped: no server program: expected task3b/server.py' };
    expect(gradingStatus(report([test('a', 'skipped', noProgram), test('b', 'skipped', noProgram)]))).to.equal('no program');
    const exited = { transcript: [{ atMs: 1, actor: 'server', event: 'exited with code 1' }] };
    expect(gradingStatus(report([test('a', 'failed', exited), test('b', 'skipped', noProgram)]))).to.equal('did not start');
    const talked = { transcript: [{ atMs: 1, actor: 'grader', event: 'sent "HELLO\\n"' }] };
    expect(gradingStatus(report([test('a', 'failed', talked)]))).to.equal('graded');
    expect(gradingStatus(report([test('a', 'passed')]))).to.equal('graded');
    expect(gradingStatus(report([test('a', 'passed')]), 'worker killed')).to.equal('grader error');
    expect(groupPoints(report([test('a', 'passed'), test('b', 'failed', { group: 'client' })]))).to.deep.equal(
      new Map([
        ['server', { points: 1, max: 1 }],
        ['client', { points: 0, max: 1 }],
      ]),
    );
  });

  it('matches failures to the most alike known bug, and to none below half alike', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).to.equal(1 / 3);
    const known = [
      { name: 'one-recv', bug: 'one recv()', failing: ['pieces'] },
      { name: 'never-closes', bug: 'never closes', failing: ['closes', 'end to end'] },
    ];
    expect(nearestBug(['pieces'], known)).to.deep.equal({ name: 'one-recv', bug: 'one recv()', likeness: 1 });
    expect(nearestBug(['closes', 'end to end', 'pieces'], known)).to.deep.include({ name: 'never-closes' });
    expect(nearestBug(['x', 'y', 'pieces'], known)).to.equal(undefined);
    expect(nearestBug([], known)).to.equal(undefined);
  });
});
