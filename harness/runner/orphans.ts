// A worker killed from outside (a hostile program can SIGKILL its parent) cannot stop
// the programs it started. They all carry RUN_MARKER_VARIABLE=<worker pid>-<n>: find
// them by that prefix and kill them, and remove their folders, so nothing of one
// grading outlives it.

import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markedProcesses } from '../process/process-tree.js';
import { isSignalTarget, sendSignal } from '../process/send-signal.js';

/** Kills every process a dead worker's programs left, until none is left (a few rounds at most: they may fork meanwhile). */
export function killOrphansOf(workerPid: number | undefined): number[] {
  if (!workerPid) return [];
  const killed: number[] = [];
  for (let round = 0; round < 5; round++) {
    const pids = markedProcesses(`${workerPid}-`, undefined, { prefix: true }).filter((pid) => pid !== process.pid && isSignalTarget(pid));
    if (pids.length === 0) break;
    for (const pid of pids) if (sendSignal(pid, 'SIGKILL')) killed.push(pid);
  }
  return killed;
}

/**
 * Removes the working folders a dead worker made for its programs: tmp names them
 * `<prefix>-<pid>-<random>` in the temp folder the worker shared with us.
 */
export function removeTempFoldersOf(workerPid: number | undefined): string[] {
  if (!workerPid) return [];
  const mine = new RegExp(`^socket-grader-.*-${workerPid}-[A-Za-z0-9]+$`);
  const removed: string[] = [];
  for (const name of readdirSync(os.tmpdir())) {
    if (!mine.test(name)) continue;
    rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
