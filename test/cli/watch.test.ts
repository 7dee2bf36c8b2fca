// socket-grader watch on a real folder: a save regrades and says which tests changed;
// Ctrl+C to the process group mid-grading ends it (exit 0) with nothing left behind;
// --test that no title contains is bad input (exit 2).

import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect } from 'chai';
import { pollUntil } from '../../harness/core/time.js';
import { parseSpawnLog, SPAWN_LOG_VARIABLE } from '../../harness/process/spawn-log.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS, MANY_GRADINGS_MS, PROGRAM_WAIT_MS } from '../limits.js';
import { processesMentioning, processesWithEnvironment, root, runCli, settled } from './run-cli.js';

/** A whole grading of task3b, awaited as one event: a hang reaches it, a busy machine does not. */
const GRADING_WAIT_MS = FEW_GRADINGS_MS / 2;
// This server never closes the connection (four tests fail); the student-basic solution's server does.
const NEVER_CLOSES = path.join(root, 'specs/task3b/mutants/never-closes/task3b');
const FIXED_SERVER = path.join(root, 'specs/task3b/solutions/student-basic/task3b/server.py');

/** The watch command running in its own process group, as in a terminal, in a TMPDIR of its own. */
class WatchRun {
  readonly lines: string[] = [];
  readonly tmp = mkdtempSync(path.join(os.tmpdir(), 'watch-test-'));
  readonly spawnLog = path.join(this.tmp, '..', `${path.basename(this.tmp)}.spawns`);
  readonly exited: Promise<number | null>;
  private stderr = '';
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [path.join(root, 'dist', 'harness', 'cli', 'watch.js'), ...args], {
      cwd: root,
      env: { ...process.env, GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '', TMPDIR: this.tmp, [SPAWN_LOG_VARIABLE]: this.spawnLog },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    createInterface({ input: this.child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      this.lines.push(line);
      for (const w of this.waiters) w();
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** The first line at or after `from` that `test` accepts, and its index; fails at the deadline saying what it awaited. */
  waitForLine(test: (line: string) => boolean, what: string, from = 0): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const i = this.lines.findIndex((l, n) => n >= from && test(l));
        if (i < 0) return false;
        done();
        resolve(i);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`watch never printed ${what} within ${GRADING_WAIT_MS / 1000} s; it printed:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`));
      }, GRADING_WAIT_MS);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(onLine);
      };
      const onLine = (): void => void check();
      if (!check()) this.waiters.add(onLine);
    });
  }

  /** The programs the gradings started, by who they are ("server", "client"). */
  spawnedActors(): string[] {
    return existsSync(this.spawnLog) ? parseSpawnLog(readFileSync(this.spawnLog, 'utf8')).map((l) => l.actor) : [];
  }

  /** Ctrl+C in its terminal: SIGINT to its whole process group. */
  interrupt(): void {
    process.kill(-this.pid, 'SIGINT');
  }

  async exitCode(): Promise<number | null> {
    const code = await pollUntil(() => this.child.exitCode ?? (this.child.signalCode ? -1 : undefined), PROGRAM_WAIT_MS, 20);
    if (code === undefined) throw new Error(`watch did not exit within ${PROGRAM_WAIT_MS / 1000} s of Ctrl+C; it printed:\n${this.lines.join('\n')}`);
    return this.child.exitCode;
  }

  /** Anything of a failed test still running is killed; its folders go. */
  dispose(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) process.kill(-this.pid, 'SIGKILL');
    rmSync(this.tmp, { recursive: true, force: true });
    rmSync(this.spawnLog, { force: true });
  }
}

/** Nothing of the watch is left: every process of it carries its TMPDIR (workers, the sandbox helper and its namespace holders); a student's program runs from the grader's copy of the folder, inside that TMPDIR. */
async function expectNothingLeft(run: WatchRun, folder: string): Promise<void> {
  const tmp = run.tmp;
  expect(await settled(() => processesWithEnvironment(`TMPDIR=${tmp}`)), 'grader processes left').to.deep.equal([]);
  expect(await settled(() => [...processesMentioning(tmp), ...processesMentioning(folder)]), 'student programs left').to.deep.equal([]);
  expect(readdirSync(tmp), 'temp folders left').to.deep.equal([]);
}

describe('watch command', function () {
  this.timeout(MANY_GRADINGS_MS);

  let folder: string;
  let run: WatchRun | undefined;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'watched-'));
    cpSync(NEVER_CLOSES, path.join(folder, 'task3b'), { recursive: true });
  });

  afterEach(() => {
    run?.dispose();
    run = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it('grades again when a file is saved, and says which tests now pass', async () => {
    run = new WatchRun(['task3b', folder]);
    const first = await run.waitForLine((l) => l.startsWith('watching '), 'that it watches after the first grading');
    expect(run.lines.slice(0, first).join('\n')).to.include('✗ the server closes the connection after answering');
    copyFileSync(FIXED_SERVER, path.join(folder, 'task3b', 'server.py'));
    const again = await run.waitForLine((l) => l.startsWith('── run 2'), 'a second run after the save', first);
    expect(run.lines[again]).to.include('task3b/server.py changed');
    const changes = await run.waitForLine((l) => l.startsWith('since the last run:'), 'what changed since the first run', again);
    expect(run.lines[changes]).to.include('now passing: ').and.include('"the server closes the connection after answering"').and.include('now failing: 0');
    // The grading of the fixed server passes in full: its programs ran from the saved file, not the copy of the first run.
    expect(run.lines.slice(again, changes).join('\n')).to.match(/score: (\d+)\/\1 /);
    // Ctrl+C while it waits for a save.
    run.interrupt();
    expect(await run.exitCode()).to.equal(0);
    await expectNothingLeft(run, folder);
  });

  it('Ctrl+C to its process group mid-grading: exit 0, no process, network or temp folder left', async () => {
    run = new WatchRun(['task3b', folder]);
    const watched = run;
    // A program of the grading has started, and the grading has not ended.
    const started = await pollUntil(() => (watched.spawnedActors().length > 0 ? true : undefined), GRADING_WAIT_MS, 20);
    expect(started, `no program started within ${GRADING_WAIT_MS / 1000} s:\n${run.lines.join('\n')}`).to.equal(true);
    expect(run.lines.some((l) => l.startsWith('watching '))).to.equal(false);
    run.interrupt();
    expect(await run.exitCode()).to.equal(0);
    expect(run.lines.join('\n')).to.not.include('score:');
    await expectNothingLeft(run, folder);
  });

  it('--test that no title contains: one line saying how to see the titles, exit 2', async () => {
    const r = await runCli('watch', ['task3b', folder, '--test', 'no such words']);
    expect(r.exitCode, r.stdout).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('no test of task3b has "no such words" in its title');
    expect(r.leftovers).to.deep.equal([]);
  });

  it('--test works while watching: only the tests asked for, each run', async () => {
    run = new WatchRun(['task3b', folder, '--test', 'closes the connection']);
    const first = await run.waitForLine((l) => l.startsWith('watching '), 'that it watches after the first grading');
    const report = run.lines.slice(0, first).join('\n');
    expect(report).to.include('✗ the server closes the connection after answering').and.include('score: 0/1 of the tests you asked for');
    expect(report).to.not.include('answers HELLO');
    if (isolation().mode !== 'none') expect(run.spawnedActors(), 'the client started for server tests alone').to.not.include('client');
    run.interrupt();
    expect(await run.exitCode()).to.equal(0);
  });
});
