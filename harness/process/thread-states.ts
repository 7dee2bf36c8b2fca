// Whether every thread of a program tree is asleep (state S): blocked in recv, accept,
// sendall on a full buffer, select, a lock. A thread inside a non-blocking send() is
// running (R), never asleep, which is what makes "it has stopped sending" observable.

import { readFileSync, readdirSync } from 'node:fs';
import { processTree } from './process-tree.js';

function threadState(pid: number, tid: string): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return stat.slice(close + 2, close + 3);
  } catch {
    return undefined; // the thread ended while we looked
  }
}

/** True when the tree has at least one thread and every live thread sleeps. */
export function allThreadsAsleep(rootPid: number): boolean {
  let threads = 0;
  for (const pid of processTree(rootPid)) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const state = threadState(pid, tid);
      if (state === undefined || state === 'Z' || state === 'X') continue;
      if (state !== 'S') return false;
      threads++;
    }
  }
  return threads > 0;
}
