// Whether the machine has CPU to spare for one more test beside those running. Tests
// side by side each wait on their own deadlines: where the cores are taken (others'
// work, busy loops, our own tests), every program gets less, and a reply that comes in
// time alone can miss its deadline (echo missed 3 s at 4 at once beside two `yes`).
// Then tests run one at a time. Measured from the grader's own wake-ups: how long each
// waited for a core (/proc/self/schedstat), which counts its priority (nice) too.
// On this 2-core machine, shared and loaded 20 or more: 0.6 to 0.9 ms a wake-up; beside
// two `yes`, 6 ms (16 ms at nice 10).

import { readFileSync } from 'node:fs';
import os from 'node:os';

/** When, and by then the nanoseconds the process's main thread had waited for a core and how many times it had run. */
type Sample = { at: number; waitedNs: number; runs: number };

/** The average wait for a core a wake-up, over the last while, above which none is to spare. */
const BUSY_WAIT_PER_WAKE_MS = 3;
/** Over at least this long (the first look of a process: since it started), at most KEEP_MS. */
const WINDOW_MS = 500;
const KEEP_MS = 5000;

function sample(): Sample | undefined {
  try {
    const [, waited, runs] = readFileSync('/proc/self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isFinite(waited) && Number.isFinite(runs) ? { at: Date.now(), waitedNs: waited, runs } : undefined;
  } catch {
    return undefined;
  }
}

const samples: Sample[] = [];
const first = sample();
if (first) samples.push(first);

/** True unless the grader's wake-ups have lately waited long for a core (where that cannot be read: the last minute's load). */
export function cpuToSpare(): boolean {
  const now = sample();
  if (!now) return os.loadavg()[0] < os.availableParallelism();
  while (samples.length > 1 && now.at - samples[1].at >= WINDOW_MS && now.at - samples[0].at > KEEP_MS) samples.shift();
  const base = [...samples].reverse().find((s) => now.at - s.at >= WINDOW_MS) ?? samples[0];
  samples.push(now);
  if (!base || now.runs <= base.runs) return true;
  return (now.waitedNs - base.waitedNs) / (now.runs - base.runs) / 1e6 < BUSY_WAIT_PER_WAKE_MS;
}
