// Issue #18: a hint that names a cause is chosen by what the grader saw. Student-style
// programs that the old hints blamed for something they did not do.

import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, mutant, runCli } from './run-cli.js';

async function grade(task: string, folder: string, groups = 'end-to-end'): Promise<TaskReport> {
  const r = await runCli('grade', [task, folder, '--format', 'json', '--groups', groups]);
  return JSON.parse(r.stdout) as TaskReport;
}

function testNamed(report: TaskReport, start: string): TaskReport['tests'][number] {
  const test = report.tests.find((t) => t.name.startsWith(start));
  if (!test) throw new Error(`no test "${start}…" in ${report.task}`);
  return test;
}

const BESIDE_SILENT = 'while another client sits connected and silent';

describe('hints from evidence', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('task7: a threaded server whose client reads once is told about the saved file, not about a server busy with the silent client', async () => {
    const test = testNamed(await grade('task7', fixture('client-reads-once')), BESIDE_SILENT);
    expect(test.status).to.equal('failed');
    expect(test.message).to.include('it stops after byte 1024');
    expect(test.message).not.to.match(/busy|silent|thread/);
  });

  it('task7 and stock5: a sequential server is told it is busy with the silent client, since it never accepted the client', async () => {
    for (const task of ['task7', 'stock5']) {
      const test = testNamed(await grade(task, mutant(task, 'sequential-server')), BESIDE_SILENT);
      expect(test.status, task).to.equal('failed');
      expect(test.message, task).to.include("your server has not accept()ed your client's connection: it is still busy with the silent client");
    }
  });

  it('guess: two clients at once blame a server busy with the other player only when the socket table shows it', async () => {
    const two = 'two of your clients playing at the same time';
    const sequential = testNamed(await grade('guess', mutant('guess', 'server-sequential')), two);
    expect(sequential.status).to.equal('failed');
    expect(sequential.message).to.include("your server has not accept()ed your client's connection: it is still busy with the other player");
    // A client that quits after one guess: its server has read everything, so no busy server is blamed.
    const oneGuess = testNamed(await grade('guess', mutant('guess', 'client-one-guess')), two);
    expect(oneGuess.status).to.equal('failed');
    expect(oneGuess.message).not.to.match(/busy|thread/);
  });

  it('task4: a server whose client leaves without sending BYE is not told to end on a BYE it never got', async () => {
    const test = testNamed(await grade('task4', fixture('client-leaves-without-bye')), 'BYE typed at the client');
    expect(test.status).to.equal('failed');
    expect(test.message).to.include('your server never printed a BYE');
    expect(test.message).not.to.include('when the message received is BYE');
  });
});
