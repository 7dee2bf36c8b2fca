// Every student program the grader starts is listed here until it has been killed, so
// that a grader stopped by a signal (Ctrl+C, a CI timeout) still kills them all.

import type { RunningTest } from '../core/running-test.js';
import { killTree } from './process-tree.js';

interface LiveProgram {
  /** Its root process, while that runs. */
  pid: number | undefined;
  /** Who it is in the test: "server", "client". */
  actor: string;
  /** The user it runs as, when one of its own. */
  uid: number | undefined;
  /** Its root only forks the program and waits (see Launch): not a thread of the program's own. */
  launcher?: boolean;
  /** Run beside the tests (learning where a client connects), not by one: no test waits for it. */
  besideTests?: boolean;
  /** The test that started it, when tests run side by side: only that test's waits look at it. */
  test?: RunningTest;
}

/** Every program not yet killed, by its marker. */
const live = new Map<string, LiveProgram>();

export function registerLive(marker: string, program: LiveProgram): void {
  live.set(marker, program);
}

/** The root exited (its pid may be reused): only the processes it marked are left to kill. */
export function rootExited(marker: string): void {
  const entry = live.get(marker);
  if (entry) entry.pid = undefined;
}

/** Every program not yet killed, with its marker. */
export function liveRoots(): Array<LiveProgram & { marker: string }> {
  return [...live].map(([marker, program]) => ({ marker, ...program }));
}

export function unregisterLive(marker: string): void {
  live.delete(marker);
}

export function killAllLive(): void {
  for (const [marker, { pid, uid }] of live) killTree(pid, marker, uid);
  live.clear();
}

let installed = false;

/** On SIGINT/SIGTERM/SIGHUP: kill every live student process, then exit 130/143. */
export function killLiveProgramsOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      killAllLive();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('exit', killAllLive);
}
