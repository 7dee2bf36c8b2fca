// Every student program the grader starts is listed here until it has been killed, so
// that a grader stopped by a signal (Ctrl+C, a CI timeout) still kills them all.

import { killTree } from './process-tree.js';

/** Marker of every program not yet killed, to its root pid while that runs, and who it is ("server"). */
const live = new Map<string, { pid: number | undefined; actor: string }>();

export function registerLive(marker: string, pid: number, actor: string): void {
  live.set(marker, { pid, actor });
}

/** The root exited (its pid may be reused): only the processes it marked are left to kill. */
export function rootExited(marker: string): void {
  const entry = live.get(marker);
  if (entry) entry.pid = undefined;
}

/** Every program not yet killed: its marker, its root while that runs, who it is. */
export function liveRoots(): Array<{ marker: string; pid: number | undefined; actor: string }> {
  return [...live].map(([marker, { pid, actor }]) => ({ marker, pid, actor }));
}

export function unregisterLive(marker: string): void {
  live.delete(marker);
}

export function killAllLive(): void {
  for (const [marker, { pid }] of live) killTree(pid, marker);
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
