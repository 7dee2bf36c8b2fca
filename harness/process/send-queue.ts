// The student's end of one TCP connection as the kernel sees it, for the sending side:
// its state, whether a program still holds it, and how many bytes wait to be sent.

import { readFileSync } from 'node:fs';

export interface SendSide {
  /** ESTABLISHED while both ends are open; anything else once the program closed it. */
  established: boolean;
  /** A program holds the socket (0 before accept() and after close()). */
  held: boolean;
  /** Bytes written by the program that the peer has not taken yet. */
  queuedBytes: number;
}

const TCP_ESTABLISHED = 0x01;

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
        established: parseInt(f[3], 16) === TCP_ESTABLISHED,
        held: Number(f[9]) !== 0,
        queuedBytes: parseInt(f[4].split(':')[0], 16),
      };
    }
  }
  return undefined;
}
