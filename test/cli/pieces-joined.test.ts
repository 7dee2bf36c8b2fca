// Issue #18: a robustness probe that sends a message in pieces passes when the pieces
// were joined, whatever the words of the answer (the page's wording is graded elsewhere).

import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

async function robustness(task: string, folder: string): Promise<TaskReport> {
  const r = await runCli('grade', [task, fixture(folder), '--format', 'json', '--groups', 'robustness']);
  return JSON.parse(r.stdout) as TaskReport;
}

function statusOf(report: TaskReport, start: string): string {
  const test = report.tests.find((t) => t.name.startsWith(start));
  if (!test) throw new Error(`no test "${start}…" in ${report.task}`);
  return `${test.status}${test.message ? `: ${test.message.split('\n').slice(0, 3).join(' | ')}` : ''}`;
}

describe('pieces joined, in any words', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('ack: a server that joins the pieces and answers "Server got your message: …" passes the pieces and long-message probes', async () => {
    const report = await robustness('ack', 'own-wording');
    expect(statusOf(report, 'the server acknowledges a message that arrives in two pieces')).to.equal('passed');
    expect(statusOf(report, 'the server acknowledges a message longer than 1024 bytes')).to.equal('passed');
  });

  it('task3c: a server that labels its uppercase reply ("From Server: …") passes every probe of its own: pieces, a split é, a long line, a reset', async () => {
    const report = await robustness('task3c', 'own-wording');
    const server = report.tests.filter((t) => t.name.startsWith('the server'));
    expect(server.map((t) => t.name)).to.have.length.of.at.least(4);
    expect(server.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.message}`)).to.deep.equal([]);
  });

  it('stock5: a server that joins the pieces and answers from its own price table passes the pieces probe', async () => {
    const report = await robustness('stock5', 'own-price-table');
    expect(statusOf(report, 'the server answers a symbol that arrives in two pieces')).to.equal('passed');
  });
});
