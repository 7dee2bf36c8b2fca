// Every student process the grader starts is listed here until it has been reaped, so
// that a grader stopped by a signal (Ctrl+C, a CI timeout) still kills them all.

import { killTree } from './process-tree.js';

const live = new Set<number>();

export function registerLive(pid: number): void {
  live.add(pid);
}

export function unregisterLive(pid: number): void {
  live.delete(pid);
}

export function killAllLive(): void {
  for (const pid of live) killTree(pid);
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
