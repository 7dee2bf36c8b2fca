// The benchmark times the commands as students and instructors run them: built
// JavaScript, one process per command, its wall time from start to exit, and the memory
// its processes held.

import path from 'node:path';
import { execa } from 'execa';
import { projectRoot } from '../core/paths.js';
import { type MemoryPeaks, watchMemory } from './memory.js';

export interface Timed {
  seconds: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  memory: MemoryPeaks;
}

/** Runs `command` with `args`, its deadlines scaled by `timeScale` (the bench's own `--time-scale`). */
export async function timeCli(command: 'grade' | 'validate' | 'class', args: string[], timeScale: number, env: Record<string, string> = {}): Promise<Timed> {
  const started = Date.now();
  const cli = path.join(projectRoot, 'dist', 'harness', 'cli', `${command}.js`);
  const child = execa(process.execPath, [cli, ...args, '--time-scale', String(timeScale)], { env, reject: false, stdin: 'ignore', maxBuffer: 512 * 1024 * 1024 });
  const memory = child.pid === undefined ? undefined : watchMemory(child.pid);
  const r = await child;
  return {
    seconds: (Date.now() - started) / 1000,
    exitCode: r.exitCode ?? -1,
    stdout: String(r.stdout),
    stderr: String(r.stderr),
    memory: memory?.stop() ?? { treePeakMiB: 0, workerPeakMiB: 0 },
  };
}
