// Reading slowly on purpose. While the grader reads nothing, its kernel receive buffer
// stays small (Linux grows it only as the application reads), so a large reply backs up
// into the sender: sendall() waits for room, while send() on a socket with a timeout
// returns short and the rest is lost. Whether the sender is backed up is read from
// /proc (its unsent bytes, its threads' states), a state to wait on rather than a sleep.

import { readFileSync, readdirSync } from 'node:fs';
import { DEFAULT_WITHIN_MS, pollUntil } from '../core/time.js';
import { processTree } from '../process/process-tree.js';
import type { Connection } from './connection.js';

/** Stops reading from the socket; the kernel keeps what arrives until its buffer is full. */
export function pauseReading(conn: Connection): void {
  conn.socket.pause();
}

/** Reads on: what the kernel held back arrives in the connection's inbox. */
export function resumeReading(conn: Connection): void {
  conn.socket.resume();
}

const TCP_ESTABLISHED = 0x01;

interface PeerRow {
  state: number;
  /** Bytes the peer has written but the grader has not acknowledged (its send backlog). */
  unsent: number;
}

function peerRow(peerPort: number, graderPort: number): PeerRow | undefined {
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const local = parseInt(f[1].split(':')[1], 16);
      const remote = parseInt(f[2].split(':')[1], 16);
      if (local !== peerPort || remote !== graderPort) continue;
      return { state: parseInt(f[3], 16), unsent: parseInt(f[4].split(':')[0], 16) };
    }
  }
  return undefined;
}

export type PeerSendState = 'backed up' | 'closed' | 'still sending';

/**
 * A backlog this large is not data in flight (loopback acknowledges at once) but data
 * waiting for room: the grader's window is closed and the sender is stuck behind it.
 */
const BACKED_UP_BYTES = 256 * 1024;

/**
 * True when no thread of the program's tree is running or waiting for a CPU: it sleeps,
 * e.g. inside sendall() waiting for room. A send() without waiting (a socket with a
 * timeout) is still copying while it runs; only once it is asleep is its send over.
 */
function asleep(rootPid: number): boolean {
  for (const pid of processTree(rootPid)) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        if (stat[stat.lastIndexOf(')') + 2] === 'R') return false;
      } catch {
        // the thread ended while we looked
      }
    }
  }
  return true;
}

export interface BackedUpOptions {
  within?: number;
  /** The pid of the program on the other end: wait also until it sleeps (see asleep). */
  pid?: number;
}

/**
 * Waits (reading paused) until the program on the other end has much more to send than
 * the connection holds and is waiting for room, or has closed its side, or is gone. Says
 * which; 'still sending' only after the deadline, when none of that happened.
 */
export async function waitUntilPeerBackedUp(conn: Connection, opts: BackedUpOptions = {}): Promise<PeerSendState> {
  const state = await pollUntil<PeerSendState>(() => {
    const row = peerRow(conn.remotePort, conn.localPort);
    if (!row || row.state !== TCP_ESTABLISHED) return 'closed';
    if (row.unsent < BACKED_UP_BYTES) return undefined;
    return opts.pid === undefined || asleep(opts.pid) ? 'backed up' : undefined;
  }, opts.within ?? DEFAULT_WITHIN_MS);
  return state ?? 'still sending';
}
