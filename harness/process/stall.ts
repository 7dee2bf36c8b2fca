// Deciding, from /proc, that a test's programs have stalled: every thread of every live
// program is blocked in a wait that has no deadline (recv, accept, read from the keyboard,
// select or poll without timeout, a lock or join), none has woken for STALL_MS, and no
// socket of the test's networks has changed meanwhile (no byte on its way). Then nothing can happen until the grader
// acts, and a wait for what they would send ends now instead of at its deadline.
// Anything else (a thread running, asleep in sleep() or in a wait with a timeout, a
// root whose exit Node has not reported yet, the grader's own action under way) is not
// a stall: such waits end at their deadlines, as before.

import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { graderIsActing, provideStalls, type StallListener } from '../core/stall-signal.js';
import { pollPause, scaled } from '../core/time.js';
import { liveRoots } from './live-programs.js';
import { isAlive, markedProcesses, processTree } from './process-tree.js';

/** How long everything must stay unchanged: far above waking and scheduling delays, far below a deadline. */
const STALL_MS = scaled(300);
/** And over at least this many looks, each in its own turn of the event loop (so the grader has read what was ready). */
const MIN_LOOKS = 6;
const LOOK_EVERY_MS = 25;

interface Syscall {
  nr: number;
  args: bigint[];
}

/** Words for what a thread waits in, or undefined when its wait may end by itself (a timeout, a sleep). */
type WaitKind = 'input()' | 'recv()' | 'accept()' | 'select()' | 'a lock or join()' | 'a process it started' | 'a signal';

const int32 = (v: bigint): number => Number(BigInt.asIntN(32, v));

/** Per architecture: syscall numbers whose wait has no deadline, given their arguments. */
const WAITS: Record<string, Record<number, (a: bigint[]) => WaitKind | undefined>> = {
  x64: {
    0: (a) => (a[0] === 0n ? 'input()' : 'recv()'), // read
    19: (a) => (a[0] === 0n ? 'input()' : 'recv()'), // readv
    45: () => 'recv()', // recvfrom
    47: () => 'recv()', // recvmsg
    299: (a) => (a[4] === 0n ? 'recv()' : undefined), // recvmmsg(timeout)
    43: () => 'accept()',
    288: () => 'accept()', // accept4
    7: (a) => (int32(a[2]) < 0 ? 'select()' : undefined), // poll(timeout ms)
    271: (a) => (a[2] === 0n ? 'select()' : undefined), // ppoll(tsp)
    23: (a) => (a[4] === 0n ? 'select()' : undefined), // select(timeout)
    270: (a) => (a[4] === 0n ? 'select()' : undefined), // pselect6(timeout)
    232: (a) => (int32(a[3]) < 0 ? 'select()' : undefined), // epoll_wait(timeout ms)
    281: (a) => (int32(a[3]) < 0 ? 'select()' : undefined), // epoll_pwait
    441: (a) => (a[3] === 0n ? 'select()' : undefined), // epoll_pwait2(timeout)
    202: futexWait,
    61: (a) => ((a[2] & 1n) === 0n ? 'a process it started' : undefined), // wait4 without WNOHANG
    247: (a) => ((a[3] & 1n) === 0n ? 'a process it started' : undefined), // waitid
    34: () => 'a signal', // pause
    130: () => 'a signal', // rt_sigsuspend
  },
  arm64: {
    63: (a) => (a[0] === 0n ? 'input()' : 'recv()'), // read
    65: (a) => (a[0] === 0n ? 'input()' : 'recv()'), // readv
    207: () => 'recv()', // recvfrom
    212: () => 'recv()', // recvmsg
    243: (a) => (a[4] === 0n ? 'recv()' : undefined), // recvmmsg
    202: () => 'accept()',
    242: () => 'accept()', // accept4
    73: (a) => (a[2] === 0n ? 'select()' : undefined), // ppoll
    72: (a) => (a[4] === 0n ? 'select()' : undefined), // pselect6
    22: (a) => (int32(a[3]) < 0 ? 'select()' : undefined), // epoll_pwait
    441: (a) => (a[3] === 0n ? 'select()' : undefined), // epoll_pwait2
    98: futexWait,
    260: (a) => ((a[2] & 1n) === 0n ? 'a process it started' : undefined), // wait4
    95: (a) => ((a[3] & 1n) === 0n ? 'a process it started' : undefined), // waitid
    133: () => 'a signal', // rt_sigsuspend
  },
};

/** FUTEX_WAIT or FUTEX_WAIT_BITSET with no timeout: a lock, a condition, a thread join. */
function futexWait(a: bigint[]): WaitKind | undefined {
  const op = Number(a[1] & 0x7fn);
  return (op === 0 || op === 9) && a[3] === 0n ? 'a lock or join()' : undefined;
}

const waits = WAITS[process.arch];

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function syscallOf(pid: number, tid: string): Syscall | undefined {
  // "running", or "-1 sp pc" when blocked outside a syscall: neither waits for the grader.
  const text = readText(`/proc/${pid}/task/${tid}/syscall`);
  if (!text || text.startsWith('running')) return undefined;
  const fields = text.trim().split(' ');
  const nr = Number(fields[0]);
  if (!(nr >= 0)) return undefined;
  return { nr, args: fields.slice(1, 7).map((f) => BigInt(f)) };
}

/**
 * Its context switches so far (any wake-up, however brief, changes them), while it
 * sleeps interruptibly (state S): undefined in any other state (running, in disk I/O).
 */
function sleepingSwitches(pid: number, tid: string): string | undefined {
  const status = readText(`/proc/${pid}/task/${tid}/status`);
  if (!status || !/^State:\s+S\b/m.test(status)) return undefined;
  const m = /voluntary_ctxt_switches:\s*(\d+)\s+nonvoluntary_ctxt_switches:\s*(\d+)/.exec(status);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

interface Look {
  /** Everything that must stay the same: each thread's wait and switches, the networks' queues. */
  fingerprint: string;
  /** "the server waits in accept()": for the message. */
  why: string;
}

/** Programs whose root exited with nothing left running: no process can bring them back. */
const gone = new Set<string>();

/** Processes of the programs still registered; undefined while one's exit is on its way to Node. */
function programProcesses(): Array<{ actor: string; pids: number[] }> | undefined {
  const found: Array<{ actor: string; pids: number[] }> = [];
  for (const { marker, pid, actor, uid, launcher } of liveRoots()) {
    if (pid !== undefined) {
      // Dead but not yet reported: its exit (and last output) is an event still to come.
      if (!isAlive(pid)) return undefined;
      // A launcher's wait for its child is not the program's: only the tree below it counts.
      const tree = launcher ? processTree(pid).slice(1) : processTree(pid);
      if (tree.length === 0) return undefined; // the program exited: its launcher's exit is on its way
      found.push({ actor, pids: tree });
    } else if (!gone.has(marker)) {
      // The root exited; what it left running carries its marker.
      const left = markedProcesses(marker, uid);
      if (left.length > 0) found.push({ actor, pids: left.flatMap(processTree) });
      else gone.add(marker);
    }
  }
  return found;
}

/** One look at the test's programs: undefined unless every thread waits with no deadline. */
function look(): Look | undefined {
  if (!waits) return undefined;
  const programs = programProcesses();
  if (!programs || programs.length === 0) return undefined;
  const parts: string[] = [];
  const whys = new Set<string>();
  const networks = new Map<string, number>();
  for (const { actor, pids } of programs) {
    const kinds = new Set<WaitKind>();
    for (const pid of pids) {
      let tids: string[];
      try {
        tids = readdirSync(`/proc/${pid}/task`);
      } catch {
        return undefined; // gone while we looked: an exit to report
      }
      for (const tid of tids) {
        const call = syscallOf(pid, tid);
        const kind = call && waits[call.nr]?.(call.args);
        const switches = kind && sleepingSwitches(pid, tid);
        if (!kind || !switches) return undefined;
        kinds.add(kind);
        parts.push(`${tid}:${call.nr}:${call.args[0]}:${switches}`);
      }
      try {
        networks.set(readlinkSync(`/proc/${pid}/ns/net`), pid);
      } catch {
        return undefined;
      }
    }
    whys.add(`the ${actor} waits in ${[...kinds].join(' and ')}`);
  }
  // Every socket's state and queues, which must not change either: a byte on its way
  // (or read by the grader meanwhile) changes them.
  for (const pid of networks.values()) {
    for (const table of ['tcp', 'tcp6']) {
      const text = readText(`/proc/${pid}/net/${table}`);
      if (text === undefined) return undefined;
      for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length >= 5) parts.push(`${f[1]}>${f[2]}:${f[3]}:${f[4]}`);
      }
    }
  }
  return { fingerprint: parts.join(' '), why: [...whys].join(', ') };
}

interface Watcher {
  listener: StallListener;
  /** The fingerprint this watcher has seen unchanged since `since`, over `looks` looks. */
  same?: string;
  since: number;
  looks: number;
}

const watchers = new Set<Watcher>();
let looping = false;

async function watch(): Promise<void> {
  looping = true;
  try {
    while (watchers.size > 0) {
      await pollPause(LOOK_EVERY_MS);
      const seen = graderIsActing() ? undefined : look();
      const now = Date.now();
      for (const w of [...watchers]) {
        if (!seen || seen.fingerprint !== w.same) {
          w.same = seen?.fingerprint;
          w.since = now;
          w.looks = seen ? 1 : 0;
          continue;
        }
        w.looks++;
        if (w.looks >= MIN_LOOKS && now - w.since >= STALL_MS) {
          watchers.delete(w);
          w.listener(seen.why);
        }
      }
    }
  } finally {
    looping = false;
  }
}

function subscribe(listener: StallListener): () => void {
  const w: Watcher = { listener, since: Date.now(), looks: 0 };
  watchers.add(w);
  if (!looping) void watch();
  return () => watchers.delete(w);
}

/** From now on, waits in this process end when the test's programs stall. */
export function watchForStalls(): void {
  provideStalls(subscribe);
}
