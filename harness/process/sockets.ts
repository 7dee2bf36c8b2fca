// Which sockets a process tree has open, from /proc: listening TCP sockets, bound UDP
// sockets, and the state of one TCP connection. Reading /proc spends no connection,
// which matters because many student servers serve exactly one client and exit.

import { readFileSync, readlinkSync } from 'node:fs';
import { procEntries, processTree } from './process-tree.js';

export interface BoundSocket {
  protocol: 'tcp' | 'udp';
  /** The address to connect to: a wildcard bind is reached through loopback. */
  host: string;
  port: number;
  /** Not seen listening (no /proc here): connecting must retry until accepted. */
  unconfirmed?: boolean;
}

interface SocketRow {
  localHost: string;
  localPort: number;
  remotePort: number;
  state: number;
  txQueue: number;
  rxQueue: number;
  inode: number;
}

const TCP_LISTEN = 0x0a;
const TCP_CLOSE_WAIT = 0x08;

function parseIPv4(hex: string): string {
  const n = parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

function parseIPv6(hex: string): string {
  // Four 32-bit words, each in host (little-endian) byte order.
  const bytes: string[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    for (let b = 3; b >= 0; b--) bytes.push(word.slice(b * 2, b * 2 + 2));
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(String(parseInt(bytes[i] + bytes[i + 1], 16).toString(16)));
  const text = groups.join(':');
  if (text === '0:0:0:0:0:0:0:0') return '::';
  if (text === '0:0:0:0:0:0:0:1') return '::1';
  if (text.startsWith('0:0:0:0:0:ffff:')) {
    const v4 = bytes.slice(12).map((b) => parseInt(b, 16));
    return `::ffff:${v4.join('.')}`;
  }
  return text;
}

function readTable(file: string, v6: boolean): SocketRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const rows: SocketRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [lHost, lPort] = f[1].split(':');
    const [, rPort] = f[2].split(':');
    const [tx, rx] = f[4].split(':');
    rows.push({
      localHost: v6 ? parseIPv6(lHost) : parseIPv4(lHost),
      localPort: parseInt(lPort, 16),
      remotePort: parseInt(rPort, 16),
      state: parseInt(f[3], 16),
      txQueue: parseInt(tx, 16),
      rxQueue: parseInt(rx, 16),
      inode: Number(f[9]),
    });
  }
  return rows;
}

function socketInodes(pids: number[]): Set<number> {
  const inodes = new Set<number>();
  for (const pid of pids) {
    for (const fd of procEntries(pid, 'fd') ?? []) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(Number(m[1]));
      } catch {
        // closed while we looked
      }
    }
  }
  return inodes;
}

function connectHost(bound: string, v6: boolean): string {
  if (bound === '0.0.0.0') return '127.0.0.1';
  if (bound === '::') return '::1';
  if (v6 && bound.startsWith('::ffff:')) return bound.slice(7);
  return bound;
}

/**
 * Listening TCP and bound UDP sockets of the process tree under `rootPid`, read from
 * the /proc view of `netPid`: a process in the test's network (a program just started
 * may not have entered it yet, and the machine's own tables cost far more to read).
 */
export function boundSockets(rootPid: number, netPid = rootPid): BoundSocket[] {
  const inodes = socketInodes(processTree(rootPid));
  if (inodes.size === 0) return [];
  const found: Array<BoundSocket & { inode: number }> = [];
  const tables: Array<[string, 'tcp' | 'udp', boolean]> = [
    ['tcp', 'tcp', false],
    ['tcp6', 'tcp', true],
    ['udp', 'udp', false],
    ['udp6', 'udp', true],
  ];
  for (const [table, protocol, v6] of tables) {
    for (const row of readTable(`/proc/${netPid}/net/${table}`, v6)) {
      if (!inodes.has(row.inode)) continue;
      if (protocol === 'tcp' && row.state !== TCP_LISTEN) continue;
      if (protocol === 'udp' && row.remotePort !== 0) continue;
      found.push({ protocol, host: connectHost(row.localHost, v6), port: row.localPort, inode: row.inode });
    }
  }
  // In the order they were made (inodes count up): a server's first socket is its own,
  // a later one (a UDP reply socket, a helper's) comes after it.
  return found.sort((a, b) => a.inode - b.inode).map(({ inode: _, ...socket }) => socket);
}

export interface ConnectionState {
  /** A program holds the socket: accept() has returned (inode 0 before, and after close()). */
  accepted: boolean;
  /** Bytes the program has not yet recv()'d. */
  unreadBytes: number;
  /** Bytes the program has sent that the grader has not taken yet (its send backlog). */
  unsentBytes: number;
  /** The program got our FIN but has not closed its side. */
  closeWait: boolean;
  /** The program has closed its side (FIN_WAIT1/2, TIME_WAIT, CLOSE, LAST_ACK, CLOSING). */
  closed: boolean;
}

const CLOSED_STATES = new Set([0x04, 0x05, 0x06, 0x07, 0x09, 0x0b]);

/** The student's end of a connection whose grader end is on `graderPort`, in the network of `netPid`. */
export function studentSideOf(studentPort: number, graderPort: number, netPid: number): ConnectionState | undefined {
  for (const table of ['tcp', 'tcp6']) {
    for (const row of readTable(`/proc/${netPid}/net/${table}`, table.endsWith('6'))) {
      if (row.localPort === studentPort && row.remotePort === graderPort) {
        return {
          accepted: row.inode !== 0,
          unreadBytes: row.rxQueue,
          unsentBytes: row.txQueue,
          closeWait: row.state === TCP_CLOSE_WAIT,
          closed: CLOSED_STATES.has(row.state),
        };
      }
    }
  }
  return undefined;
}

/** Where one of a program's TCP connections to a server stands, seen from the server's end. */
export type ServerEnd = 'not accepted' | 'unread' | 'read';

/**
 * The server's end of every TCP connection the process tree under `clientPid` holds to
 * `serverPort`, in the network of `netPid`: still in the server's backlog ('not
 * accepted'), accepted with bytes the server has not recv()'d ('unread'), or accepted
 * and read up to the last byte sent ('read').
 */
export function serverEndsOf(clientPid: number, serverPort: number, netPid: number): ServerEnd[] {
  const inodes = socketInodes(processTree(clientPid));
  const rows = ['tcp', 'tcp6'].flatMap((table) => readTable(`/proc/${netPid}/net/${table}`, table.endsWith('6')));
  const clientPorts = rows.filter((r) => inodes.has(r.inode) && r.remotePort === serverPort).map((r) => r.localPort);
  const ends: ServerEnd[] = [];
  for (const port of clientPorts) {
    const row = rows.find((r) => r.localPort === serverPort && r.remotePort === port);
    if (!row || CLOSED_STATES.has(row.state)) continue; // the server has closed its end
    ends.push(row.inode === 0 ? 'not accepted' : row.rxQueue > 0 ? 'unread' : 'read');
  }
  return ends;
}
