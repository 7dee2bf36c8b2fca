// A wait ends as soon as every program of the test waits for the grader with nothing on
// its way (a stall), and never because a program waits for a timer it set itself.

import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, mutant, runCli } from './run-cli.js';

/** The deadline of a wait for a connection (unscaled). */
const DEADLINE_MS = 3000;

// Stalls are decided only where each test has a network of its own.
const namespaces = isolation().mode !== 'none';

async function grade(name: string, env: Record<string, string> = {}, task = 'task3b', args: string[] = [], dir = fixture(name)): Promise<TaskReport> {
  const r = await runCli('grade', [task, dir, '--format', 'json', ...args], env);
  return JSON.parse(r.stdout) as TaskReport;
}

const UNKNOWN_SYMBOL = 'the server answers an unknown symbol';

/** The test of a stock6 server that never answers an unknown symbol (both updater fixtures' bug). */
async function unknownSymbolTest(name: string, env: Record<string, string> = {}): Promise<TaskReport['tests'][number] | undefined> {
  const report = await grade(name, env, 'stock6', ['--groups', 'server']);
  return report.tests.find((t) => t.name.startsWith(UNKNOWN_SYMBOL));
}

describe('stalls', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('fails a client waiting in input() for what the task never types as soon as it stalls, and says so', async function () {
    if (!namespaces) this.skip();
    const report = await grade('client-waits-for-keyboard');
    const connects = report.tests.find((t) => t.name === 'the client connects and sends HELLO');
    expect(connects?.status).to.equal('failed');
    expect(connects?.message).to.match(/no connection: the client waits in input\(\), and nothing is on its way \(it would wait forever\)/);
    // Ended by the stall, not by the deadline: the stall's words, never "within 3.0 s" (how much sooner depends on the machine's load).
    expect(connects?.message).not.to.include('within 3.0 s');
    const together = report.tests.find((t) => t.group === 'end-to-end' && t.status === 'failed');
    expect(together?.message).to.include('the client waits in input()');
    expect(together?.message).not.to.include('within 3.0 s');
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

  it("ends the wait for an answer that never comes while the server's price updater sleeps 600 s: its timer is past every deadline", async function () {
    if (!namespaces) this.skip();
    const test = await unknownSymbolTest('updater-sleeps');
    expect(test?.status).to.equal('failed');
    expect(test?.message).to.match(
      /nothing: the server waits in accept\(\) and recv\(\); its other thread sleeps in sleep\(\) for \d+ s more, and nothing is on its way \(nothing would happen before the deadline\)/,
    );
    expect(test?.message, 'ended by the stall, not by the 3 s deadline').not.to.include('within 3.0 s');
  });

  it("ends a wait of 3 s at once when the updater sleeps 10 s holding the lock the answer needs: its timer is past that wait's deadline, though not past every deadline", async function () {
    if (!namespaces) this.skip();
    const atOnce = 'the server answers at once while its price updater waits';
    const find = (r: TaskReport): TaskReport['tests'][number] | undefined => r.tests.find((t) => t.name.startsWith(atOnce));
    const held = mutant('stock6', 'lock-held-while-sleeping');
    const test = find(await grade('', {}, 'stock6', ['--test', atOnce], held));
    expect(test?.status).to.equal('failed');
    expect(test?.message).to.match(/its other thread sleeps in sleep\(\) for \d+ s more, and nothing is on its way \(nothing would happen before the deadline\)/);
    expect(test?.message, 'ended by the stall, not by the 3 s deadline').not.to.include('within 3.0 s');
    const atDeadline = find(await grade('', { SOCKET_GRADER_STALLS: 'off' }, 'stock6', ['--test', atOnce], held));
    expect(atDeadline?.status).to.equal('failed');
    expect(atDeadline?.message).to.include('nothing within 3.0 s');
  });

  it('ends it too while the updater wakes ten times a second doing nothing anyone can see, to the verdict the deadline gives', async function () {
    if (!namespaces) this.skip();
    const test = await unknownSymbolTest('updater-ticks');
    expect(test?.status).to.equal('failed');
    expect(test?.message).to.match(
      /nothing: the server waits in accept\(\) and recv\(\); its other thread only wakes from sleep\(\) now and then, and sends, prints and writes nothing, and nothing is on its way/,
    );
    expect(test?.message, 'ended by the stall, not by the 3 s deadline').not.to.include('within 3.0 s');
    const atDeadline = await unknownSymbolTest('updater-ticks', { SOCKET_GRADER_STALLS: 'off' });
    expect(atDeadline?.status).to.equal('failed');
    expect(atDeadline?.message).to.include('nothing within 3.0 s');
  });

  it('waits for a timer that leads to output: a reply sent after one quiet sleep of 1.1 s and three printed ticks gets full points', async () => {
    for (let run = 0; run < 2; run++) {
      const report = await grade('timer-leads-to-output');
      const missed = report.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.message ?? ''}`);
      expect(missed, `run ${run + 1}`).to.deep.equal([]);
    }
  });

  it('never takes a program waiting on its own timer for a stall: a slow pair (sleep, select and recv with timeouts) gets full points', async () => {
    for (let run = 0; run < 3; run++) {
      const report = await grade('waits-with-timers');
      const missed = report.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.message ?? ''}`);
      expect(missed, `run ${run + 1}`).to.deep.equal([]);
    }
  });
});
