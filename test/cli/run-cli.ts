// Runs the real CLI as a user would, in a private TMPDIR so leaks can be counted.

import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { loadFixtures } from '../../harness/runner/fixtures.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixture = (name: string): string => path.join(root, 'test', 'fixtures', name);

/**
 * A fixture copied to a folder of the caller's own, for a test that counts the processes
 * left that mention its path: test files run in parallel, and another may be grading the
 * same fixture. Remove `path.dirname(copy)` when done.
 */
export function privateCopy(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fixture-copy-'));
  // Readable by others, as the fixture is: its programs run as users of their own, as they would from there.
  chmodSync(dir, 0o755);
  const copy = path.join(dir, path.basename(name));
  cpSync(fixture(name), copy, { recursive: true });
  return copy;
}

/** A known mutant as a whole submission (mutants are stored as deltas on a solution). */
export function mutant(task: string, name: string): string {
  const found = loadFixtures(task).mutants.find((m) => m.name === name);
  if (!found) throw new Error(`${task} has no mutant ${name}`);
  return found.dir;
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Entries left in the private TMPDIR after the run. */
  leftovers: string[];
  /** That TMPDIR (removed): processes of the run carry it in their environment. */
  tmp: string;
}

export async function runCli(command: 'grade' | 'watch' | 'validate' | 'class' | 'bench' | 'socket-grader', args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
  try {
    const r = await execa(process.execPath, [path.join(root, 'dist', 'harness', 'cli', `${command}.js`), ...args], {
      reject: false,
      // Run inside a GitHub Actions job, the grader must not write to that job's own step files.
      env: { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '', ...env, TMPDIR: tmp },
      cwd: root,
    });
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), leftovers: readdirSync(tmp), tmp };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Pids of live processes whose /proc/<pid>/<file> passes `test` (gone or unreadable ones skipped). */
function processesWhere(file: 'cmdline' | 'environ', test: (text: string) => boolean): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (test(readFileSync(`/proc/${pid}/${file}`, 'utf8'))) found.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Pids of live processes whose command line mentions `needle`. */
export function processesMentioning(needle: string): number[] {
  return processesWhere('cmdline', (cmdline) => cmdline.includes(needle));
}

/** Pids of live processes whose environment holds `entry` (e.g. TMPDIR=<a run's own>). */
export function processesWithEnvironment(entry: string): number[] {
  return processesWhere('environ', (environ) => environ.split('\0').includes(entry));
}

/** Processes `find` finds, once those on their way out have gone (a killed process is reaped a moment after). */
export async function settled(find: () => number[]): Promise<number[]> {
  const end = Date.now() + PROGRAM_WAIT_MS;
  for (;;) {
    const left = find();
    if (left.length === 0 || Date.now() > end) return left;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
