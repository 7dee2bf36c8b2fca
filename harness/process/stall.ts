// Deciding, from /proc, that a test's programs have stalled: every thread of every live
// program is blocked in a wait that has no deadline (recv, accept, read from the keyboard,
// select or poll without timeout, a lock or join), none has woken for stallMs, and no
// socket of the test's networks has changed meanwhile (no byte on its way). Then nothing can happen until the grader
// acts, and a wait for what they would send ends now instead of at its deadline.
// Threads on timers of their own count too, in two cases (see timed-waits.ts):
// - a timer that cannot fire before the test's waits give up, at least 1 s off (a price
//   updater sleeping 600 s, or 10 s while the grader waits 3 s), is as good as no deadline;
// - threads that wake on a timer again and again (a heartbeat, an updater every 0.2 s)
//   and do nothing a test can see (nothing sent on the test's networks, nothing
//   written: no output, no file) for timerIdleMs, each having woken MIN_WAKES times,
//   only go round in circles. A timer that leads to output, or a single sleep still
//   under way, keeps the wait going until its deadline, as before.
// Anything else (a thread running, in disk I/O, a root whose exit Node has not reported
// yet, the grader's own action under way) is not a stall: such waits end at their
// deadlines, as before.
// STALL_MS covers what the looks cannot see: a segment or datagram between two sockets
// (in the kernel's backlog, a delayed ACK, a SYN or FIN on its way). Where the looks show
// there is none (every TCP socket settled, each byte sent acknowledged, no timer of its
// own; no UDP socket; nothing queued on the loopback of any CPU), each look is a proof
// and MIN_LOOKS of them decide (see provenQuiet).

import { readFileSync, readlinkSync } from 'node:fs';
import { type RunningTest, runningTest } from '../core/running-test.js';
import { graderIsActing, provideStalls, type StallListener, sleepsPastDeadlines } from '../core/stall-signal.js';
import { type Deadlines, pollPause, UNSCALED } from '../core/time.js';
import { liveRoots } from './live-programs.js';
import { isAlive, markedProcesses, procEntries, processTree } from './process-tree.js';
import { forgetThreadsExcept, type TimedKind, timedWait } from './timed-waits.js';

/** How long a stall takes, scaled as the run's deadlines are. */
interface StallLimits {
  /** How long everything must stay unchanged: far above waking and scheduling delays, far below a deadline. */
  stallMs: number;
  /** A timer further off than every wait's deadline (the longest is the startup's) counts as none. */
  beyondEveryWaitNs: bigint;
  /** How long threads on short timers must go round doing nothing visible, waking at least MIN_WAKES times each. */
  timerIdleMs: number;
}

const stallLimits = (deadlines: Deadlines): StallLimits => ({
  stallMs: deadlines.scaled(300),
  beyondEveryWaitNs: BigInt(2 * deadlines.startup) * 1_000_000n,
  timerIdleMs: deadlines.scaled(1000),
});

/** The run's, from watchForStalls. */
let limits = stallLimits(UNSCALED);
/** And unchanged over at least this many looks, each in its own turn of the event loop (so the grader has read what was ready). */
const MIN_LOOKS = 6;
const LOOK_EVERY_MS = 25;
/** While every look proves the stall, the looks need no span of time: only their own turns of the event loop. */
const PROVEN_LOOK_EVERY_MS = 10;
/** TCP states a socket stays in until a program or the grader acts: established, listening, closed by one side or both. */
const SETTLED_TCP_STATES = new Set(['01', '0A', '08', '05', '06', '07']);
const MIN_WAKES = 2;
/** A timer nearer than this is a short one (a heartbeat, an updater), whatever the waits' deadlines. */
const FAR_AT_LEAST_NS = 1_000_000_000n;

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

/** Its voluntary context switches, in any state. */
function voluntarySwitches(pid: number, tid: string): number | undefined {
  const m = /^voluntary_ctxt_switches:\s*(\d+)/m.exec(readText(`/proc/${pid}/task/${tid}/status`) ?? '');
  return m ? Number(m[1]) : undefined;
}

interface Look {
  /**
   * Everything that must stay the same: each thread's wait and switches (but a short
   * timer's, which wake), the networks' queues, and with short timers what the test
   * could see of them: bytes written, segments and datagrams sent.
   */
  fingerprint: string;
  /** "the server waits in accept()": for the message. */
  why: string;
  /** Threads on short timers: what they wait in, and their voluntary switches, which rise with each wake. */
  timers: Map<string, { kind: TimedKind; switches: number }>;
  /** False when a thread on a short timer was caught awake: it counts as going round, but no stall is decided on this look. */
  settled: boolean;
  /** The threads on timers seen (see timed-waits.ts: what is known of the others is forgotten). */
  seenThreads: Set<string>;
  /** Nothing can be on its way between the sockets (see provenQuiet): this look alone shows the stall, without a span of time. */
  proven: boolean;
}

/** Per test looked at: threads on short timers at its last complete look; caught awake at the next, they are between two sleeps. */
const lastTimers = new Map<RunningTest | undefined, Map<string, TimedKind>>();

/** What one program's threads wait in, for the message. */
interface ProgramWaits {
  blocked: Set<WaitKind>;
  /** Per thread on a timer beyond every deadline: what it sleeps in, and the seconds left. */
  far: Array<{ kind: TimedKind; seconds: number }>;
  /** Per thread on a short timer, woken again and again: what it wakes from. */
  circling: TimedKind[];
}

const kinds = <T>(list: T[]): string => [...new Set(list)].join(' or ');

/** E.g. "the server waits in recv(); its other thread sleeps in sleep() for 599 s more". */
function describe(actor: string, w: ProgramWaits): string {
  const one = (n: number, singular: string, plural: string): string => (n === 1 ? singular : plural);
  const blocked = w.blocked.size > 0;
  /** The threads on timers, named after what the others wait in ("its other thread") or as the program itself. */
  const threads = (n: number): string => (blocked ? `its other ${one(n, 'thread', 'threads')}` : one(n, `the ${actor}`, `the ${actor}'s ${n} threads`));
  const clauses: string[] = [];
  if (blocked) clauses.push(`the ${actor} waits in ${[...w.blocked].join(' and ')}`);
  if (w.far.length > 0) {
    const n = w.far.length;
    const soonest = Math.min(...w.far.map((f) => f.seconds));
    const who = w.circling.length > 0 ? `${one(n, 'one', String(n))} of ${blocked ? 'its other threads' : `the ${actor}'s threads`}` : threads(n);
    clauses.push(`${who} ${one(n, 'sleeps', 'sleep')} in ${kinds(w.far.map((f) => f.kind))} ${sleepsPastDeadlines(soonest, n > 1)}`);
  }
  if (w.circling.length > 0) {
    const n = w.circling.length;
    const who = w.far.length > 0 ? one(n, 'another', 'the others') : threads(n);
    clauses.push(`${who} only ${one(n, 'wakes', 'wake')} from ${kinds(w.circling)} now and then, and ${one(n, 'sends, prints and writes', 'send, print and write')} nothing`);
  }
  return clauses.length > 0 ? clauses.join('; ') : `the ${actor} waits`;
}

/** What a process wrote (output, files): write() calls and their bytes, from /proc/<pid>/io. */
function written(pid: number): string | undefined {
  const io = readText(`/proc/${pid}/io`);
  const m = io && /wchar:\s*(\d+)[\s\S]*syscw:\s*(\d+)/.exec(io);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** Segments and datagrams sent so far in the network of `pid`: any byte sent there, by anyone, raises them. */
function sentInNetwork(pid: number): string | undefined {
  const snmp = readText(`/proc/${pid}/net/snmp`);
  const snmp6 = readText(`/proc/${pid}/net/snmp6`) ?? '';
  if (snmp === undefined) return undefined;
  const counter = (table: string, name: string): string => {
    const lines = snmp.split('\n').filter((l) => l.startsWith(`${table}:`));
    if (lines.length < 2) return '?';
    const names = lines[0].split(/\s+/);
    return lines[1].split(/\s+/)[names.indexOf(name)] ?? '?';
  };
  const udp6 = /Udp6OutDatagrams\s+(\d+)/.exec(snmp6)?.[1] ?? '?';
  return `${counter('Tcp', 'OutSegs')}/${counter('Udp', 'OutDatagrams')}/${udp6}`;
}

/** Programs whose root exited with nothing left running: no process can bring them back. */
const gone = new Set<string>();

/**
 * Processes of the programs still registered, of `test` when tests run side by side (of
 * all, outside tests); undefined while one's exit is on its way to Node.
 */
function programProcesses(test: RunningTest | undefined): Array<{ actor: string; pids: number[] }> | undefined {
  const found: Array<{ actor: string; pids: number[] }> = [];
  for (const { marker, pid, actor, uid, launcher, besideTests, test: owner } of liveRoots()) {
    if (besideTests || (test !== undefined && owner !== test)) continue;
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

/** One look at the test's programs: undefined unless every thread waits with no deadline, or on a timer. */
function look(test: RunningTest | undefined, farNs: bigint): Look | undefined {
  if (!waits) return undefined;
  const programs = programProcesses(test);
  if (!programs || programs.length === 0) return undefined;
  const nowNs = process.hrtime.bigint();
  const parts: string[] = [];
  const whys = new Set<string>();
  const networks = new Map<string, number>();
  const timers: Look['timers'] = new Map();
  const seenThreads = new Set<string>();
  let settled = true;
  const allPids: number[] = [];
  for (const { actor, pids } of programs) {
    const program: ProgramWaits = { blocked: new Set(), far: [], circling: [] };
    for (const pid of pids) {
      const tids = procEntries(pid, 'task');
      if (!tids) return undefined; // gone while we looked: an exit to report
      allPids.push(pid);
      for (const tid of tids) {
        const thread = `${pid}/${tid}`;
        const call = syscallOf(pid, tid);
        const switches = call && sleepingSwitches(pid, tid);
        const kind = call && switches ? waits[call.nr]?.(call.args) : undefined;
        if (call && switches && kind) {
          program.blocked.add(kind);
          parts.push(`${tid}:${call.nr}:${call.args[0]}:${switches}`);
          continue;
        }
        const timer = call && switches ? timedWait(pid, tid, call, switches, nowNs) : undefined;
        seenThreads.add(thread);
        if (!call || !switches || !timer) {
          // Awake, or in another call: a thread on a short timer between two sleeps (what
          // it did will show in the counters below); anything else is no stall.
          const was = lastTimers.get(test)?.get(thread);
          const woken = was && voluntarySwitches(pid, tid);
          if (!was || woken === undefined) return undefined;
          settled = false;
          program.circling.push(was);
          timers.set(thread, { kind: was, switches: woken });
          parts.push(`${tid}:timer`);
          continue;
        }
        if (timer.earliestNs !== undefined && timer.earliestNs - nowNs >= farNs) {
          // It cannot wake before the test's waits end: as if it had no deadline (it must not wake either).
          program.far.push({ kind: timer.kind, seconds: Number((timer.earliestNs - nowNs) / 1_000_000_000n) });
          parts.push(`${tid}:${call.nr}:far:${switches}`);
        } else {
          program.circling.push(timer.kind);
          timers.set(thread, { kind: timer.kind, switches: Number(switches.split('/')[0]) });
          parts.push(`${tid}:timer`);
        }
      }
      try {
        networks.set(readlinkSync(`/proc/${pid}/ns/net`), pid);
      } catch {
        return undefined;
      }
    }
    whys.add(describe(actor, program));
  }
  // Every socket's state and queues, which must not change either: a byte on its way
  // (or read by the grader meanwhile) changes them.
  let proven = timers.size === 0 && settled;
  for (const pid of networks.values()) {
    for (const table of ['tcp', 'tcp6']) {
      const text = readText(`/proc/${pid}/net/${table}`);
      if (text === undefined) return undefined;
      for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length < 5) continue;
        parts.push(`${f[1]}>${f[2]}:${f[3]}:${f[4]}`);
        if (proven && !settledSocket(f[3], f[4], f[5])) proven = false;
      }
    }
    if (proven && !withoutUdp(pid)) proven = false;
  }
  if (proven && !loopbackIdle()) proven = false;
  if (timers.size > 0) {
    // Threads that wake may act between two looks: what they did must show in counters.
    for (const pid of allPids) {
      const w = written(pid);
      if (w === undefined) return undefined;
      parts.push(`w${pid}:${w}`);
    }
    for (const pid of networks.values()) {
      const sent = sentInNetwork(pid);
      if (sent === undefined) return undefined;
      parts.push(`n${pid}:${sent}`);
    }
  }
  lastTimers.set(test, new Map([...timers].map(([thread, t]) => [thread, t.kind])));
  return { fingerprint: parts.join(' '), why: [...whys].join(', '), timers, settled, seenThreads, proven };
}

/**
 * A TCP socket with nothing on its way: in a state it keeps until someone acts, every
 * byte written acknowledged (tx_queue counts those not yet sent too), and no timer of
 * its own (a retransmit, a probe), but TIME_WAIT's and FIN_WAIT2's, which send nothing.
 */
function settledSocket(state: string, queues: string, timer = ''): boolean {
  if (!SETTLED_TCP_STATES.has(state) || !/^0+:/.test(queues)) return false;
  return timer.startsWith('00:') || state === '06' || state === '05';
}

/** No UDP socket in the network of `pid`: a datagram on its way shows in no queue of its sender. */
function withoutUdp(pid: number): boolean {
  for (const table of ['udp', 'udp6']) {
    const text = readText(`/proc/${pid}/net/${table}`);
    if (text === undefined || text.trim().split('\n').length > 1) return false;
  }
  return true;
}

/**
 * Nothing waits in any CPU's backlog of received packets, where loopback puts each segment
 * until the kernel delivers it (softnet_backlog_len, the 12th column of softnet_stat;
 * false where the kernel does not show it).
 */
function loopbackIdle(): boolean {
  const text = readText('/proc/net/softnet_stat');
  if (!text) return false;
  return text
    .trim()
    .split('\n')
    .every((row) => {
      const f = row.trim().split(/\s+/);
      return f.length >= 13 && Number.parseInt(f[11], 16) === 0;
    });
}

interface Watcher {
  listener: StallListener;
  /** Whose programs it watches: its test's (all, outside tests). */
  test: RunningTest | undefined;
  /** The fingerprint this watcher has seen unchanged since `since`, over `looks` looks. */
  same?: string;
  since: number;
  looks: number;
  /** Short timers at `since`: how often each has woken since. */
  timersAtSince?: Look['timers'];
  /** Of those looks, how many in a row (up to the last) were proven quiet. */
  provenLooks: number;
  /** When its wait gives up (Date.now()), if it said. */
  until?: number;
}

/** Every short timer has woken MIN_WAKES times since the watcher's `since`: each goes round, it is not one sleep still under way. */
function allGoneRound(atSince: Look['timers'] | undefined, now: Look['timers']): boolean {
  if (!atSince) return false;
  for (const [thread, t] of now) if (t.switches - (atSince.get(thread)?.switches ?? t.switches) < MIN_WAKES) return false;
  return true;
}

/**
 * The same look MIN_LOOKS times in a row, each in its own turn of the event loop (the
 * grader has read what its sockets held), and each a proof that nothing is on its way:
 * every thread still blocked, not woken once, and no byte, segment or datagram anywhere
 * between them and the grader. Nothing is left to happen until the grader acts.
 */
function provenQuiet(w: Watcher): boolean {
  return w.provenLooks >= MIN_LOOKS;
}

const watchers = new Set<Watcher>();
let looping = false;

async function watch(): Promise<void> {
  looping = true;
  try {
    while (watchers.size > 0) {
      await pollPause([...watchers].some((w) => w.provenLooks > 0) ? PROVEN_LOOK_EVERY_MS : LOOK_EVERY_MS);
      // One look per test waiting: each test's programs stall, or not, on their own.
      const looks = new Map<RunningTest | undefined, Look | undefined>();
      const farNs = farTimers(watchers);
      for (const w of watchers) if (!looks.has(w.test)) looks.set(w.test, graderIsActing(w.test) ? undefined : look(w.test, farNs.get(w.test) ?? limits.beyondEveryWaitNs));
      for (const test of lastTimers.keys()) if (!looks.has(test)) lastTimers.delete(test);
      const complete = [...looks.values()];
      if (complete.every((l) => l !== undefined)) forgetThreadsExcept(new Set(complete.flatMap((l) => [...(l?.seenThreads ?? [])])));
      const now = Date.now();
      for (const w of [...watchers]) {
        const seen = looks.get(w.test);
        if (!seen || seen.fingerprint !== w.same) {
          w.same = seen?.fingerprint;
          w.since = now;
          w.looks = seen ? 1 : 0;
          w.provenLooks = seen?.proven ? 1 : 0;
          w.timersAtSince = seen?.timers;
          continue;
        }
        w.looks++;
        w.provenLooks = seen.proven ? w.provenLooks + 1 : 0;
        const quiet = seen.timers.size === 0 ? now - w.since >= limits.stallMs || provenQuiet(w) : seen.settled && now - w.since >= limits.timerIdleMs && allGoneRound(w.timersAtSince, seen.timers);
        if (w.looks >= MIN_LOOKS && quiet) {
          watchers.delete(w);
          w.listener(seen.why);
        }
      }
    }
  } finally {
    looping = false;
  }
}

/**
 * Per test, how far off a timer must be to count as none: past every deadline, or past
 * the moment every wait of that test gives up, when each said when (a price updater
 * sleeping 10 s holds no answer the grader waits 3 s for). At least FAR_AT_LEAST_NS, so a
 * heartbeat is never taken for a sleep when a wait is about to end anyway.
 */
function farTimers(all: Iterable<Watcher>): Map<RunningTest | undefined, bigint> {
  const now = Date.now();
  const far = new Map<RunningTest | undefined, bigint>();
  for (const w of all) {
    const untilNs = w.until === undefined ? limits.beyondEveryWaitNs : BigInt(Math.max(0, w.until - now)) * 1_000_000n;
    const ns = untilNs > limits.beyondEveryWaitNs ? limits.beyondEveryWaitNs : untilNs < FAR_AT_LEAST_NS ? FAR_AT_LEAST_NS : untilNs;
    const known = far.get(w.test);
    far.set(w.test, known === undefined || ns > known ? ns : known);
  }
  return far;
}

function subscribe(listener: StallListener, until?: number): () => void {
  const w: Watcher = { listener, test: runningTest(), since: Date.now(), looks: 0, provenLooks: 0, until };
  watchers.add(w);
  if (!looping) void watch();
  return () => watchers.delete(w);
}

/**
 * One look at the programs registered (outside tests): whether it alone proves that nothing
 * is on its way to them (see provenQuiet); undefined when they do not all wait.
 */
export function provenQuietNow(): boolean | undefined {
  return look(undefined, limits.beyondEveryWaitNs)?.proven;
}

/** From now on, waits in this process end when the test's programs stall; how long a stall takes scales with the run's `deadlines`. */
export function watchForStalls(deadlines: Deadlines): void {
  limits = stallLimits(deadlines);
  provideStalls(subscribe);
}

/** True while a thread of the tree under `rootPid` is blocked reading its standard input (input()). */
export function readsKeyboard(rootPid: number): boolean {
  for (const pid of processTree(rootPid)) {
    for (const tid of procEntries(pid, 'task') ?? []) {
      const call = syscallOf(pid, tid);
      if (call && waits?.[call.nr]?.(call.args) === 'input()') return true;
    }
  }
  return false;
}

/**
 * For one program's tree, apart from the test's stall watch (a program beside the tests,
 * or one test's server): a fingerprint of its threads' waits and wake-ups when every one
 * is blocked in a wait with no deadline (recv, accept, input(), select, a lock), else
 * undefined. Unchanged over a while, the program can do nothing until someone sends.
 */
export function waitsWithoutDeadline(rootPid: number): string | undefined {
  if (!waits) return undefined;
  const parts: string[] = [];
  for (const pid of processTree(rootPid)) {
    const tids = procEntries(pid, 'task');
    if (!tids) return undefined;
    for (const tid of tids) {
      const call = syscallOf(pid, tid);
      const switches = call && sleepingSwitches(pid, tid);
      if (!call || !switches || !waits[call.nr]?.(call.args)) return undefined;
      parts.push(`${pid}/${tid}:${call.nr}:${call.args[0]}:${switches}`);
    }
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
