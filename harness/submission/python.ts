// Which python3 runs a student's .py file, and which runs the grader's own helper.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { othersMay } from '../sandbox/access.js';

let grader: string | undefined;

/** Where a grading process hands the python3 it found to its workers. */
export const PYTHON_VARIABLE = 'SOCKET_GRADER_PYTHON';

/**
 * The real python3 behind PATH, found once a run: version managers put a shell-script
 * shim first on PATH (pyenv's costs 0.2 to 0.5 s a start, and a spec starts dozens of
 * programs); a worker takes the one its parent found.
 */
export function graderPython(): string {
  grader ??= process.env[PYTHON_VARIABLE] || undefined;
  if (!grader) {
    try {
      grader = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim() || 'python3';
    } catch {
      grader = 'python3';
    }
  }
  return grader;
}

let forOthers: string | null | undefined;

/**
 * A python3 that a program running as another user can start: the grader's own, or
 * the first on PATH that others may run (pyenv lives under /root, closed to them).
 * Null when there is none.
 */
export function pythonForOtherUsers(): string | null {
  if (forOthers === undefined) {
    const candidates = [graderPython(), ...(process.env.PATH ?? '').split(':').filter(Boolean).map((dir) => path.join(dir, 'python3'))];
    forOthers = candidates.find((p) => p.startsWith('/') && othersMay(p, 'run')) ?? null;
  }
  return forOthers;
}
