// A control group per test, so its limits hold for the test as a whole: memory counts
// every program's private and shared memory and the files they leave in the test's
// tmpfs, and the process count every program's processes and threads together. cgroup
// v2 (GitHub's runners, recent distributions) or v1 (older kernels, some containers);
// where neither can be written (not root), per-process limits are all there is.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pollUntil } from '../core/time.js';
import { isSignalTarget, sendSignal } from '../process/send-signal.js';

export interface TestCgroup {
  /** Files a process writes its own pid into to join the group (before it execs the program). */
  readonly procsFiles: string[];
  /** How many times the kernel killed a process of the test for want of memory. */
  oomKills(): number;
  /** Kills what is left in it and removes it. */
  remove(): Promise<void>;
}

export interface CgroupLimits {
  memoryBytes: number;
  processes: number;
}

const ROOT = '/sys/fs/cgroup';

type Layout = { version: 2; base: string } | { version: 1; memory: string; pids: string };

let layout: Layout | null | undefined;

/** Where this process may make groups: its cgroup v2 root, or its v1 memory and pids groups; null when it may not. */
function findLayout(): Layout | null {
  if (layout !== undefined) return layout;
  layout = null;
  if (process.getuid?.() !== 0) return layout;
  try {
    if (existsSync(`${ROOT}/cgroup.controllers`)) {
      const available = readFileSync(`${ROOT}/cgroup.controllers`, 'utf8');
      if (!/\bmemory\b/.test(available) || !/\bpids\b/.test(available)) return layout;
      // Children of the root group may have controllers whatever the root holds.
      const enabled = readFileSync(`${ROOT}/cgroup.subtree_control`, 'utf8');
      if (!/\bmemory\b/.test(enabled) || !/\bpids\b/.test(enabled)) writeFileSync(`${ROOT}/cgroup.subtree_control`, '+memory +pids');
      layout = { version: 2, base: ROOT };
      return layout;
    }
    const own = ownV1Groups();
    const memory = own.memory && path.join(ROOT, 'memory', own.memory);
    const pids = own.pids && path.join(ROOT, 'pids', own.pids);
    if (memory && pids && existsSync(memory) && existsSync(pids)) layout = { version: 1, memory, pids };
  } catch {
    layout = null;
  }
  return layout;
}

/** This process's group in each v1 hierarchy, from /proc/self/cgroup ("4:memory:/a/b"). */
function ownV1Groups(): Record<string, string> {
  const groups: Record<string, string> = {};
  for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
    const [, controllers, where] = line.split(':');
    if (!controllers || where === undefined) continue;
    for (const c of controllers.split(',')) groups[c] = where;
  }
  return groups;
}

/** Which kind of group tests get here, for the report's first line. */
export function cgroupVersion(): 1 | 2 | undefined {
  return findLayout()?.version;
}

let made = 0;
let swept = false;

/**
 * Groups of graders that died before removing them (killed by a CI timeout, say): a
 * group is named for its worker's pid, and one whose worker is gone is emptied and removed.
 */
function sweepOrphans(where: Layout): void {
  if (swept) return;
  swept = true;
  const parents = where.version === 2 ? [where.base] : [where.memory, where.pids];
  for (const parent of parents) {
    for (const name of readdirSync(parent)) {
      const owner = /^socket-grader-(\d+)-\d+$/.exec(name)?.[1];
      if (!owner || existsSync(`/proc/${owner}`)) continue;
      const dir = path.join(parent, name);
      killAll(dir);
      try {
        rmdirSync(dir);
      } catch {
        // its processes are still dying: the next run removes it
      }
    }
  }
}

/** A new group with the limits; undefined where groups cannot be made (the caller falls back to per-process limits). */
export function createTestCgroup(limits: CgroupLimits): TestCgroup | undefined {
  const where = findLayout();
  if (!where) return undefined;
  sweepOrphans(where);
  const name = `socket-grader-${process.pid}-${++made}`;
  try {
    if (where.version === 2) {
      const dir = path.join(where.base, name);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'memory.max'), String(limits.memoryBytes));
      writeIfThere(path.join(dir, 'memory.swap.max'), '0');
      writeFileSync(path.join(dir, 'pids.max'), String(limits.processes));
      return new Group([dir], () => counter(path.join(dir, 'memory.events'), 'oom_kill'));
    }
    const memory = path.join(where.memory, name);
    const pids = path.join(where.pids, name);
    mkdirSync(memory);
    mkdirSync(pids);
    writeFileSync(path.join(memory, 'memory.limit_in_bytes'), String(limits.memoryBytes));
    // Memory plus swap at the same bound: nothing of the test goes to swap instead.
    writeIfThere(path.join(memory, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
    writeFileSync(path.join(pids, 'pids.max'), String(limits.processes));
    return new Group([memory, pids], () => counter(path.join(memory, 'memory.oom_control'), 'oom_kill'));
  } catch {
    return undefined;
  }
}

class Group implements TestCgroup {
  readonly procsFiles: string[];

  constructor(
    private readonly dirs: string[],
    readonly oomKills: () => number,
  ) {
    this.procsFiles = dirs.map((d) => path.join(d, 'cgroup.procs'));
  }

  async remove(): Promise<void> {
    const left = (): boolean => {
      for (const dir of this.dirs) {
        if (!existsSync(dir)) continue;
        killAll(dir);
        try {
          rmdirSync(dir);
        } catch {
          return false; // processes still dying
        }
      }
      return true;
    };
    if (!(await pollUntil(() => (left() ? true : undefined), 10_000, 5))) {
      throw new Error(`the control groups ${this.dirs.join(', ')} still held processes 10 s after the test`);
    }
  }
}

function killAll(dir: string): void {
  const kill = path.join(dir, 'cgroup.kill');
  if (existsSync(kill)) {
    writeIfThere(kill, '1');
    return;
  }
  let procs = '';
  try {
    procs = readFileSync(path.join(dir, 'cgroup.procs'), 'utf8');
  } catch {
    return;
  }
  for (const pid of procs.split('\n').filter(Boolean).map(Number)) {
    if (isSignalTarget(pid)) sendSignal(pid, 'SIGKILL');
  }
}

function writeIfThere(file: string, value: string): void {
  try {
    writeFileSync(file, value);
  } catch {
    // this kernel has no such knob (no swap accounting, no cgroup.kill)
  }
}

/** `name N` from a flat keyed file such as memory.events. */
function counter(file: string, name: string): number {
  try {
    const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(readFileSync(file, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
