// What watch counts as a save: a change anywhere in the folder, a burst of them as one,
// and never Python's caches, version control or an editor's swap files.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ignoredChange, watchSaves } from '../../harness/cli/folder-saves.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

describe('saves in a watched folder', () => {
  it('ignores caches, version control and editors’ own files; not the student’s files', () => {
    for (const p of ['task3b/__pycache__/server.cpython-312.pyc', '.git/index', 'server.pyc', 'task3b/.server.py.swp', 'server.py~', '4913', '.#server.py']) expect(ignoredChange(p), p).to.equal(true);
    for (const p of ['task3b/server.py', 'client.py', 'socket-grader.json', 'task3b/data.txt']) expect(ignoredChange(p), p).to.equal(false);
  });

  it('reports a burst of changes, in a folder made after the watch began, as one save; a change to a cache alone is none', async function () {
    this.timeout(2 * PROGRAM_WAIT_MS);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'saves-'));
    const saves: string[][] = [];
    let notify: () => void = () => undefined;
    const watcher = watchSaves(dir, 300, (files) => {
      saves.push(files);
      notify();
    });
    const nextSave = (what: string): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no save reported within ${PROGRAM_WAIT_MS / 1000} s: ${what}`)), PROGRAM_WAIT_MS);
        notify = () => {
          clearTimeout(timer);
          resolve(saves.shift() ?? []);
        };
      });
    try {
      const first = nextSave('the new folder');
      mkdirSync(path.join(dir, 'task3b'));
      expect(await first).to.deep.equal(['task3b']);
      const second = nextSave('two files written together, and a cache beside them');
      mkdirSync(path.join(dir, 'task3b', '__pycache__'));
      writeFileSync(path.join(dir, 'task3b', '__pycache__', 'server.cpython-312.pyc'), 'cache');
      writeFileSync(path.join(dir, 'task3b', 'server.py'), 'print(1)\n');
      writeFileSync(path.join(dir, 'task3b', 'client.py'), 'print(2)\n');
      expect(await second).to.deep.equal(['task3b/client.py', 'task3b/server.py']);
    } finally {
      watcher.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
