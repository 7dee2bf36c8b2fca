// Issue #18: a program that read what it was sent, printed it and exited is judged on
// that, never as "stuck before accept()/recv()": an orderly close proves it read.

import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

async function grade(task: string, groups: string): Promise<TaskReport> {
  const r = await runCli('grade', [task, fixture('serves-one-client'), '--format', 'json', '--groups', groups]);
  return JSON.parse(r.stdout) as TaskReport;
}

function testNamed(report: TaskReport, start: string): TaskReport['tests'][number] {
  const test = report.tests.find((t) => t.name.startsWith(start));
  if (!test) throw new Error(`no test "${start}…" in ${report.task}`);
  return test;
}

describe('a program that read, printed and exited', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('task3a: a server that serves one client and exits survives an abrupt disconnect, and its one recv() is named for the pieces', async () => {
    const report = await grade('task3a', 'robustness');
    const abrupt = testNamed(report, 'the server survives a client that disconnects abruptly');
    expect(abrupt.status, abrupt.message).to.equal('passed');
    const pieces = testNamed(report, 'the server prints the whole HELLO when it arrives in pieces');
    expect(pieces.status).to.equal('failed');
    expect(pieces.message).to.include('it printed "The server is ready to receive\\nReceived: HE", then exited with code 0');
    for (const test of report.tests) expect(test.message ?? '').not.to.match(/had not read|stuck before/);
  });

  it('task3b: a client that printed the first piece and exited is told so, not that it had not read it', async () => {
    const report = await grade('task3b', 'robustness');
    const pieces = testNamed(report, 'the client prints the whole reply when it arrives in pieces');
    expect(pieces.status).to.equal('failed');
    expect(pieces.message).to.match(/it printed "From server: HELLO \w+", then exited with code 0/);
    expect(pieces.message).not.to.match(/had not read|stuck before/);
  });
});
