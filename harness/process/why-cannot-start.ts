// Why the system would refuse to start a program, found before asking it. Some refusals
// come back as no event at all (an argument over 128 KiB fails the spawn at once, with no
// process, no exit and no pid), others as a wrapper's own cryptic line ("prlimit: failed
// to execute python4: Permission denied"): asked first, each is one sentence a student
// understands, given at once.

import { statSync } from 'node:fs';
import path from 'node:path';

/** Linux's MAX_ARG_STRLEN: one argument or environment entry, its NUL included. */
export const MAX_ARGUMENT_BYTES = 128 * 1024;
/** All arguments and the environment together: well under the 2 MiB an 8 MiB stack allows. */
export const MAX_COMMAND_LINE_BYTES = 1024 * 1024;

export interface StartRequest {
  /** The command as the student named it (a name looked up in PATH, or a path). */
  command: string;
  /** Everything given to exec: the command (or its wrapper) and every argument. */
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  /** How the student reads the command, e.g. `s.sh` or `python4`. */
  shown: string;
}

const kib = (bytes: number): string => `${Math.ceil(bytes / 1024)} KiB`;

function tooLong(req: StartRequest): string | undefined {
  const entries = [...req.argv, ...Object.entries(req.env).map(([k, v]) => `${k}=${v}`)];
  const nul = entries.findIndex((e) => e.includes('\0'));
  if (nul >= 0) return `${nul === 0 ? 'its command' : 'one of its arguments'} holds a NUL byte (\\0), which no command line can carry`;
  const longest = Math.max(...entries.map((e) => Buffer.byteLength(e) + 1));
  if (longest > MAX_ARGUMENT_BYTES) {
    return `its arguments are too long (one is ${kib(longest)}; Linux allows at most ${kib(MAX_ARGUMENT_BYTES)} per argument: E2BIG)`;
  }
  const total = entries.reduce((a, e) => a + Buffer.byteLength(e) + 1 + 8, 0);
  if (total > MAX_COMMAND_LINE_BYTES) return `its arguments are too long (${kib(total)} in all; at most ${kib(MAX_COMMAND_LINE_BYTES)}: E2BIG)`;
  return undefined;
}

const INTERPRETERS: Record<string, string> = { '.py': 'python3', '.sh': 'sh', '.js': 'node', '.mjs': 'node' };

type FileState = 'missing' | 'folder' | 'not executable' | 'ok';

function fileState(file: string): FileState {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return 'folder';
    // Root may run anything with an x bit; nobody may run a file without one.
    return st.isFile() && (st.mode & 0o111) !== 0 ? 'ok' : 'not executable';
  } catch {
    return 'missing';
  }
}

function notRunnable(req: StartRequest): string | undefined {
  if (req.command.includes('/')) {
    const state = fileState(req.command);
    if (state === 'missing') return `there is no file ${req.shown} (ENOENT)`;
    if (state === 'folder') return `${req.shown} is a folder, not a program`;
    if (state === 'not executable') {
      const interpreter = INTERPRETERS[path.extname(req.command)];
      return `${req.shown} is not executable (EACCES): run chmod +x on it${interpreter ? `, or start it through its interpreter ("${interpreter} ${req.shown}")` : ''}`;
    }
    return undefined;
  }
  const dirs = (req.env.PATH ?? '').split(':').filter((d) => d !== '');
  if (dirs.some((d) => fileState(path.join(d, req.command)) === 'ok')) return undefined;
  return `there is no command ${req.shown} on the grading machine (ENOENT)`;
}

/** Why starting this would fail, in a student's words; undefined when nothing is known against it. */
export function whyCannotStart(req: StartRequest): string | undefined {
  return tooLong(req) ?? notRunnable(req);
}
