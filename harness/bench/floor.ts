// The floor of grading: the same number of starts of the same interpreters, each doing
// nothing, with the same parallelism. What grading costs above it is the grader's overhead.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { parseSpawnLog } from '../process/spawn-log.js';
import { mapConcurrently } from '../runner/pool.js';

/** Interpreter path → how many times grading started it, from a spawn log. */
export function countStarts(logFile: string): Map<string, number> {
  const counts = new Map<string, number>();
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return counts;
  }
  for (const { command } of parseSpawnLog(text)) counts.set(command, (counts.get(command) ?? 0) + 1);
  return counts;
}

/** What makes an interpreter start and exit at once; other programs start with no arguments. */
function doNothing(command: string): string[] {
  const name = path.basename(command);
  if (name.startsWith('python')) return ['-c', 'pass'];
  if (name === 'node' || command === process.execPath) return ['-e', '0'];
  return [];
}

/** Wall time of starting every counted interpreter, `parallelism` at a time. */
export async function floorSeconds(starts: Map<string, number>, parallelism: number): Promise<number> {
  const runs = [...starts].flatMap(([command, n]) => Array.from({ length: n }, () => command));
  const started = Date.now();
  await mapConcurrently(runs, parallelism, async (command) => {
    await execa(command, doNothing(command), { reject: false, stdin: 'ignore' });
  });
  return (Date.now() - started) / 1000;
}
