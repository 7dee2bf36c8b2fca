// How much the grader can isolate the programs it runs, decided once per grading run
// and handed to its workers: each test in its own network, mount, IPC and PID namespace
// (as root, or in a user namespace of its own), or nothing (ports from the environment only).

import { execFileSync } from 'node:child_process';
import { cgroupVersion } from './cgroup.js';
import { LIMITS } from './limits.js';

export type IsolationMode = 'root' | 'userns' | 'none';

export interface Isolation {
  mode: IsolationMode;
  /** One sentence for the report header. */
  summary: string;
}

/** How workers learn the mode the CLI found (and how a user forces 'none'). */
export const ISOLATION_VARIABLE = 'SOCKET_GRADER_ISOLATION';

/** The report's first line: what holds for the programs of each test, in this mode. */
function summaryOf(mode: IsolationMode): string {
  const own = "each test runs in its own network (loopback only) at the exercise's own ports, with its own processes (a PID namespace: nothing of it outlives the test) and its own IPC";
  if (mode === 'root') {
    const whole = cgroupVersion()
      ? `memory (${LIMITS.testMemoryBytes / MiB} MiB) and processes (${LIMITS.testProcesses}) bounded for the test as a whole`
      : 'memory bounded per process (no control groups here)';
    return `${own}; programs run as unprivileged users of their own, without capabilities, seeing a copy of the submission only; ${whole}`;
  }
  if (mode === 'userns') return `${own}, inside a user namespace; programs run as your own user without capabilities, with per-process limits`;
  return 'no network isolation here: programs must take HOST and PORT from the environment';
}

const MiB = 1024 * 1024;

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

let decided: Isolation | undefined;

export function isolation(): Isolation {
  if (decided) return decided;
  const forced = process.env[ISOLATION_VARIABLE];
  let mode: IsolationMode;
  let why = '';
  if (forced === 'none' || forced === 'root' || forced === 'userns') {
    mode = forced;
  } else if (process.platform !== 'linux') {
    mode = 'none';
    why = ` (namespaces are Linux only)`;
  } else if (!works('nsenter', ['--version'])) {
    mode = 'none';
    why = ' (nsenter from util-linux is not installed)';
  } else if (process.getuid?.() === 0) {
    mode = works('unshare', ['--net', '--mount', '--ipc', '--pid', '--fork', 'true']) ? 'root' : 'none';
    if (mode === 'none') why = ' (running as root, but this container forbids new namespaces)';
  } else {
    mode = works('unshare', ['--user', '--map-root-user', '--net', '--mount', '--ipc', '--pid', '--fork', 'true']) ? 'userns' : 'none';
    if (mode === 'none') why = ' (not root, and unprivileged user namespaces are not allowed: run the grader with sudo to get them)';
  }
  decided = { mode, summary: summaryOf(mode) + why };
  return decided;
}
