// Mutants are stored as deltas: `mutant.json` names its `base`, a solution of the same
// task, and the mutant's folder holds only the files that differ from it: a bug of a few
// lines as `<file>.patch`, a unified diff against the base's file; a rewrite whole. A
// reader sees the bug in `validate --show`, and a fix to a base is made once (a patch it
// no longer applies to is refused, naming the mutant). Grading needs the whole
// submission: the base's files with the mutant's laid over them, in a folder of its own.

import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPatch, createTwoFilesPatch } from 'diff';

export const MUTANT_FILE = 'mutant.json';
/** `<file>.patch` beside mutant.json: the base's `<file>` with the bug, as a unified diff. */
export const PATCH_SUFFIX = '.patch';
const SKIPPED = new Set(['__pycache__', MUTANT_FILE, 'solution.json']);

/** A patch no longer applies to its base's file: the base changed where the bug is. */
export class StalePatchError extends Error {
  override name = 'StalePatchError';
}

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

/** A stored mutant's files: those kept whole, and those kept as a patch on the base's file of the same path. */
export function storedFiles(stored: string): { whole: string[]; patched: string[] } {
  const all = submissionFiles(stored);
  return {
    whole: all.filter((rel) => !rel.endsWith(PATCH_SUFFIX)),
    patched: all.filter((rel) => rel.endsWith(PATCH_SUFFIX)).map((rel) => rel.slice(0, -PATCH_SUFFIX.length)),
  };
}

/** The mutant's `rel`: its patch applied to the base's `rel`; refused, naming the mutant, when it no longer applies. */
export function patchedFile(stored: string, base: string | undefined, rel: string): string {
  const patchFile = path.join(stored, rel + PATCH_SUFFIX);
  const mutant = `${path.basename(path.dirname(path.dirname(stored)))}/${path.basename(stored)}`;
  const baseFile = base ? path.join(base, rel) : undefined;
  if (!baseFile || !existsSync(baseFile))
    throw new StalePatchError(`mutant ${mutant}: ${rel}${PATCH_SUFFIX} patches ${rel}, which its base ${base ? path.basename(base) : '(none in mutant.json)'} does not have`);
  const text = applyPatch(readFileSync(baseFile, 'utf8'), readFileSync(patchFile, 'utf8'));
  if (text === false)
    throw new StalePatchError(
      `mutant ${mutant}: ${rel}${PATCH_SUFFIX} no longer applies to ${rel} of its base ${path.basename(base ?? '')}: the base changed where the bug is; apply the patch by hand to the new base and store the file whole, then run validate --compact-mutants`,
    );
  return text;
}

/** The base's files, then the mutant's over them (whole, or patched from the base's), into `dest`. */
export function writeWholeMutant(stored: string, base: string | undefined, dest: string): void {
  mkdirSync(dest, { recursive: true });
  const { whole, patched } = storedFiles(stored);
  // Every patch is applied before anything is written: a stale one leaves no half-made mutant behind.
  const fromPatches = patched.map((rel) => ({ rel, text: patchedFile(stored, base, rel) }));
  for (const [from, files] of base ? [[base, submissionFiles(base)] as const, [stored, whole] as const] : [[stored, whole] as const]) {
    for (const rel of files) {
      mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
      cpSync(path.join(from, rel), path.join(dest, rel));
    }
  }
  for (const { rel, text } of fromPatches) writeFileSync(path.join(dest, rel), text);
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
  const { whole, patched } = storedFiles(stored);
  const mutantFiles = [...whole.map((rel) => ({ rel, text: () => readFileSync(path.join(stored, rel), 'utf8') })), ...patched.map((rel) => ({ rel, text: () => patchedFile(stored, base, rel) }))];
  for (const { rel, text } of mutantFiles.sort((a, b) => a.rel.localeCompare(b.rel, 'en'))) {
    const mine = text();
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
 * base (only one whose files the mutant all has, so laying it under adds nothing), the
 * shared files go, and a file differing from the base's by a few lines becomes a patch.
 * Returns the base's name, or undefined when no solution shares a file.
 */
export function compactMutant(stored: string, solutions: ReadonlyArray<{ name: string; dir: string }>): string | undefined {
  const metaFile = path.join(stored, MUTANT_FILE);
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
  const { whole, patched } = storedFiles(stored);
  const mine = new Set([...whole, ...patched]);
  let best: { name: string; dir: string; same: string[] } | undefined;
  const candidates = typeof meta.base === 'string' ? solutions.filter((s) => s.name === meta.base) : solutions;
  for (const s of candidates) {
    if (!submissionFiles(s.dir).every((rel) => mine.has(rel))) continue;
    const same = sameFiles(stored, s.dir);
    if (same.length > 0 && (!best || same.length > best.same.length)) best = { ...s, same };
  }
  if (best) {
    for (const rel of best.same) unlinkSync(path.join(stored, rel));
    removeEmptyFolders(stored);
    if (meta.base !== best.name) {
      const { bug, ...rest } = meta;
      writeFileSync(metaFile, `${JSON.stringify({ bug, base: best.name, ...rest })}\n`);
    }
  }
  const baseName = best?.name ?? (typeof meta.base === 'string' ? meta.base : undefined);
  const baseDir = solutions.find((s) => s.name === baseName)?.dir;
  if (baseDir) patchSmallBugs(stored, baseDir);
  return baseName;
}

/** A patch of at most this share of its file's lines replaces the file: a bug of a few lines; more is a rewrite, kept whole. */
const PATCH_AT_MOST = 0.5;

const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** The patch stored for `rel`: a unified diff from the base's file to the mutant's, with git's a/ b/ names. */
export function filePatch(rel: string, theirs: string, mine: string): string {
  return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, theirs, mine, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}

/** Each whole file of the mutant whose patch on the base's file is much smaller than it becomes `<file>.patch`; returns those files. */
export function patchSmallBugs(stored: string, base: string): string[] {
  const made: string[] = [];
  for (const rel of storedFiles(stored).whole) {
    const baseFile = path.join(base, rel);
    if (!existsSync(baseFile)) continue;
    const theirs = readFileSync(baseFile, 'utf8');
    const mine = readFileSync(path.join(stored, rel), 'utf8');
    const patch = filePatch(rel, theirs, mine);
    // Only a patch that gives the file back byte for byte replaces it.
    if (lineCount(patch) > PATCH_AT_MOST * lineCount(mine) || applyPatch(theirs, patch) !== mine) continue;
    writeFileSync(path.join(stored, rel + PATCH_SUFFIX), patch);
    unlinkSync(path.join(stored, rel));
    made.push(rel);
  }
  return made;
}

function removeEmptyFolders(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = path.join(dir, e.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmSync(sub, { recursive: true });
  }
}
