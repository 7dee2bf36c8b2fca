// Peak memory of a command as it runs: of its whole process tree (what a class run holds
// at once) and of its largest grading worker (VmHWM, the kernel's own high-water mark, so
// a peak between two samples is not missed for a worker that lives to the end).

import { readFileSync } from 'node:fs';
import { processTree } from '../process/process-tree.js';

export interface MemoryPeaks {
  /** The most the command's processes held at once, summed (MiB). */
  treePeakMiB: number;
  /** The largest peak of one grading worker (MiB); 0 when none ran. */
  workerPeakMiB: number;
}

const SAMPLE_EVERY_MS = 100;

/** kB figures of /proc/<pid>/status, or undefined once the process is gone. */
function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function isWorker(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('grade-worker.js');
  } catch {
    return false;
  }
}

/** Samples `rootPid`'s tree until stopped; `stop()` gives the peaks seen. */
export function watchMemory(rootPid: number): { stop: () => MemoryPeaks } {
  let treeKiB = 0;
  const workers = new Map<number, number>();
  const sample = (): void => {
    let sum = 0;
    for (const pid of processTree(rootPid)) {
      sum += statusKiB(pid, 'VmRSS') ?? 0;
      if (workers.has(pid) || isWorker(pid)) workers.set(pid, Math.max(workers.get(pid) ?? 0, statusKiB(pid, 'VmHWM') ?? 0));
    }
    treeKiB = Math.max(treeKiB, sum);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return { treePeakMiB: mib(treeKiB), workerPeakMiB: mib(Math.max(0, ...workers.values())) };
    },
  };
}

function mib(kib: number): number {
  return Math.round((kib / 1024) * 10) / 10;
}
