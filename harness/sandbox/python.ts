// Which python3 runs a student's .py file, and which runs the grader's own helper.

import { execFile, execFileSync } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { othersMay } from './access.js';

let grader: string | undefined;

// -I -S: no site packages or user paths to load, only the path wanted.
const PROBE = ['-I', '-S', '-c', 'import sys; print(sys.executable)'];

/**
 * The real python3 behind PATH, found once a run: version managers put a shell-script
 * shim first on PATH (pyenv's costs 0.2 to 0.5 s a start, and a spec starts dozens of
 * programs); a worker is handed the one its parent found (adoptGraderPython).
 */
export function graderPython(): string {
  grader ??= binaryOnPath();
  if (!grader) {
    try {
      grader = execFileSync('python3', PROBE, { encoding: 'utf8' }).trim() || 'python3';
    } catch {
      grader = 'python3';
    }
  }
  return grader;
}

/** The first python3 on PATH when it is a program itself (no shim to see through): no process to start. */
function binaryOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir.startsWith('/')) continue;
    const candidate = path.join(dir, 'python3');
    let head: Buffer;
    try {
      const fd = openSync(candidate, 'r');
      try {
        head = Buffer.alloc(4);
        readSync(fd, head, 0, 4, 0);
      } finally {
        closeSync(fd);
      }
    } catch {
      continue;
    }
    // The first python3 decides: a binary is the real one; a script (a shim) must be run to tell.
    return head.equals(ELF) && runnable(candidate) ? candidate : undefined;
  }
  return undefined;
}

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

function runnable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A grading worker takes the python3 its run found, as its job says (never found again, never from the environment). */
export function adoptGraderPython(python: string): void {
  grader = python;
}

let finding: Promise<string> | undefined;

/** graderPython(), found without blocking: the CLI runs it beside its other probes, once per process. */
export function findGraderPython(): Promise<string> {
  finding ??= new Promise((resolve) => {
    grader ??= binaryOnPath();
    if (grader) return resolve(grader);
    const child = execFile('python3', PROBE, { encoding: 'utf8' }, (error, stdout) => {
      // A synchronous graderPython() may have decided meanwhile: one answer per process.
      grader ??= (error ? '' : stdout.trim()) || 'python3';
      resolve(grader);
    });
    child.stdin?.end();
  });
  return finding;
}

let forOthers: string | null | undefined;

/**
 * A python3 that a program running as another user can start: the grader's own, or
 * the first on PATH that others may run (pyenv lives under /root, closed to them).
 * Null when there is none.
 */
export function pythonForOtherUsers(): string | null {
  if (forOthers === undefined) {
    const candidates = [
      graderPython(),
      ...(process.env.PATH ?? '')
        .split(':')
        .filter(Boolean)
        .map((dir) => path.join(dir, 'python3')),
    ];
    forOthers = candidates.find((p) => p.startsWith('/') && othersMay(p, 'run')) ?? null;
  }
  return forOthers;
}
