// A program the system refuses to start (E2BIG, ENOENT, EACCES) is told at once, in words;
// and no pid that went missing ever becomes a signal to init or to every process.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { StudentFailure } from '../../harness/core/failures.js';
import { Transcript } from '../../harness/core/transcript.js';
import { spawnInFolder } from '../../harness/dsl/start-program.js';
import { killTree } from '../../harness/process/process-tree.js';
import { type ProgramCommand, RunningProgram } from '../../harness/process/program.js';
import { isSignalTarget, sendSignal } from '../../harness/process/send-signal.js';
import { studentEnv } from '../../harness/process/student-env.js';
import { whyCannotStart } from '../../harness/process/why-cannot-start.js';
import type { TestNetwork } from '../../harness/sandbox/test-network.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

describe('programs the system refuses to start', () => {
  let tmp: string;
  const env = studentEnv('/tmp', {});
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spawn-failures-'));
    writeFileSync(path.join(tmp, 'plain.sh'), 'echo hi\n');
    writeFileSync(path.join(tmp, 'run.sh'), '#!/bin/sh\necho hi\n');
    chmodSync(path.join(tmp, 'run.sh'), 0o755);
    mkdirSync(path.join(tmp, 'folder'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('an argument over 128 KiB, a command line over 1 MiB, a NUL byte: said before any spawn', () => {
    const big = whyCannotStart({ command: 'python3', argv: ['python3', 's.py', 'x'.repeat(140_000)], env, shown: 'python3' });
    expect(big).to.equal('its arguments are too long (one is 137 KiB; Linux allows at most 128 KiB per argument: E2BIG)');
    const many = whyCannotStart({ command: 'python3', argv: ['python3', ...Array.from({ length: 20 }, () => 'x'.repeat(100_000))], env, shown: 'python3' });
    expect(many).to.match(/^its arguments are too long \(\d+ KiB in all; at most 1024 KiB: E2BIG\)$/);
    expect(whyCannotStart({ command: 'python3', argv: ['python3', 'a\0b'], env, shown: 'python3' })).to.match(/holds a NUL byte/);
  });

  it('a command that is not there, a folder, a file without x bit: each in its words', () => {
    const at = (file: string): string | undefined => whyCannotStart({ command: path.join(tmp, file), argv: [path.join(tmp, file)], env, shown: `./${file}` });
    expect(whyCannotStart({ command: 'python4', argv: ['python4'], env, shown: 'python4' })).to.equal('there is no command python4 on the grading machine (ENOENT)');
    expect(at('missing.py')).to.equal('there is no file ./missing.py (ENOENT)');
    expect(at('folder')).to.equal('./folder is a folder, not a program');
    expect(at('plain.sh')).to.equal('./plain.sh is not executable (EACCES): run chmod +x on it, or start it through its interpreter ("sh ./plain.sh")');
    expect(at('run.sh')).to.equal(undefined);
    expect(whyCannotStart({ command: 'python3', argv: ['python3', '-c', 'pass'], env, shown: 'python3' })).to.equal(undefined);
  });

  it('no signal goes to pid 0, -1 or 1, or to a pid that is not a number', () => {
    for (const pid of [0, -1, 1, Number.NaN, 1.5]) {
      expect(isSignalTarget(pid), String(pid)).to.equal(false);
      expect(() => sendSignal(pid, 'SIGCONT'), String(pid)).to.throw(RangeError, /refusing to send SIGCONT/);
    }
    expect(isSignalTarget(undefined)).to.equal(false);
    expect(isSignalTarget(process.pid)).to.equal(true);
    // A program without a pid has no group: the tree kill signals nothing (it used to send -(-1): init).
    expect(killTree(-1)).to.deep.equal([]);
    expect(killTree(undefined)).to.deep.equal([]);
  });

  it('a spawn that fails before a process exists leaves a program without pid: signalling and killing it send nothing', async () => {
    // A missing working folder fails the spawn itself (no process, so no pid), as E2BIG does.
    const program = new RunningProgram({ file: 'inline', command: 'python3', args: ['-c', 'pass'] }, { cwd: path.join(tmp, 'gone'), env, actor: 'server', transcript: new Transcript() });
    expect(program.pid).to.be.at.most(1);
    expect(() => program.signal('SIGCONT')).to.not.throw();
    await program.kill();
    expect(program.exitInfo?.code).to.equal(127);
    expect(program.stderr.all().toString()).to.match(/could not start python3: ENOENT/);
  });

  it("a spawn that fails after the checks is told at once as the test's failure, with the system's reason", async () => {
    // A network whose folder is gone by the time the program starts: the spawn fails with no process.
    const gone = path.join(tmp, 'gone-folder');
    const network = {
      makeFolder: async () => ({ inside: gone, outside: gone, cleanup: async () => undefined }),
      wrap: (cmd: ProgramCommand) => ({ command: cmd.command, args: cmd.args, cwd: gone }),
    } as unknown as TestNetwork;
    const started = Date.now();
    const failure = await spawnInFolder({ file: 'inline', command: 'python3', args: ['-c', 'pass'] }, 'client', {}, {}, new Transcript(), network).then(
      () => undefined,
      (e: unknown) => e,
    );
    // At once, not after the 120 s a lost spawn used to cost.
    expect(Date.now() - started).to.be.lessThan(PROGRAM_WAIT_MS);
    expect(failure).to.be.instanceOf(StudentFailure);
    expect((failure as StudentFailure).details.actual).to.equal('the client could not be started: could not start python3: ENOENT');
  });
});
