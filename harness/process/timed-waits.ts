// A thread asleep in a wait that ends by itself (sleep(), select() or a socket with a
// timeout, Event.wait(t)): what it waits in, and the earliest it can wake, from /proc.
// The syscall's arguments say where its deadline is: an absolute time (Python's
// time.sleep, threading's timed waits), read from the program's memory, or a length
// counted from when the thread entered the wait, which is bounded below by the last
// time it was seen doing something else (or by when the thread started).

import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

export type TimedKind = 'sleep()' | 'select() or a socket timeout' | 'a wait with a timeout';

export interface TimedWait {
  kind: TimedKind;
  /** The earliest the thread can wake by itself, on the monotonic clock (ns); undefined when that cannot be read. */
  earliestNs: bigint | undefined;
}

interface Syscall {
  nr: number;
  args: bigint[];
}

/** Where a syscall keeps its deadline. */
type Deadline =
  | { kind: TimedKind; at: 'absolute'; clock: 'monotonic' | 'realtime'; address: bigint }
  | { kind: TimedKind; at: 'relative'; ns: bigint }
  | { kind: TimedKind; at: 'relative-timespec' | 'relative-timeval'; address: bigint };

const MS = 1_000_000n;
const CLOCK_REALTIME = 0n;
const TIMER_ABSTIME = 1n;
const FUTEX_CLOCK_REALTIME = 256n;

const int32 = (v: bigint): bigint => BigInt.asIntN(32, v);

function clockNanosleep(a: bigint[]): Deadline {
  if ((a[1] & TIMER_ABSTIME) !== 0n) return { kind: 'sleep()', at: 'absolute', clock: a[0] === CLOCK_REALTIME ? 'realtime' : 'monotonic', address: a[2] };
  return { kind: 'sleep()', at: 'relative-timespec', address: a[2] };
}

function futex(a: bigint[]): Deadline | undefined {
  const op = a[1] & 0x7fn;
  if (a[3] === 0n) return undefined; // no timeout: not a timed wait
  if (op === 9n) return { kind: 'a wait with a timeout', at: 'absolute', clock: (a[1] & FUTEX_CLOCK_REALTIME) !== 0n ? 'realtime' : 'monotonic', address: a[3] };
  if (op === 0n) return { kind: 'a wait with a timeout', at: 'relative-timespec', address: a[3] };
  return undefined;
}

const pollMs = (ms: bigint): Deadline | undefined => (int32(ms) >= 0n ? { kind: 'select() or a socket timeout', at: 'relative', ns: int32(ms) * MS } : undefined);
const selectLike = (address: bigint, at: 'relative-timespec' | 'relative-timeval'): Deadline | undefined => (address === 0n ? undefined : { kind: 'select() or a socket timeout', at, address });

/** Per architecture: the syscalls whose wait ends by itself, and where their deadline is. */
const TIMED: Record<string, Record<number, (a: bigint[]) => Deadline | undefined>> = {
  x64: {
    35: (a) => ({ kind: 'sleep()', at: 'relative-timespec', address: a[0] }), // nanosleep
    230: clockNanosleep,
    202: futex,
    7: (a) => pollMs(a[2]), // poll
    271: (a) => selectLike(a[2], 'relative-timespec'), // ppoll
    23: (a) => selectLike(a[4], 'relative-timeval'), // select
    270: (a) => selectLike(a[4], 'relative-timespec'), // pselect6
    232: (a) => pollMs(a[3]), // epoll_wait
    281: (a) => pollMs(a[3]), // epoll_pwait
    441: (a) => selectLike(a[3], 'relative-timespec'), // epoll_pwait2
  },
  arm64: {
    101: (a) => ({ kind: 'sleep()', at: 'relative-timespec', address: a[0] }), // nanosleep
    115: clockNanosleep,
    98: futex,
    73: (a) => selectLike(a[2], 'relative-timespec'), // ppoll
    72: (a) => selectLike(a[4], 'relative-timespec'), // pselect6
    22: (a) => pollMs(a[3]), // epoll_pwait
    441: (a) => selectLike(a[3], 'relative-timespec'), // epoll_pwait2
  },
};

const timed = TIMED[process.arch];

/** Two 64-bit words at `address` in the program's memory (a timespec or timeval), or undefined. */
function readPair(pid: number, address: bigint): [bigint, bigint] | undefined {
  if (address === 0n) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(`/proc/${pid}/mem`, 'r');
    const buf = Buffer.alloc(16);
    if (readSync(fd, buf, 0, 16, address) !== 16) return undefined;
    return [buf.readBigInt64LE(0), buf.readBigInt64LE(8)];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** USER_HZ: the unit of a thread's start time in /proc (100 on every Linux architecture Node runs on). */
const TICKS_PER_SECOND = 100n;

/** When the thread started, on the monotonic clock (ns), from its start time since boot. */
function threadStartNs(pid: number, tid: string, nowNs: bigint): bigint | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const startTicks = BigInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const [up] = readFileSync('/proc/uptime', 'utf8').split(' ');
    const [whole, frac = '0'] = up.split('.');
    const uptimeNs = BigInt(whole) * 1_000_000_000n + BigInt(frac.padEnd(9, '0').slice(0, 9));
    return nowNs - (uptimeNs - (startTicks * 1_000_000_000n) / TICKS_PER_SECOND);
  } catch {
    return undefined;
  }
}

/** Per thread: its context switches when last looked at, and the earliest it can have entered its current wait. */
const entered = new Map<string, { switches: string; seenAt: bigint; enteredAfter: bigint | undefined }>();

/**
 * The earliest a thread can have entered the wait it is in: unchanged switches since a
 * look mean the same wait as then; changed ones, a new wait begun after that look.
 */
function enteredAfter(pid: number, tid: string, switches: string, nowNs: bigint): bigint | undefined {
  const key = `${pid}/${tid}`;
  const before = entered.get(key);
  let after: bigint | undefined;
  if (before && before.switches === switches) after = before.enteredAfter;
  else if (before) after = before.seenAt;
  else after = threadStartNs(pid, tid, nowNs);
  entered.set(key, { switches, seenAt: nowNs, enteredAfter: after });
  return after;
}

/** Forgets threads not seen in the last look (they ended, or their test did). */
export function forgetThreadsExcept(seen: Set<string>): void {
  for (const key of entered.keys()) if (!seen.has(key)) entered.delete(key);
}

const nsOf = ([sec, sub]: [bigint, bigint], unit: bigint): bigint => sec * 1_000_000_000n + sub * unit;

/**
 * What the thread waits in, if it is a wait that ends by itself, with the earliest it
 * can end. `switches` are its context switches now (the same wait keeps them).
 */
export function timedWait(pid: number, tid: string, call: Syscall, switches: string, nowNs: bigint): TimedWait | undefined {
  const deadline = timed?.[call.nr]?.(call.args);
  if (!deadline) return undefined;
  const after = enteredAfter(pid, tid, switches, nowNs);
  let earliestNs: bigint | undefined;
  if (deadline.at === 'absolute') {
    const at = readPair(pid, deadline.address);
    if (at) earliestNs = deadline.clock === 'monotonic' ? nsOf(at, 1n) : nowNs + (nsOf(at, 1n) - BigInt(Date.now()) * MS);
  } else {
    let length: bigint | undefined;
    if (deadline.at === 'relative') length = deadline.ns;
    else {
      const pair = readPair(pid, deadline.address);
      if (pair) length = nsOf(pair, deadline.at === 'relative-timeval' ? 1000n : 1n);
    }
    if (length !== undefined && after !== undefined) earliestNs = after + length;
  }
  return { kind: deadline.kind, earliestNs };
}
