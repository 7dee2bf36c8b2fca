// The submission as its programs get it: a copy the grader owns and every user may
// read, so a program never needs the grader's own user to read its files (a folder
// made by `mktemp -d` or `mkdir -m 700` is closed to others), and never reaches the
// original or what lies beside it. Links and special files are left out, not followed.

import { rmSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SubmissionCopy {
  dir: string;
  /** What was not copied and why, in words ("task4/data.txt: a symbolic link"). */
  leftOut: string[];
  remove(): Promise<void>;
}

/** Caches and tools a program never reads: not worth copying. */
const SKIPPED = new Set(['.git', '__pycache__', '.venv', 'venv', '.mypy_cache', '.pytest_cache', '.idea', '.vscode']);
const MAX_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

export async function copySubmission(original: string): Promise<SubmissionCopy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `socket-grader-submission-${process.pid}-`));
  await chmod(dir, 0o755);
  const leftOut: string[] = [];
  const budget = { bytes: MAX_BYTES, entries: MAX_ENTRIES };
  try {
    await copyFolder(original, dir, '', leftOut, budget);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, leftOut, remove: () => rm(dir, { recursive: true, force: true }) };
}

let kept: { original: string; version: number; copy: SubmissionCopy } | undefined;
let removedOnExit = false;

/**
 * The copy of `original` for a grading, made once for the gradings of the same folder
 * that follow (`grade all` grades one folder once per task) and removed when another
 * folder, or another `version` of it (watch counts the saves in it), is graded or the
 * process exits. Nothing a program does reaches it: it is read-only to them. For one
 * grading at a time (a grading worker's).
 */
export async function keptCopyOf(original: string, version = 0): Promise<SubmissionCopy> {
  if (kept?.original === original && kept.version === version) return kept.copy;
  const before = kept;
  kept = undefined;
  await before?.copy.remove();
  const copy = await copySubmission(original);
  kept = { original, version, copy };
  if (!removedOnExit) {
    removedOnExit = true;
    process.on('exit', () => kept && rmSync(kept.copy.dir, { recursive: true, force: true }));
  }
  return copy;
}

async function copyFolder(from: string, to: string, rel: string, leftOut: string[], budget: { bytes: number; entries: number }): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(from)).sort();
  } catch {
    leftOut.push(`${rel || '.'}: a folder the grader cannot read`);
    return;
  }
  for (const name of names) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    const shown = rel ? `${rel}/${name}` : name;
    if (SKIPPED.has(name)) continue;
    if (--budget.entries < 0) {
      leftOut.push(`${shown} and the rest: more than ${MAX_ENTRIES} files`);
      return;
    }
    const st = await lstat(source);
    if (st.isSymbolicLink()) {
      leftOut.push(`${shown}: a symbolic link (the grader copies files, not links)`);
    } else if (st.isDirectory()) {
      await mkdir(target, { mode: 0o755 });
      await chmod(target, 0o755);
      await copyFolder(source, target, shown, leftOut, budget);
    } else if (st.isFile()) {
      if (st.size > budget.bytes) {
        leftOut.push(`${shown}: the submission is larger than ${MAX_BYTES / 1024 / 1024} MiB`);
        continue;
      }
      budget.bytes -= st.size;
      await copyFile(source, target);
      // Readable by all; runnable by all when its owner could run it.
      await chmod(target, st.mode & 0o100 ? 0o755 : 0o644);
    } else {
      leftOut.push(`${shown}: not a regular file`);
    }
  }
}
