// The stall rule and the /proc reading under it, over real python processes: one asleep
// in recv() (or input()), one busy in a loop. A wait ends early only for the first.

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect } from 'chai';
import { Inbox, type WaitOutcome } from '../../harness/core/inbox.js';
import { provideStalls } from '../../harness/core/stall-signal.js';
import { pollUntil, settlesWithin, UNSCALED } from '../../harness/core/time.js';
import { registerLive, unregisterLive } from '../../harness/process/live-programs.js';
import { allThreadsAsleep, cpuTicks, isAlive, killTree, markedProcesses, processTree, RUN_MARKER_VARIABLE } from '../../harness/process/process-tree.js';
import { provenQuietNow, watchForStalls } from '../../harness/process/stall.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { graderPython } from '../../harness/sandbox/python.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

const ASLEEP_IN_RECV = 'import socket\na, b = socket.socketpair()\nprint("ready", flush=True)\na.recv(1)';
const ASLEEP_IN_RECV_BESIDE_UDP = 'import socket\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nu.bind(("127.0.0.1", 0))\na, b = socket.socketpair()\nprint("ready", flush=True)\na.recv(1)';
const ASLEEP_IN_INPUT = 'print("ready", flush=True)\ninput()';
const BUSY = 'print("ready", flush=True)\nwhile True: pass';
const FORKS_A_CHILD = 'import os, signal\nif os.fork() == 0:\n    signal.pause()\nprint("ready", flush=True)\nsignal.pause()';

const started = new Set<ChildProcess>();

/**
 * Python running `code`, once it has printed "ready". With `ownNetwork`, in a network
 * namespace of its own, as in a grading: the stall rule reads the sockets of the
 * program's network, which on the host change with every other test running.
 */
async function python(code: string, opts: { ownNetwork?: boolean; env?: Record<string, string> } = {}): Promise<ChildProcess & { pid: number }> {
  const net = process.getuid?.() === 0 ? ['--net'] : ['--user', '--map-root-user', '--net'];
  const [command, args] = opts.ownNetwork ? ['unshare', [...net, graderPython(), '-c', code]] : [graderPython(), ['-c', code]];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env } });
  started.add(child);
  const ready = once(child.stdout, 'data').then(() => true);
  expect(await settlesWithin(ready, PROGRAM_WAIT_MS), `python printed "ready" (${code.split('\n').at(-1)})`).to.equal(true);
  expect(child.pid, 'a started process').to.be.a('number');
  return child as ChildProcess & { pid: number };
}

/** Its state each look for `looks` looks, one turn of the event loop apart: never true for a busy program. */
async function everAsleep(pid: number, looks: number): Promise<boolean> {
  for (let i = 0; i < looks; i++) {
    if (allThreadsAsleep(pid)) return true;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}

/** Kills what a test started and waits until it is gone. */
async function killStarted(): Promise<void> {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  started.clear();
}

describe('the process tree, read from /proc', function () {
  this.timeout(4 * PROGRAM_WAIT_MS);
  afterEach(killStarted);

  it('a program asleep in recv() has all its threads asleep; a busy one never, and its CPU time rises', async () => {
    const asleep = await python(ASLEEP_IN_RECV);
    expect(await pollUntil(() => allThreadsAsleep(asleep.pid) || undefined, PROGRAM_WAIT_MS), 'the recv() sleeper seen asleep').to.equal(true);
    const busy = await python(BUSY);
    expect(await everAsleep(busy.pid, 50), 'the busy loop seen asleep').to.equal(false);
    const before = cpuTicks(busy.pid) ?? 0;
    expect(await pollUntil(() => ((cpuTicks(busy.pid) ?? 0) > before ? true : undefined), PROGRAM_WAIT_MS), 'the busy loop using CPU').to.equal(true);
  });

  it('lists a program with the child it forked, and kills them both', async () => {
    const parent = await python(FORKS_A_CHILD);
    const tree = await pollUntil(() => {
      const t = processTree(parent.pid);
      return t.length === 2 ? t : undefined;
    }, PROGRAM_WAIT_MS);
    expect(tree?.[0], 'the parent first').to.equal(parent.pid);
    const killed = killTree(parent.pid);
    expect(killed).to.have.members(tree ?? []);
    await once(parent, 'exit');
    expect(await pollUntil(() => (tree?.every((pid) => !isAlive(pid)) ? true : undefined), PROGRAM_WAIT_MS), 'both gone').to.equal(true);
  });

  it('finds processes by their whole marker, or every marker that begins with a prefix', async () => {
    const run = `test${process.pid}`;
    const one = await python(ASLEEP_IN_RECV, { env: { [RUN_MARKER_VARIABLE]: `${run}-1` } });
    const ten = await python(ASLEEP_IN_RECV, { env: { [RUN_MARKER_VARIABLE]: `${run}-10` } });
    expect(markedProcesses(`${run}-1`)).to.deep.equal([one.pid]);
    expect(markedProcesses(`${run}-`, undefined, { prefix: true })).to.have.members([one.pid, ten.pid]);
    killTree(undefined, `${run}-10`);
    await once(ten, 'exit');
    expect(markedProcesses(`${run}-`, undefined, { prefix: true })).to.deep.equal([one.pid]);
  });
});

describe('the stall rule', function () {
  this.timeout(4 * PROGRAM_WAIT_MS);
  const namespaces = isolation().mode !== 'none';
  const marker = `stall-test-${process.pid}`;

  // Graders watch for stalls only where each test has a network of its own (grade-worker.ts).
  before(() => watchForStalls(UNSCALED));
  after(() => provideStalls(undefined));
  afterEach(async () => {
    unregisterLive(marker);
    await killStarted();
  });

  /** How a wait for output that never comes ends, with `program` the test's only program. */
  async function waitOn(program: ChildProcess & { pid: number }, actor: string, withinMs: number): Promise<WaitOutcome<never>> {
    registerLive(marker, { pid: program.pid, actor, uid: undefined });
    const inbox = new Inbox(1024);
    return inbox.waitFor<never>(() => undefined, withinMs);
  }

  it('ends a wait early when the only program sleeps in recv(), saying so', async function () {
    if (!namespaces) this.skip();
    const outcome = await waitOn(await python(ASLEEP_IN_RECV, { ownNetwork: true }), 'server', PROGRAM_WAIT_MS);
    expect(outcome).to.deep.equal({ kind: 'stalled', why: 'the server waits in recv()' });
  });

  it('proves a program quiet by one look when nothing can be on its way to it, never beside a UDP socket', async function () {
    if (!namespaces) this.skip();
    const sleeper = await python(ASLEEP_IN_RECV, { ownNetwork: true });
    registerLive(marker, { pid: sleeper.pid, actor: 'server', uid: undefined });
    expect(await pollUntil(() => provenQuietNow() || undefined, PROGRAM_WAIT_MS), 'asleep in recv(), no socket of the network busy').to.equal(true);
    unregisterLive(marker);
    // A datagram on its way shows in no queue of its sender: only time tells there is none.
    const beside = await python(ASLEEP_IN_RECV_BESIDE_UDP, { ownNetwork: true });
    registerLive(marker, { pid: beside.pid, actor: 'server', uid: undefined });
    expect(await pollUntil(() => (provenQuietNow() === undefined ? undefined : true), PROGRAM_WAIT_MS), 'seen waiting').to.equal(true);
    expect(provenQuietNow(), 'a UDP socket in its network').to.equal(false);
  });

  it('ends a wait early when the only program waits for the keyboard, saying so', async function () {
    if (!namespaces) this.skip();
    const outcome = await waitOn(await python(ASLEEP_IN_INPUT, { ownNetwork: true }), 'client', PROGRAM_WAIT_MS);
    expect(outcome).to.deep.equal({ kind: 'stalled', why: 'the client waits in input()' });
  });

  it('lets a wait on a busy program run to its deadline', async function () {
    if (!namespaces) this.skip();
    // Several times the stall's own quiet spell: a stall, if the rule saw one, would end it first.
    const outcome = await waitOn(await python(BUSY, { ownNetwork: true }), 'server', 3000);
    expect(outcome).to.deep.equal({ kind: 'timeout' });
  });
});
