// Finds how to run a submission's program for a task and role: `<task>/<role>.<ext>`
// by convention, or a command from the submission's manifest (socket-grader.json).

import { accessSync, constants, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { listTasks } from '../core/paths.js';
import type { ProgramCommand } from '../process/program.js';
import { graderPython } from '../sandbox/python.js';
import { acceptableLayout, diagnoseLayout, programFiles } from './diagnose-layout.js';
import { MANIFEST_FILE, type ManifestEntry, type Role, readManifest } from './manifest.js';
import { bundleTypeScript } from './typescript-runner.js';

export type { Role };

export { MANIFEST_FILE };

/** Tried in this order; the first that exists is run. */
const RUNNERS: Array<{ ext: string; command: (file: string, submission: string) => Promise<ProgramCommand> }> = [
  { ext: '.py', command: async (file) => ({ file, command: graderPython(), args: ['-u', file] }) },
  { ext: '.js', command: async (file) => ({ file, command: process.execPath, args: [file] }) },
  { ext: '.mjs', command: async (file) => ({ file, command: process.execPath, args: [file] }) },
  { ext: '.ts', command: async (file, submission) => ({ file, command: process.execPath, args: [await bundleTypeScript(file, submission)] }) },
];

/** `refused`: the manifest or a file leads outside the submission, or the manifest is broken: the program cannot start. */
export type Located = { found: ProgramCommand } | { missing: string } | { broken: string } | { refused: string };

/** `inner` is `outer` or lies within it. */
function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Where a link finally leads, or undefined when nothing is there. */
function realTarget(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/**
 * A manifest's words as the program gets them: paths (a word with a slash, or naming
 * something in the submission) become absolute, and must stay inside the submission,
 * links included: another student's program or the grader's own solutions are not yours.
 */
function fromManifest(submission: string, entry: ManifestEntry, where: string): ProgramCommand | { refused: string } {
  const words = Array.isArray(entry) ? entry : entry.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return { refused: `${where} in ${MANIFEST_FILE} is an empty command` };
  const root = realTarget(submission) ?? path.resolve(submission);
  const resolved: string[] = [];
  for (const w of words) {
    if (path.isAbsolute(w)) {
      return {
        refused: `${where} in ${MANIFEST_FILE} names ${w}, an absolute path: paths there are relative to your folder (e.g. "task4/server.py"), and a command is named by itself (e.g. "python3")`,
      };
    }
    const p = path.resolve(submission, w);
    const present = existsSync(p) || realTarget(p) !== undefined;
    if (!w.includes('/') && !present) {
      resolved.push(w);
      continue;
    }
    if (!isWithin(path.resolve(submission), p)) return { refused: `${where} in ${MANIFEST_FILE} names ${w}, which is outside your folder: only files of your own submission can be run` };
    const real = realTarget(p);
    if (real !== undefined && !isWithin(root, real)) return { refused: `${where} in ${MANIFEST_FILE} names ${w}, a symbolic link that leads outside your folder (to ${real}): submit the file itself` };
    // Paths are relative to the submission folder; the program runs elsewhere.
    resolved.push(present ? p : w);
  }
  const [command, ...args] = resolved;
  return { file: words.join(' '), command, args, fromManifest: true };
}

/** A program "file" that is a named pipe, a folder or a device: bundling or reading it would block or fail. */
function notAFile(file: string, shown: string): Located | undefined {
  const st = statSync(file);
  if (st.isFile()) return undefined;
  const what = st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : 'a device';
  return { refused: `${shown} is ${what}, not a file` };
}

/** A program file found by its conventional name that is a link out of the submission. */
function linkOut(submission: string, file: string, shown: string): Located | undefined {
  const real = realTarget(file);
  const root = realTarget(submission) ?? path.resolve(submission);
  if (real === undefined || isWithin(root, real)) return undefined;
  return { refused: `${shown} is a symbolic link to ${real}, outside your folder: submit the file itself` };
}

export async function locateProgram(submission: string, task: string, role: Role): Promise<Located> {
  const manifest = readManifest(submission);
  if ('invalid' in manifest) return { refused: manifest.invalid };
  const manifestEntry = 'entries' in manifest ? manifest.entries[task]?.[role] : undefined;
  if (manifestEntry !== undefined && manifestEntry !== '') {
    const located = fromManifest(submission, manifestEntry, `"${task}"."${role}"`);
    return 'refused' in located ? located : { found: located };
  }

  const base = path.join(submission, task, role);
  for (const runner of RUNNERS) {
    const file = base + runner.ext;
    if (existsSync(file)) return runnable(submission, file, `${task}/${role}${runner.ext}`, runner);
  }
  if (existsSync(base) && statSync(base).isFile()) {
    const out = linkOut(submission, base, `${task}/${role}`);
    if (out) return out;
    try {
      accessSync(base, constants.X_OK);
      return { found: { file: base, command: base, args: [] } };
    } catch {
      return { missing: `${task}/${role} exists but is not executable (chmod +x it, or name it ${role}.py)` };
    }
  }
  const loose = looseProgram(submission, task, role);
  if (loose) return runnable(submission, path.join(submission, loose.rel), loose.rel, loose.runner);
  const instead = diagnoseLayout(programFiles(submission), task, role, listTasks());
  if (instead) return { missing: `no ${role} program: expected ${task}/${role}.py, but ${instead}` };
  return { missing: `no ${role} program: expected ${task}/${role}.py (or .js, .mjs, .ts, or an entry in ${MANIFEST_FILE})` };
}

async function runnable(submission: string, file: string, shown: string, runner: (typeof RUNNERS)[number]): Promise<Located> {
  const out = linkOut(submission, file, shown) ?? notAFile(file, shown);
  if (out) return out;
  try {
    return { found: await runner.command(file, submission) };
  } catch (e) {
    return { broken: `${shown} does not compile:\n${(e as Error).message}` };
  }
}

/** The folders of the submission's top level (names only). */
function topFolders(submission: string): string[] {
  try {
    return readdirSync(submission, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

/** A misplaced program that can only be this one (diagnose-layout.ts), and how to run it. */
function looseProgram(submission: string, task: string, role: Role): { rel: string; runner: (typeof RUNNERS)[number] } | undefined {
  const rel = acceptableLayout(programFiles(submission), task, role, listTasks(), topFolders(submission));
  const runner = rel === undefined ? undefined : RUNNERS.find((r) => rel.endsWith(r.ext));
  return rel !== undefined && runner ? { rel, runner } : undefined;
}

/**
 * Where the task's program was found and run, when not where the page asks (an archive
 * unpacked a folder too deep, `server.py` beside `chat/`): its path from the submission's
 * top, for the report to say once. Undefined when it is in place, named by the manifest,
 * or missing.
 */
export function misplacedProgram(submission: string, task: string, role: Role): string | undefined {
  const manifest = readManifest(submission);
  if ('invalid' in manifest) return undefined;
  const entry = 'entries' in manifest ? manifest.entries[task]?.[role] : undefined;
  if (entry !== undefined && entry !== '') return undefined;
  const base = path.join(submission, task, role);
  if (existsSync(base) || RUNNERS.some((r) => existsSync(base + r.ext))) return undefined;
  return looseProgram(submission, task, role)?.rel;
}
