// How much the grader can isolate the programs it runs, decided once per grading run
// and handed to its workers: each test in its own network, mount, IPC and PID namespace
// (as root, or in a user namespace of its own), or nothing (ports from the environment only).

import { execFile, execFileSync } from 'node:child_process';
import { LIMITS } from '../process/limits.js';
import { cgroupVersion } from './cgroup.js';

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

const PROBE_TIMEOUT_MS = 5000;

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: PROBE_TIMEOUT_MS });
    return true;
  } catch {
    return false;
  }
}

function worksSoon(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { timeout: PROBE_TIMEOUT_MS }, (error) => resolve(error === null));
    child.stdin?.end();
  });
}

/** What the machine allows, from the two probes: nsenter runs, and unshare makes namespaces. */
interface Probes {
  nsenter: boolean;
  unshare: boolean;
}

/** The mode that needs no probe: forced by the user, or no Linux. */
function withoutProbes(): Isolation | undefined {
  const forced = process.env[ISOLATION_VARIABLE];
  if (forced === 'none' || forced === 'root' || forced === 'userns') return { mode: forced, summary: summaryOf(forced) };
  if (process.platform !== 'linux') return { mode: 'none', summary: `${summaryOf('none')} (namespaces are Linux only)` };
  return undefined;
}

const asRoot = (): boolean => process.getuid?.() === 0;

/** What unshare must manage: new namespaces as root, else inside a user namespace of its own. */
const unshareArgs = (): string[] => [...(asRoot() ? [] : ['--user', '--map-root-user']), '--net', '--mount', '--ipc', '--pid', '--fork', 'true'];

function fromProbes({ nsenter, unshare }: Probes): Isolation {
  let mode: IsolationMode;
  let why = '';
  if (!nsenter) {
    mode = 'none';
    why = ' (nsenter from util-linux is not installed)';
  } else if (asRoot()) {
    mode = unshare ? 'root' : 'none';
    if (mode === 'none') why = ' (running as root, but this container forbids new namespaces)';
  } else {
    mode = unshare ? 'userns' : 'none';
    if (mode === 'none') why = ' (not root, and unprivileged user namespaces are not allowed: run the grader with sudo to get them)';
  }
  return { mode, summary: summaryOf(mode) + why };
}

let decided: Isolation | undefined;
let deciding: Promise<Isolation> | undefined;

/**
 * The run's mode, found once per process: its two probes (each a process start) run side
 * by side, beside the CLI's other probes (grade-task.ts), not one after another.
 */
export function findIsolation(): Promise<Isolation> {
  deciding ??= (async () => {
    const known = decided ?? withoutProbes();
    if (known) return known;
    const [nsenter, unshare] = await Promise.all([worksSoon('nsenter', ['--version']), worksSoon('unshare', unshareArgs())]);
    // A synchronous isolation() may have decided meanwhile: one answer per process.
    decided ??= fromProbes({ nsenter, unshare });
    return decided;
  })();
  return deciding;
}

/** A grading worker takes its run's mode, as its job says: one mode for every worker of a run, found once by the run. */
export function adoptIsolation(mode: IsolationMode): void {
  if (decided?.mode !== mode) decided = { mode, summary: summaryOf(mode) };
}

/** The run's mode, at once: decided already (findIsolation, or the worker's variable), else probed now. */
export function isolation(): Isolation {
  decided ??= withoutProbes() ?? fromProbes({ nsenter: works('nsenter', ['--version']), unshare: works('unshare', unshareArgs()) });
  return decided;
}
