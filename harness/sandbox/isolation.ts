// How much the grader can isolate the programs it runs, decided once per grading run
// and handed to its workers: each test in its own network and mount namespace (as root,
// or in a user namespace of its own), or nothing (ports from the environment only).

import { execFileSync } from 'node:child_process';

export type IsolationMode = 'root' | 'userns' | 'none';

export interface Isolation {
  mode: IsolationMode;
  /** One sentence for the report header. */
  summary: string;
}

/** How workers learn the mode the CLI found (and how a user forces 'none'). */
export const ISOLATION_VARIABLE = 'SOCKET_GRADER_ISOLATION';

const SUMMARY: Record<IsolationMode, string> = {
  root:
    "each test runs in its own network (loopback only) at the exercise's own ports; programs run as an unprivileged user with resource limits",
  userns:
    "each test runs in its own network (loopback only) at the exercise's own ports, inside a user namespace; programs run as your own user with resource limits",
  none: 'no network isolation here: programs must take HOST and PORT from the environment',
};

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
    mode = works('unshare', ['--net', '--mount', 'true']) ? 'root' : 'none';
    if (mode === 'none') why = ' (running as root, but this container forbids new namespaces)';
  } else {
    mode = works('unshare', ['--user', '--map-root-user', '--net', '--mount', 'true']) ? 'userns' : 'none';
    if (mode === 'none') why = ' (not root, and unprivileged user namespaces are not allowed: run the grader with sudo to get them)';
  }
  decided = { mode, summary: SUMMARY[mode] + why };
  return decided;
}
