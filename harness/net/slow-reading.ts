// Reading a large reply the way a slow client on a real network does. On loopback the
// grader reads so fast that one send() hands over a whole file even where sendall() is
// needed. Here the grader reads nothing (its receive buffer stays at its first size,
// Linux grows it only as the application reads) until the sender has far more queued
// than the connection holds and sleeps waiting for room, or has closed: by then a
// send() that took only part of the data has returned, and the rest is missing.
// Both states are read from /proc: a state to wait on, not a sleep.

import { readFileSync } from 'node:fs';
import { pollUntil } from '../core/time.js';
import { allThreadsAsleep } from '../process/process-tree.js';
import type { RunningProgram } from '../process/program.js';
import { studentSideOf } from '../process/sockets.js';
import type { Connection, ExpectOptions } from './connection.js';

/** Stops reading from the connection; call it before sending the request. */
export function holdReading(conn: Connection): void {
  conn.socket.pause();
}

/** Reads on: what the kernel held back arrives in the connection's inbox. */
export function resumeReading(conn: Connection): void {
  conn.socket.resume();
}

/**
 * A backlog this large is not data in flight (loopback acknowledges at once) but data
 * waiting for room: the grader's window is closed and the sender is stuck behind it.
 */
const BACKED_UP_BYTES = 256 * 1024;

function readNumbers(file: string): number[] {
  try {
    return readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  } catch {
    return [];
  }
}

/**
 * A reply size no single send() can hand over to a reader that holds off: more than
 * the largest send buffer (tcp_wmem max) plus the reader's first receive buffer
 * (tcp_rmem default), with 2 MiB to spare; at least 6 MiB.
 */
export function sizeBeyondBuffers(): number {
  const wmem = readNumbers('/proc/sys/net/ipv4/tcp_wmem')[2] ?? 4 * 1024 * 1024;
  const rmem = readNumbers('/proc/sys/net/ipv4/tcp_rmem')[1] ?? 128 * 1024;
  return Math.max(6 * 1024 * 1024, wmem + rmem + 2 * 1024 * 1024);
}

export type SenderState = 'backed up' | 'closed' | 'still sending';

/** The program sending the reply, as far as waiting on it goes (a spec's ProgramUnderTest is one). */
export interface Sender {
  readonly running: boolean;
  readonly process: Pick<RunningProgram, 'pid'>;
}

/**
 * Waits (reading held) until `sender` has much more queued than the connection holds
 * and all its threads sleep, or has closed its side, or is gone. Says which;
 * 'still sending' only after the deadline, when none of that happened.
 */
export async function waitUntilSenderWaits(conn: Connection, sender: Sender, opts: { within?: number } = {}): Promise<SenderState> {
  const state = await pollUntil<SenderState>(() => {
    if (!sender.running) return 'closed';
    const side = studentSideOf(conn.remotePort, conn.localPort, conn.netPid);
    if (!side || side.closed) return 'closed';
    if (side.unsentBytes < BACKED_UP_BYTES) return undefined;
    return allThreadsAsleep(sender.process.pid) ? 'backed up' : undefined;
  }, opts.within ?? conn.deadlines.reply);
  return state ?? 'still sending';
}

/** Holds off until the sender waits (see waitUntilSenderWaits), says so in the transcript, then reads on. */
export async function resumeOnceSenderWaits(conn: Connection, sender: Sender, opts: { within?: number } = {}): Promise<SenderState> {
  const state = await waitUntilSenderWaits(conn, sender, opts);
  conn.note(state === 'backed up' ? 'read nothing until the sender had more to send than the connection holds and waited; reading now' : `read nothing until the sender was ${state}; reading now`);
  resumeReading(conn);
  return state;
}

/** Holds off until the sender waits, then reads until it closes. */
export async function readOnceSenderWaits(conn: Connection, sender: Sender, opts: ExpectOptions = {}): Promise<Buffer> {
  await resumeOnceSenderWaits(conn, sender, { within: opts.within });
  // readUntilClosed reports a sender that never finishes.
  return conn.readUntilClosed(opts);
}
