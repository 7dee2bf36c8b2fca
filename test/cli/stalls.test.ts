// A wait ends as soon as every program of the test waits for the grader with nothing on
// its way (a stall), and never because a program waits for a timer it set itself.

import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { fixture, runCli } from './run-cli.js';
import { FEW_GRADINGS_MS } from '../limits.js';

/** The deadline of a wait for a connection (unscaled). */
const DEADLINE_MS = 3000;

// Stalls are decided only where each test has a network of its own.
const namespaces = isolation().mode !== 'none';

async function grade(name: string, env: Record<string, string> = {}): Promise<TaskReport> {
  const r = await runCli('grade', ['task3b', fixture(name), '--format', 'json'], env);
  return JSON.parse(r.stdout) as TaskReport;
}

describe('stalls', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('fails a client waiting in input() for what the task never types as soon as it stalls, and says so', async function () {
    if (!namespaces) this.skip();
    const report = await grade('client-waits-for-keyboard');
    const connects = report.tests.find((t) => t.name === 'the client connects and sends HELLO');
    expect(connects?.status).to.equal('failed');
    expect(connects?.message).to.match(/no connection: the client waits in input\(\), and nothing is on its way \(it would wait forever\)/);
    // Ended by the stall, not by the 3 s deadline (the message says so too; how much sooner depends on the machine's load).
    expect(connects?.durationMs).to.be.lessThan(DEADLINE_MS);
    const together = report.tests.find((t) => t.group === 'end-to-end' && t.status === 'failed');
    expect(together?.message).to.include('the client waits in input()');
    expect(together?.durationMs).to.be.lessThan(DEADLINE_MS);
    // The server is graded on its own merits.
    expect(report.tests.filter((t) => t.group === 'server').every((t) => t.status === 'passed')).to.equal(true);
  });

  it('waits the whole deadline with SOCKET_GRADER_STALLS=off, to the same verdicts', async function () {
    if (!namespaces) this.skip();
    const report = await grade('client-waits-for-keyboard', { SOCKET_GRADER_STALLS: 'off' });
    const connects = report.tests.find((t) => t.name === 'the client connects and sends HELLO');
    expect(connects?.status).to.equal('failed');
    expect(connects?.message).to.include('no connection within 3.0 s');
    expect(connects?.durationMs).to.be.at.least(DEADLINE_MS);
  });

  it('never takes a program waiting on its own timer for a stall: a slow pair (sleep, select and recv with timeouts) gets full points', async () => {
    for (let run = 0; run < 3; run++) {
      const report = await grade('waits-with-timers');
      const missed = report.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.message ?? ''}`);
      expect(missed, `run ${run + 1}`).to.deep.equal([]);
    }
  });
});
