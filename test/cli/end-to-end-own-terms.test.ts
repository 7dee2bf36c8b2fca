// Issue #18: end to end judges only what a person sees, on the submission's own terms:
// its own price table, its own words for "not found", its own turn order, a symbol asked
// with input() and a file name hard-coded in the client.

import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

async function endToEnd(task: string, folder: string): Promise<TaskReport['tests']> {
  const r = await runCli('grade', [task, fixture(folder), '--format', 'json', '--groups', 'end-to-end']);
  const report = JSON.parse(r.stdout) as TaskReport;
  expect(report.tests.length, `end-to-end tests of ${task}`).to.be.greaterThan(0);
  return report.tests;
}

/** Tests not passed, with the first lines of why. */
function notPassed(tests: TaskReport['tests']): string[] {
  return tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${(t.message ?? '').split('\n').slice(0, 3).join(' | ')}`);
}

describe('end-to-end on the submission’s own terms', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('stock1 and stock5: a pair with its own price table ("AAPL: 150.0") passes end-to-end in full', async () => {
    expect(notPassed(await endToEnd('stock1', 'own-price-table'))).to.deep.equal([]);
    expect(notPassed(await endToEnd('stock5', 'own-price-table'))).to.deep.equal([]);
  });

  it('filetransfer: "File can\'t be found at the server side" and exit code 1 tell the person the file was not found', async () => {
    const tests = await endToEnd('filetransfer', 'own-wording');
    const missing = tests.find((t) => t.name.startsWith('asking your server for a missing file'));
    expect(missing?.status, missing?.message).to.equal('passed');
  });

  it('stock1: a client that asks its symbol with input() after connecting passes end-to-end in full, graded on the price it prints', async () => {
    expect(notPassed(await endToEnd('stock1', 'stock-input-symbol'))).to.deep.equal([]);
  });

  it('filetransfer: a client with its file name hard-coded passes end-to-end in full, graded on the file it saves', async () => {
    const tests = await endToEnd('filetransfer', 'file-hardcoded-name');
    expect(notPassed(tests)).to.deep.equal([]);
    const download = tests.find((t) => t.name.startsWith('your client gets'));
    expect(download?.transcript.map((e) => e.event).join('\n')).to.include('your client asks for "notes.txt"');
  });

  it('task4: a chat whose server speaks first passes end-to-end in full', async () => {
    expect(notPassed(await endToEnd('task4', 'server-speaks-first'))).to.deep.equal([]);
  });
});
