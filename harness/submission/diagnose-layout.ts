// When a task's program is not where the grader looks, says what was found instead and
// what to do: a server.py beside chat/ rather than in it, a submission unpacked one folder
// too deep, a chat_server.py. Reads names only (never a file's contents) and never
// follows a link, so a hostile submission costs a bounded walk at most.

import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';

/** Program files the grader can run by convention (locate-program.ts's order). */
export const PROGRAM_EXTENSIONS = ['.py', '.js', '.mjs', '.ts'] as const;

/** How deep and how wide the walk goes: an unpacked archive is a folder or two deep. */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 2000;
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', 'venv', '.venv']);

/** A program file of the submission: its path from the submission's top, with `/`. */
interface Found {
  rel: string;
  folder: string;
  stem: string;
  ext: string;
}

/** Program files up to MAX_DEPTH folders down, hidden folders and links aside, in a stable order. */
export function programFiles(submission: string): string[] {
  const found: string[] = [];
  let seen = 0;
  const walk = (rel: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(submission, rel), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isFile() && (PROGRAM_EXTENSIONS as readonly string[]).includes(path.extname(e.name))) found.push(child);
      else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)) walk(child, depth + 1);
    }
  };
  walk('', 0);
  return found;
}

function describe(rel: string): Found {
  const ext = path.posix.extname(rel);
  return { rel, folder: path.posix.dirname(rel), stem: path.posix.basename(rel, ext), ext };
}

const ROLES = ['server', 'client'];

/** `role` as a word of `stem`: at its start, after a non-letter, a capital, or the task's name. */
function namesRole(stem: string, role: string, task: string): boolean {
  const lower = stem.toLowerCase();
  for (let at = lower.indexOf(role); at !== -1; at = lower.indexOf(role, at + 1)) {
    if (at === 0 || !/[a-z]/i.test(stem[at - 1]) || /[A-Z]/.test(stem[at]) || lower.slice(0, at).endsWith(task.toLowerCase())) return true;
  }
  return false;
}

/** "in the folder's top level" for a file there; its path otherwise. */
function where(f: Found): string {
  return f.folder === '.' ? `${f.rel} in the folder's top level` : f.rel;
}

/** The one task folder of the top level (lower case), when there is exactly one: a loose file beside it is that task's. */
function onlyTaskFolder(topFolders: readonly string[], tasks: readonly string[]): string | undefined {
  const known = new Set(tasks.map((t) => t.toLowerCase()));
  const present = [...new Set(topFolders.map((d) => d.toLowerCase()).filter((d) => known.has(d)))];
  return present.length === 1 ? present[0] : undefined;
}

/**
 * A misplaced program the grader can run where it is, because nothing else could be meant:
 * the only file named as the role (any capitals, a runnable extension) whose place names
 * the task, either inside a folder of the task's name (any capitals, up to the walk's
 * depth: an archive unpacked one folder too deep) or in the top level beside a folder of
 * the task's name, the only task folder there (`server.py` beside `chat/`). Its path from the submission's top.
 */
export function acceptableLayout(files: readonly string[], task: string, role: string, tasks: readonly string[], topFolders: readonly string[]): string | undefined {
  const others = new Set(tasks.filter((t) => t !== task).map((t) => t.toLowerCase()));
  const lower = task.toLowerCase();
  const named = files
    .map(describe)
    .filter(
      (f) =>
        f.stem.toLowerCase() === role &&
        !f.rel
          .toLowerCase()
          .split('/')
          .some((part) => others.has(part)),
    )
    .filter((f) => (f.folder === '.' ? onlyTaskFolder(topFolders, tasks) === lower : f.folder.toLowerCase().split('/').at(-1) === lower));
  // One extension of one place: server.py and server.js side by side are still one program, in the runner's order.
  const places = new Set(named.map((f) => `${f.folder}/${f.stem}`));
  if (places.size !== 1) return undefined;
  return named.sort((a, b) => PROGRAM_EXTENSIONS.indexOf(a.ext as (typeof PROGRAM_EXTENSIONS)[number]) - PROGRAM_EXTENSIONS.indexOf(b.ext as (typeof PROGRAM_EXTENSIONS)[number]))[0].rel;
}

/**
 * One sentence for the student, or undefined when nothing found looks like the program.
 * `files`: the submission's program files (programFiles); `tasks`: every task id, so a
 * program of another task (task3b/server.py while chat is graded) is never offered.
 */
export function diagnoseLayout(files: readonly string[], task: string, role: string, tasks: readonly string[]): string | undefined {
  const others = new Set(tasks.filter((t) => t !== task));
  const candidates = files
    .map(describe)
    // Another task's programs, and this task's other program where it belongs, are not this one misplaced.
    .filter((f) => !f.rel.split('/').some((part) => others.has(part)) && !(f.folder === task && ROLES.includes(f.stem)));
  const expected = (ext: string): string => `${task}/${role}${ext}`;

  // The whole layout one folder (or two) too deep: the folder to grade is the one above it.
  const deeper = candidates.find((f) => f.stem === role && f.folder.endsWith(`/${task}`));
  if (deeper) {
    const inside = deeper.folder.slice(0, -task.length - 1);
    return `found ${expected(deeper.ext)} inside ${inside}/; grade that folder instead of the one above it`;
  }
  const lower = (s: string): string => s.toLowerCase();
  // Named as the role, in the wrong place or with other capitals: server.py, Chat/server.py, chat/Server.py.
  const named = candidates.find((f) => lower(f.stem) === role);
  if (named) return `found ${where(named)}; put it at ${expected(named.ext)}`;
  // Named after the role in other words: chat_server.py, ChatServer.py, server1.py (not observer.py).
  const likeRole = candidates.find((f) => namesRole(f.stem, role, task));
  if (likeRole) return `found ${where(likeRole)}; if it is your ${role}, put it at ${expected(likeRole.ext)}`;
  // Named after the task (chat.py): it may be either program.
  const likeTask = candidates.find((f) => lower(f.stem) === lower(task) || lower(f.folder).split('/').includes(lower(task)));
  if (likeTask) return `found ${where(likeTask)}; the ${role} goes at ${expected(likeTask.ext)}`;
  return undefined;
}
