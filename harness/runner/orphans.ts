// A worker killed from outside (a hostile program can SIGKILL its parent) cannot stop
// the programs it started. They all carry RUN_MARKER_VARIABLE=<worker pid>-<n>: find
// them by that prefix and kill them, and remove their folders, so nothing of one
// grading outlives it.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RUN_MARKER_VARIABLE } from '../process/process-tree.js';
import { isSignalTarget, sendSignal } from '../process/send-signal.js';

function startedBy(workerPid: number): number[] {
  const prefix = Buffer.from(`${RUN_MARKER_VARIABLE}=${workerPid}-`);
  const inside = Buffer.concat([Buffer.from([0]), prefix]);
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const environ = readFileSync(`/proc/${name}/environ`);
      if (environ.subarray(0, prefix.length).equals(prefix) || environ.includes(inside)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Kills every process a dead worker's programs left, until none is left (a few rounds at most: they may fork meanwhile). */
export function killOrphansOf(workerPid: number | undefined): number[] {
  if (!workerPid) return [];
  const killed: number[] = [];
  for (let round = 0; round < 5; round++) {
    const pids = startedBy(workerPid).filter((pid) => pid !== process.pid && isSignalTarget(pid));
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
