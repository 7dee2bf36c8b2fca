// A student's program may fork, spawn threads that fork, or setsid() away from its
// process group. The tree under its pid, read from /proc, is the truth for both
// "which sockets are its" and "what must be killed".

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isSignalTarget, sendSignal } from './send-signal.js';

/** The names in /proc/<pid>/<folder> (its threads under task, its open files under fd); undefined once it is gone. */
export function procEntries(pid: number, folder: 'task' | 'fd'): string[] | undefined {
  try {
    return readdirSync(`/proc/${pid}/${folder}`);
  } catch {
    return undefined;
  }
}

/** Its direct children, from every thread's children list. */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  const tids = procEntries(pid, 'task');
  if (!tids) return found;
  for (const tid of tids) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(/\s+/)) found.push(Number(c));
    } catch {
      // the thread ended while we looked
    }
  }
  return found;
}

/** The pid and every live descendant, parents before children. */
export function processTree(rootPid: number): number[] {
  const seen: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (seen.includes(pid)) continue;
    seen.push(pid);
    queue.push(...childrenOf(pid));
  }
  return seen.filter(isAlive);
}

export function isAlive(pid: number): boolean {
  try {
    // A zombie still has a /proc entry but holds no sockets and cannot act.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/**
 * True when the tree has a live thread and every one sleeps (blocked in recv, accept,
 * sendall on a full buffer, select, a lock). A thread inside a non-blocking send() is
 * running, never asleep: that is what makes "it has stopped sending" observable.
 */
export function allThreadsAsleep(rootPid: number): boolean {
  let threads = 0;
  for (const pid of processTree(rootPid)) {
    for (const tid of procEntries(pid, 'task') ?? []) {
      let state: string;
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        state = stat[stat.lastIndexOf(')') + 2];
      } catch {
        continue; // the thread ended while we looked
      }
      if (state === 'Z' || state === 'X') continue;
      if (state !== 'S') return false;
      threads++;
    }
  }
  return threads > 0;
}

/** How many threads the tree under `rootPid` has (a fork per client counts too). */
export function threadCount(rootPid: number): number {
  let threads = 0;
  for (const pid of processTree(rootPid)) threads += procEntries(pid, 'task')?.length ?? 0;
  return threads;
}

/** Total CPU time (user + system) in clock ticks; rising while idle means a busy loop. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  sendSignal(pid, sig);
}

/** The environment variable that marks every process a program starts (see markedProcesses). */
export const RUN_MARKER_VARIABLE = 'SOCKET_GRADER_RUN';

/** Whether `pid` runs as `uid` (a look at its /proc entry's owner, far cheaper than reading its environment). */
function runsAs(pid: string, uid: number): boolean {
  try {
    return statSync(`/proc/${pid}`).uid === uid;
  } catch {
    return false;
  }
}

/**
 * Live processes whose environment holds RUN_MARKER_VARIABLE=`marker`. The environment
 * is inherited through fork and exec: this finds a program's descendants even after
 * their parent exited and they left its group with setsid (orphans the /proc
 * children walk can no longer reach). With `uid`, the user the program runs as (one of
 * its own), only that user's processes are read. With `prefix`, every marker that
 * begins with `marker` (a worker's `<pid>-` finds the processes of all its programs).
 */
export function markedProcesses(marker: string, uid?: number, { prefix = false } = {}): number[] {
  // Entries are NUL-terminated: the marker is the first entry, or follows a NUL.
  const entry = Buffer.from(`${RUN_MARKER_VARIABLE}=${marker}${prefix ? '' : '\0'}`);
  const inside = Buffer.concat([Buffer.from([0]), entry]);
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    if (uid !== undefined && !runsAs(name, uid)) continue;
    try {
      const environ = readFileSync(`/proc/${name}/environ`);
      if (environ.subarray(0, entry.length).equals(entry) || environ.includes(inside)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found.filter(isAlive);
}

/** The root's descendants and the processes carrying its marker, without repeats. */
function programProcesses(rootPid: number | undefined, marker: string | undefined, uid: number | undefined): number[] {
  const pids = rootPid === undefined ? [] : processTree(rootPid);
  if (marker) for (const pid of markedProcesses(marker, uid)) if (!pids.includes(pid)) pids.push(pid);
  return pids;
}

/**
 * Kills the process group led by `rootPid` and every descendant, including those
 * that escaped the group with setsid, or outlived the root (found by `marker`, among
 * the processes of `uid` when the program runs as a user of its own).
 * Freezes them first so nothing forks between looking and killing.
 */
export function killTree(rootPidGiven: number | undefined, marker?: string, uid?: number): number[] {
  // A program whose spawn failed has no pid (or -1): there is no group then, and -(-1) is init.
  const rootPid = isSignalTarget(rootPidGiven) && rootPidGiven > 1 ? rootPidGiven : undefined;
  // The group is signalled only while its leader's pid still names it.
  if (rootPid !== undefined) signal(-rootPid, 'SIGSTOP');
  let tree = programProcesses(rootPid, marker, uid);
  for (let round = 0; round < 5; round++) {
    for (const pid of tree) signal(pid, 'SIGSTOP');
    const again = programProcesses(rootPid, marker, uid);
    if (again.length === tree.length) break;
    tree = again;
  }
  if (rootPid !== undefined) signal(-rootPid, 'SIGKILL');
  for (const pid of tree) signal(pid, 'SIGKILL');
  return tree;
}
