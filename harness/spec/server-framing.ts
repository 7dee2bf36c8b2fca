// How the submission's server reads a message, learned from the server itself, once per
// grading (never from its client: a server that follows the page is never fed a buggy
// client's framing). Beside the first tests, in a network of its own, its server is sent
// the page's first message without the newline: a server that acts on it (answers,
// closes, prints) reads messages as one recv() gives them ('bare'); one that reads it and
// then blocks with nothing left to do waits for the newline ('line'). Events and /proc
// decide, never a timer: a server that does neither within the deadline keeps the page's.
// The page's newline is then graded in one test (page-newline.ts), by the same look.

import { quote } from '../core/quote.js';
import { DEFAULT_WITHIN_MS, pollPause, STARTUP_WITHIN_MS, scaled } from '../core/time.js';
import { Transcript } from '../core/transcript.js';
import { Connection } from '../net/connection.js';
import { RunningProgram } from '../process/program.js';
import { boundSockets, studentSideOf } from '../process/sockets.js';
import { waitsWithoutDeadline } from '../process/stall.js';
import { studentEnv } from '../process/student-env.js';
import { WaitsForever } from '../process/waits-forever.js';
import { isolation } from '../sandbox/isolation.js';
import { openTestNetwork } from '../sandbox/test-network.js';
import { fillLaunchValues } from '../submission/launch-values.js';
import { locateProgram } from '../submission/locate-program.js';
import { serverFramingOf, submissionDir } from './grading-context.js';
import { sandboxView } from './sandbox-view.js';
import type { Framing, FramingProbe, TaskOptions } from './task-terms.js';

/** How long nothing may change (threads blocked with no deadline, queues, output) before the server is taken to wait. */
const QUIET_MS = scaled(300);
/** And over at least this many looks. */
const MIN_LOOKS = 6;
const LOOK_EVERY_MS = 25;

export interface Observed {
  /** undefined: it could not be told (it never read the message, or never settled). */
  framing: Framing | undefined;
  /** What the server did with the message without its newline, in words for a student. */
  what: string;
}

type Settled = 'quiet' | 'unread' | { acted: string } | undefined;

/** Bytes a program has written to stdout and stderr so far. */
function printed(program: RunningProgram): { out: number; err: number } {
  return { out: program.stdout.all().length, err: program.stderr.all().length };
}

/**
 * Waits until `acted` says the server did something, or until its side of `conn` and its
 * threads stay unchanged (every thread blocked with no deadline) for QUIET_MS: 'quiet' when
 * it has accepted and read everything, 'unread' when not; undefined at `end`.
 */
async function settle(conn: Connection, program: RunningProgram, acted: () => string | undefined, end: number, stop?: AbortSignal): Promise<Settled> {
  let same: string | undefined;
  let since = Date.now();
  let looks = 0;
  while (Date.now() < end && !stop?.aborted) {
    const did = acted();
    if (did !== undefined) return { acted: did };
    const side = studentSideOf(conn.remotePort, conn.localPort, conn.netPid);
    const waits = program.running ? waitsWithoutDeadline(program.pid) : undefined;
    const out = printed(program);
    const now = side && waits !== undefined ? `${waits}|${side.accepted}|${side.unreadBytes}|${side.unsentBytes}|${conn.inbox.all().length}|${out.out}/${out.err}` : undefined;
    if (now === undefined || now !== same) {
      same = now;
      since = Date.now();
      looks = now === undefined ? 0 : 1;
    } else if (++looks >= MIN_LOOKS && Date.now() - since >= QUIET_MS && side) {
      return side.accepted && side.unreadBytes === 0 ? 'quiet' : 'unread';
    }
    await pollPause(LOOK_EVERY_MS);
  }
  return undefined;
}

/**
 * On a fresh connection to a running server: waits until it has settled (greeted, if it
 * greets), sends the probe's message without a newline, and tells what the server did.
 */
export async function observeFraming(conn: Connection, program: RunningProgram, probe: FramingProbe, stop?: AbortSignal): Promise<Observed> {
  const before = await settle(conn, program, () => (conn.inbox.ended || !program.running ? 'ended' : undefined), Date.now() + STARTUP_WITHIN_MS, stop);
  if (before !== 'quiet') return { framing: undefined, what: 'the server did not wait for a message' };
  const received = conn.inbox.all().length;
  const was = printed(program);
  await conn.send(probe.message);
  const acted = (): string | undefined => {
    const answer = conn.inbox.all().subarray(received);
    if (answer.length > 0) return `it answered ${quote(answer)}`;
    if (conn.inbox.ended) return `${conn.inbox.endedBecause ?? 'the connection ended'}`;
    if (!program.running) return `it ${program.describeExit()}`;
    if (probe.seen !== 'print') return undefined;
    const out = program.stdout.all().subarray(was.out);
    const err = program.stderr.all().subarray(was.err);
    if (out.length > 0) return `it printed ${quote(out)}`;
    if (err.length > 0) return `it wrote ${quote(err)} to stderr`;
    return undefined;
  };
  const after = await settle(conn, program, acted, Date.now() + DEFAULT_WITHIN_MS, stop);
  if (after === 'quiet') return { framing: 'line', what: 'it read the message and went on waiting for the rest' };
  if (after && typeof after === 'object') return { framing: 'bare', what: after.acted };
  return { framing: undefined, what: after === 'unread' ? 'it did not read the message' : 'it did not settle' };
}

/** How the task's server reads a message in this grading (undefined: the page's newline applies); starts learning it on first ask. */
export function serverFraming(task: string, options: TaskOptions): Promise<Framing | undefined> {
  const probe = options.framingProbe;
  if (!probe || (options.protocol ?? 'tcp') !== 'tcp') return Promise.resolve(undefined);
  return serverFramingOf(task, options.port, (stop) => discoverServerFraming(task, options, probe, stop));
}

async function discoverServerFraming(task: string, options: TaskOptions, probe: FramingProbe, stop: AbortSignal): Promise<Framing | undefined> {
  // Without a network of its own, a second server would fight the tests' for the port.
  if (isolation().mode === 'none') return undefined;
  const located = await locateProgram(submissionDir(), task, 'server');
  if (!('found' in located) || stop.aborted) return undefined;
  const network = await openTestNetwork(sandboxView(task));
  let program: RunningProgram | undefined;
  let conn: Connection | undefined;
  try {
    const folder = await network.makeFolder('server', {});
    const env = { HOST: '127.0.0.1', PORT: String(options.port) };
    const cmd = located.found.fromManifest ? { ...located.found, args: fillLaunchValues(located.found.args, { host: env.HOST, port: env.PORT }) } : located.found;
    const launch = network.wrap(cmd, folder);
    const transcript = new Transcript();
    program = new RunningProgram(cmd, { cwd: launch.cwd, launch, env: studentEnv(folder.inside, env), actor: 'server', transcript, besideTests: true });
    if (!(program.pid > 1)) return undefined;
    const running = program;
    const end = Date.now() + STARTUP_WITHIN_MS;
    // A server that waits with no deadline before it listens never will: nobody else is in its network.
    const forever = new WaitsForever(running.pid);
    let port: number | undefined;
    while (port === undefined && running.running && !stop.aborted && Date.now() < end) {
      port = boundSockets(running.pid, network.netPid).find((s) => s.protocol === 'tcp')?.port;
      if (port === undefined && forever.look()) return undefined;
      if (port === undefined) await pollPause(10);
    }
    if (port === undefined) return undefined;
    const socket = await network.connectTcp('127.0.0.1', port);
    conn = new Connection(socket, 'server', transcript, 'grader', network.netPid);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the probe could not connect')), DEFAULT_WITHIN_MS);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    return (await observeFraming(conn, running, probe, stop)).framing;
  } finally {
    conn?.destroy();
    await program?.kill();
    await network.close();
  }
}
