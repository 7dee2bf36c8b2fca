// Finds how to run a submission's program for a task and role: `<task>/<role>.<ext>`
// by convention, or a command from the submission's manifest (socket-grader.json).

import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ProgramCommand } from '../process/program.js';
import { graderPython } from './python.js';
import { bundleTypeScript } from './typescript-runner.js';

export type Role = 'server' | 'client';

export const MANIFEST_FILE = 'socket-grader.json';

/** Tried in this order; the first that exists is run. */
const RUNNERS: Array<{ ext: string; command: (file: string) => Promise<ProgramCommand> }> = [
  { ext: '.py', command: async (file) => ({ file, command: graderPython(), args: ['-u', file] }) },
  { ext: '.js', command: async (file) => ({ file, command: process.execPath, args: [file] }) },
  { ext: '.mjs', command: async (file) => ({ file, command: process.execPath, args: [file] }) },
  { ext: '.ts', command: async (file) => ({ file, command: process.execPath, args: [await bundleTypeScript(file)] }) },
];

export type Located = { found: ProgramCommand } | { missing: string } | { broken: string };

type Manifest = Record<string, Partial<Record<Role, string | string[]>>>;

function readManifest(submission: string): Manifest | undefined {
  const file = path.join(submission, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new Error(`${MANIFEST_FILE} is not valid JSON: ${(e as Error).message}`);
  }
}

function fromManifest(submission: string, entry: string | string[]): ProgramCommand {
  const words = Array.isArray(entry) ? entry : entry.trim().split(/\s+/);
  // Paths in a manifest are relative to the submission folder; the program runs elsewhere.
  const resolved = words.map((w) => (w.includes('/') || existsSync(path.join(submission, w)) ? absoluteIfExists(submission, w) : w));
  const [command, ...args] = resolved;
  return { file: words.join(' '), command, args };
}

function absoluteIfExists(submission: string, word: string): string {
  const p = path.resolve(submission, word);
  return existsSync(p) ? p : word;
}

export async function locateProgram(submission: string, task: string, role: Role): Promise<Located> {
  const manifestEntry = readManifest(submission)?.[task]?.[role];
  if (manifestEntry) return { found: fromManifest(submission, manifestEntry) };

  const base = path.join(submission, task, role);
  for (const runner of RUNNERS) {
    const file = base + runner.ext;
    if (!existsSync(file)) continue;
    try {
      return { found: await runner.command(file) };
    } catch (e) {
      return { broken: `${task}/${role}${runner.ext} does not compile:\n${(e as Error).message}` };
    }
  }
  if (existsSync(base) && statSync(base).isFile()) {
    try {
      accessSync(base, constants.X_OK);
      return { found: { file: base, command: base, args: [] } };
    } catch {
      return { missing: `${task}/${role} exists but is not executable (chmod +x it, or name it ${role}.py)` };
    }
  }
  return { missing: `no ${role} program: expected ${task}/${role}.py (or .js, .mjs, .ts, or an entry in ${MANIFEST_FILE})` };
}
