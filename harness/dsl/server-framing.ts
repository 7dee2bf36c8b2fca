// How the submission's server reads a message, learned from the server itself, once per
// grading (never from its client: a server that follows the page is never fed a buggy
// client's framing). Beside the first tests, in a network of its own, its server is sent
// the page's first message without the newline: a server that acts on it (answers,
// closes, prints) reads messages as one recv() gives them ('bare'); one that reads it and
// then blocks with nothing left to do waits for the newline ('line'); where the page's first
// message can be taken without a trace (a chat's name), a second person's messages without
// the newline, heard on either connection, show a 'bare' reader. Events decide, never
// a timer: what came back, its exit, its output, or the test's stall watch
// (process/stall.ts, as a test of its own) seeing every thread wait with no deadline. A
// server that does neither within a deadline fit for a busy machine keeps the page's.
// How its answer ended (when it answered) tells how a client of the same course is
// answered (test-context.ts). The page's newline is then graded in one test
// (page-newline.ts), by the same look.

import { quote } from '../core/quote.js';
import { runAsTest } from '../core/running-test.js';
import { settlesOrStalls } from '../core/stall-signal.js';
import { pollPause, pollUntil, seconds } from '../core/time.js';
import { Transcript } from '../core/transcript.js';
import { Connection } from '../net/connection.js';
import { RunningProgram } from '../process/program.js';
import { boundSockets, studentSideOf } from '../process/sockets.js';
import { studentEnv } from '../process/student-env.js';
import { WaitsForever } from '../process/waits-forever.js';
import { isolation } from '../sandbox/isolation.js';
import { openTestNetwork } from '../sandbox/test-network.js';
import { fillLaunchValues } from '../submission/launch-values.js';
import { locateProgram } from '../submission/locate-program.js';
import { gradingDeadlines, type ServerFramingLearned, serverFramingOf, submissionDir } from './grading-context.js';
import { sandboxView } from './sandbox-view.js';
import type { Framing, FramingProbe, TaskOptions } from './task-terms.js';

/**
 * How long the probe waits for the server to act or to stall, before and after its message:
 * the longest wait of the harness, since a miss leaves the page's newline (and a server that
 * reads without one loses many tests). Only a server that neither acts nor waits (busy in a
 * loop) waits it out.
 */
const settleMs = (conn: Connection): number => conn.deadlines.startup;
/** What the probe waits for, said when it gives up. */
const AWAITED = 'for it to answer, close, exit or print, or for every thread of it to wait with no deadline (in recv(), accept(), input(), a lock)';

export interface Observed {
  /** undefined: it could not be told (it never read the message, or never settled). */
  framing: Framing | undefined;
  /** What the server did with the message without its newline, in words for a student. */
  what: string;
  /** How its answer to that message ended, when it answered: how a client of its own is answered. */
  replyFraming?: Framing;
}

type Settled = 'quiet' | 'unread' | { acted: string } | undefined;

/** Bytes a program has written to stdout and stderr so far. */
function printed(program: RunningProgram): { out: number; err: number } {
  return { out: program.stdout.all().length, err: program.stderr.all().length };
}

/**
 * Waits for an event: `acted` says the server did something, or the test's programs
 * stall (process/stall.ts: every thread blocked with no deadline, or only going round on
 * timers, and nothing on its way): then 'quiet' when it has accepted and read everything,
 * 'unread' when not; undefined at the deadline or when stopped.
 */
async function settle(conn: Connection, acted: () => string | undefined, stop?: AbortSignal): Promise<Settled> {
  const did = pollUntil(() => (stop?.aborted ? null : acted()), settleMs(conn), LOOK_EVERY_MS);
  const seen = await settlesOrStalls(did, settleMs(conn));
  if (seen === undefined || stop?.aborted) return undefined;
  if ('value' in seen) return typeof seen.value === 'string' ? { acted: seen.value } : undefined;
  const side = studentSideOf(conn.remotePort, conn.localPort, conn.netPid);
  if (!side) return undefined;
  return side.accepted && side.unreadBytes === 0 ? 'quiet' : 'unread';
}

const LOOK_EVERY_MS = 10;

/**
 * On a fresh connection to a running server: waits until it has settled (greeted, if it
 * greets), sends the probe's message without a newline, and tells what the server did.
 */
export async function observeFraming(conn: Connection, program: RunningProgram, probe: FramingProbe, stop?: AbortSignal, connectAnother?: () => Promise<Connection>): Promise<Observed> {
  const before = await settle(conn, () => (conn.inbox.ended || !program.running ? 'ended' : undefined), stop);
  if (before !== 'quiet')
    return {
      framing: undefined,
      what: before === undefined ? `within ${seconds(settleMs(conn))} of connecting, the server did not wait for a message (the grader waited ${AWAITED})` : 'the server did not wait for a message',
    };
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
  const after = await settle(conn, acted, stop);
  if (after === 'quiet' && probe.another && connectAnother) {
    const heard = await heardThroughAnother(conn, program, probe, probe.another, connectAnother, stop);
    if (heard) return heard;
  }
  if (after === 'quiet') return { framing: 'line', what: 'it read the message and went on waiting for the rest' };
  if (after && typeof after === 'object') return { framing: 'bare', what: after.acted, ...(await replyFraming(conn, received, stop)) };
  return {
    framing: undefined,
    what: after === 'unread' ? 'it did not read the message' : `within ${seconds(settleMs(conn))}, it neither acted on the message nor waited for more (the grader waited ${AWAITED})`,
  };
}

/**
 * A server that read the first message and went quiet, seen through a second person who
 * sends `messages` without newlines, each once the server has read the one before: what
 * reaches either connection (or an exit, a print) shows it acted on a message without its
 * newline. undefined when nothing did: the first look ('line') stands.
 */
async function heardThroughAnother(
  first: Connection,
  program: RunningProgram,
  probe: FramingProbe,
  messages: string[],
  connectAnother: () => Promise<Connection>,
  stop?: AbortSignal,
): Promise<Observed | undefined> {
  const second = await connectAnother();
  const ready = await settle(second, () => (second.inbox.ended || !program.running ? 'ended' : undefined), stop);
  if (ready !== 'quiet') return undefined;
  const had = { first: first.inbox.all().length, second: second.inbox.all().length };
  const was = printed(program);
  const acted = (): string | undefined => {
    const toFirst = first.inbox.all().subarray(had.first);
    if (toFirst.length > 0) return `the first person got ${quote(toFirst)}`;
    const toSecond = second.inbox.all().subarray(had.second);
    if (toSecond.length > 0) return `the second person got ${quote(toSecond)}`;
    if (first.inbox.ended || second.inbox.ended) return 'it closed a connection';
    if (!program.running) return `it ${program.describeExit()}`;
    const out = program.stdout.all().subarray(was.out);
    if (out.length > 0) return `it printed ${quote(out)}`;
    const err = program.stderr.all().subarray(was.err);
    return err.length > 0 ? `it wrote ${quote(err)} to stderr` : undefined;
  };
  const sent: string[] = [];
  for (const message of messages) {
    await second.send(message);
    sent.push(quote(message));
    const seen = await settle(second, acted, stop);
    if (seen && typeof seen === 'object') {
      const what = `it took ${quote(probe.message)} without a trace; a second person sent ${sent.join(', then ')}, without newlines: ${seen.acted}`;
      return { framing: 'bare', what, ...(await replyFraming(first, had.first, stop)) };
    }
    if (seen !== 'quiet') return undefined;
  }
  return undefined;
}

/** How the server's answer ended, once it is complete: a newline, or nothing more until it waits again (or closes). */
async function replyFraming(conn: Connection, received: number, stop?: AbortSignal): Promise<{ replyFraming?: Framing }> {
  const answer = (): Buffer => conn.inbox.all().subarray(received);
  if (answer().length === 0) return {};
  if (!answer().includes(0x0a)) await settle(conn, () => (answer().includes(0x0a) || conn.inbox.ended ? 'done' : undefined), stop);
  return { replyFraming: answer().includes(0x0a) ? 'line' : 'bare' };
}

/** How the task's server reads a message in this grading (undefined: the page's newline applies); starts learning it on first ask. */
export async function serverFraming(task: string, options: TaskOptions): Promise<Framing | undefined> {
  return (await learnServerFraming(task, options))?.reads;
}

/** How the task's server ended its answer to a message without a newline, when it answered one (undefined: not seen). */
export async function serverReplyFraming(task: string, options: TaskOptions): Promise<Framing | undefined> {
  return (await learnServerFraming(task, options))?.replies;
}

function learnServerFraming(task: string, options: TaskOptions): Promise<ServerFramingLearned | undefined> {
  const probe = options.framingProbe;
  if (!probe || (options.protocol ?? 'tcp') !== 'tcp') return Promise.resolve(undefined);
  // A test of its own: the stall watch (process/stall.ts) looks at its server alone.
  return serverFramingOf(task, options.port, (stop) => runAsTest(() => discoverServerFraming(task, options, probe, stop)));
}

async function discoverServerFraming(task: string, options: TaskOptions, probe: FramingProbe, stop: AbortSignal): Promise<ServerFramingLearned | undefined> {
  // Without a network of its own, a second server would fight the tests' for the port.
  if (isolation().mode === 'none') return undefined;
  const located = await locateProgram(submissionDir(), task, 'server');
  if (!('found' in located) || stop.aborted) return undefined;
  const network = await openTestNetwork(sandboxView(task));
  let program: RunningProgram | undefined;
  const conns: Connection[] = [];
  try {
    const folder = await network.makeFolder('server', {});
    const env = { HOST: '127.0.0.1', PORT: String(options.port) };
    const cmd = located.found.fromManifest ? { ...located.found, args: fillLaunchValues(located.found.args, { host: env.HOST, port: env.PORT }) } : located.found;
    const launch = network.wrap(cmd, folder);
    const transcript = new Transcript();
    program = new RunningProgram(cmd, { cwd: launch.cwd, launch, env: studentEnv(folder.inside, env), actor: 'server', transcript });
    if (!(program.pid > 1)) return undefined;
    const running = program;
    const deadlines = gradingDeadlines();
    const end = Date.now() + deadlines.startup;
    // A server that waits with no deadline before it listens never will: nobody else is in its network.
    const forever = new WaitsForever(running.pid);
    let port: number | undefined;
    while (port === undefined && running.running && !stop.aborted && Date.now() < end) {
      port = boundSockets(running.pid, network.netPid).find((s) => s.protocol === 'tcp')?.port;
      if (port === undefined && forever.look()) return undefined;
      if (port === undefined) await pollPause(10);
    }
    if (port === undefined) return undefined;
    const listening = port;
    const connect = async (): Promise<Connection> => {
      const socket = await network.connectTcp('127.0.0.1', listening);
      const conn = new Connection(socket, 'server', transcript, 'grader', network.netPid, deadlines);
      conns.push(conn);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the probe could not connect')), deadlines.reply);
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.once('error', (e) => {
          clearTimeout(timer);
          reject(e);
        });
      });
      return conn;
    };
    const seen = await observeFraming(await connect(), running, probe, stop, connect);
    return seen.framing && { reads: seen.framing, ...(seen.replyFraming ? { replies: seen.replyFraming } : {}) };
  } finally {
    for (const conn of conns) conn.destroy();
    await program?.kill();
    await network.close();
  }
}
