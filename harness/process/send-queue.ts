// The student's end of one TCP connection as the kernel sees it, for the sending side:
// whether the program has closed it, whether a program holds it, how many bytes wait.

import { readFileSync } from 'node:fs';

export interface SendSide {
  /** The program called close() (FIN_WAIT1/2, CLOSING, LAST_ACK, TIME_WAIT, CLOSE). */
  closed: boolean;
  /** A program holds the socket (inode 0 before accept() and after close()). */
  held: boolean;
  /** Bytes written by the program that the peer has not taken yet. */
  queuedBytes: number;
}

// Not closed by the program: SYN_RECV (3, not yet accepted), ESTABLISHED (1), CLOSE_WAIT (8).
const CLOSED_STATES = new Set([0x04, 0x05, 0x06, 0x07, 0x09, 0x0b]);

/** The row whose local port is the student's and remote port the grader's, if any. */
export function sendSideOf(studentPort: number, graderPort: number): SendSide | undefined {
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
      if (parseInt(f[1].split(':')[1], 16) !== studentPort || parseInt(f[2].split(':')[1], 16) !== graderPort) continue;
      return {
        closed: CLOSED_STATES.has(parseInt(f[3], 16)),
        held: Number(f[9]) !== 0,
        queuedBytes: parseInt(f[4].split(':')[0], 16),
      };
    }
  }
  return undefined;
}

function readNumbers(file: string): number[] {
  try {
    return readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  } catch {
    return [];
  }
}

/**
 * The most one send() can hand over to a peer that is not reading: the largest send
 * buffer (tcp_wmem max) plus the receiver's starting receive buffer (tcp_rmem default),
 * which does not grow while nothing is read.
 */
export function bytesInFlightLimit(): number {
  const wmem = readNumbers('/proc/sys/net/ipv4/tcp_wmem')[2] ?? 4 * 1024 * 1024;
  const rmem = readNumbers('/proc/sys/net/ipv4/tcp_rmem')[1] ?? 128 * 1024;
  return wmem + rmem;
}
