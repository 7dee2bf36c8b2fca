// Mutants are stored as deltas: `mutant.json` names its `base`, a solution of the same
// task, and the mutant's folder holds only the files that differ from it. A reader sees
// the bug in `validate --show`, and a fix to a base is made once. Grading needs the whole
// submission: the base's files with the mutant's laid over them, in a folder of its own.

import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';

export const MUTANT_FILE = 'mutant.json';
const SKIPPED = new Set(['__pycache__', MUTANT_FILE, 'solution.json']);

/** A submission's files, relative, with `/`, bookkeeping and caches aside. */
export function submissionFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
      if (SKIPPED.has(e.name)) continue;
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) found.push(child);
    }
  };
  walk('');
  return found;
}

let scratch: string | undefined;

/** One folder per process for whole mutants, readable by the users programs run as, removed when the process ends. */
function scratchDir(): string {
  if (!scratch) {
    const made = mkdtempSync(path.join(os.tmpdir(), 'socket-grader-mutants-'));
    chmodSync(made, 0o755);
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    scratch = made;
  }
  return scratch;
}

/** The base's files, then the mutant's over them, into `dest`. */
export function writeWholeMutant(stored: string, base: string | undefined, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const from of base ? [base, stored] : [stored]) {
    for (const rel of submissionFiles(from)) {
      mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
      cpSync(path.join(from, rel), path.join(dest, rel));
    }
  }
}

/** The folder a mutant is graded from: its own when stored whole, else a whole copy made once. */
export function wholeMutantDir(task: string, name: string, stored: string, base: string | undefined): string {
  if (!base) return stored;
  const dest = path.join(scratchDir(), task, name);
  if (!existsSync(dest)) writeWholeMutant(stored, base, dest);
  return dest;
}

/** The bug as a reader wants it: each file the mutant changes, as a unified diff against its base; a file of its own, whole. */
export function mutantDiff(stored: string, base: string | undefined, baseName: string | undefined): string {
  const parts: string[] = [];
  for (const rel of submissionFiles(stored)) {
    const mine = readFileSync(path.join(stored, rel), 'utf8');
    const theirs = base && existsSync(path.join(base, rel)) ? readFileSync(path.join(base, rel), 'utf8') : undefined;
    if (theirs === undefined) parts.push(`${rel}: a file of the mutant's own\n${mine}`);
    else parts.push(createTwoFilesPatch(`${baseName}/${rel}`, `mutant/${rel}`, theirs, mine, undefined, undefined, { context: 3 }));
  }
  return parts.join('\n');
}

/** Files of `a` byte-identical to the same path in `b`. */
function sameFiles(a: string, b: string): string[] {
  return submissionFiles(a).filter((rel) => existsSync(path.join(b, rel)) && readFileSync(path.join(a, rel)).equals(readFileSync(path.join(b, rel))));
}

/**
 * Rewrites a whole mutant as a delta: the solution sharing most files with it becomes its
 * base (only one whose files the mutant all has, so laying it under adds nothing), and the
 * shared files go. Returns the base's name, or undefined when no solution shares a file.
 */
export function compactMutant(stored: string, solutions: ReadonlyArray<{ name: string; dir: string }>): string | undefined {
  const metaFile = path.join(stored, MUTANT_FILE);
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
  const mine = new Set(submissionFiles(stored));
  let best: { name: string; dir: string; same: string[] } | undefined;
  const candidates = typeof meta.base === 'string' ? solutions.filter((s) => s.name === meta.base) : solutions;
  for (const s of candidates) {
    if (!submissionFiles(s.dir).every((rel) => mine.has(rel))) continue;
    const same = sameFiles(stored, s.dir);
    if (same.length > 0 && (!best || same.length > best.same.length)) best = { ...s, same };
  }
  if (!best) return typeof meta.base === 'string' ? meta.base : undefined;
  for (const rel of best.same) unlinkSync(path.join(stored, rel));
  removeEmptyFolders(stored);
  if (meta.base !== best.name) {
    const { bug, ...rest } = meta;
    writeFileSync(metaFile, `${JSON.stringify({ bug, base: best.name, ...rest })}\n`);
  }
  return best.name;
}

function removeEmptyFolders(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = path.join(dir, e.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmSync(sub, { recursive: true });
  }
}
