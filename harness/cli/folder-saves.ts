// Saves in a submission folder, as watch needs them: every change anywhere in it, a burst
// of them (an editor writes a file in several steps, a checkout many files) as one.

import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

/** Folders no save of a student's program is in: Python's caches, version control, editors' settings. */
const IGNORED_FOLDERS = new Set(['__pycache__', '.git', '.hg', '.svn', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.idea', '.vscode', '.venv', 'venv', 'node_modules']);
/** Files written beside a save, not the save: compiled Python, editors' swap and backup files. */
const IGNORED_FILE = /(\.py[co]|\.sw[a-p]|~|\.tmp|^4913)$|^\.#/;

/** Whether a change to `relative` (a path inside the folder) is no save of the student's. */
export function ignoredChange(relative: string): boolean {
  const parts = relative.split(path.sep);
  return parts.some((p) => IGNORED_FOLDERS.has(p)) || IGNORED_FILE.test(parts[parts.length - 1] ?? '');
}

export interface FolderSaves {
  close(): void;
}

/**
 * Calls `onSaved` with the files changed (relative to `dir`) once `quietMs` have passed
 * without another change. A change whose file the system does not name counts as one.
 */
export function watchSaves(dir: string, quietMs: number, onSaved: (files: string[]) => void): FolderSaves {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, name) => {
    const relative = name === null ? '' : String(name);
    if (relative !== '' && ignoredChange(relative)) return;
    pending.add(relative || '(a file)');
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending = new Set();
      onSaved(files);
    }, quietMs);
  });
  // A folder removed or unreadable mid-watch: the next grading says so, the watch goes on.
  watcher.on('error', () => undefined);
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
