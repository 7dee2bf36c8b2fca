// Grading workers whose channel is gone: a worker that died (a crash, a hostile program's
// SIGKILL) is closed as a no-op and replaced, never a crash of the grader itself
// (ERR_IPC_DISCONNECTED at close, once in three validate runs).

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { pollUntil } from '../../harness/core/time.js';
import { isAlive } from '../../harness/process/process-tree.js';
import { gradeTask } from '../../harness/runner/grade-task.js';
import { GradingWorker, WorkerFailure, WorkerGone } from '../../harness/runner/grading-worker.js';
import { closeWorkers, warmWorker } from '../../harness/runner/worker-pool.js';
import { fixture } from '../cli/run-cli.js';

/** Pids of this process's live grading workers (children running grade-worker.js). */
function gradingWorkers(): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid || state === 'Z') continue;
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('grade-worker.js')) found.push(Number(name));
    } catch {
      // gone
    }
  }
  return found;
}

/** True once `pid` has died: reaped, or a zombie (its channel closed, its exit maybe not yet seen by us). */
function dead(pid: number): true | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z') ? true : undefined;
  } catch {
    return true;
  }
}

/** A node child with an IPC channel, running `code`: a stand-in worker in a state a real one reaches only by accident. */
function inlineWorker(code: string): { child: ChildProcess; worker: GradingWorker } {
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  return { child, worker: new GradingWorker(child) };
}

const job = {
  id: 1,
  task: 'echo',
  submission: '/nonexistent',
  seed: 1,
  groups: [],
  tests: [],
  folderVersion: 0,
  settings: { isolation: 'none' as const, python: 'python3', timeScale: 1, watchStalls: true },
  testsAtOnce: 1,
};

describe('grading workers', function () {
  // Each grading starts a worker (~0.4 s of CPU): generous on a machine busy with other runs.
  this.timeout(120_000);

  afterEach(() => closeWorkers());

  it('closing the pool right after a worker was killed is a no-op for that worker', async () => {
    await gradeTask('echo', fixture('empty'), { seed: 1 });
    const [pid] = gradingWorkers();
    expect(pid, 'a grading worker after a grading').to.be.a('number');
    process.kill(pid, 'SIGKILL');
    await closeWorkers();
    expect(isAlive(pid)).to.equal(false);
    expect(gradingWorkers()).to.deep.equal([]);
  });

  it('closing the pool once a killed worker has gone is a no-op for that worker', async () => {
    await gradeTask('echo', fixture('empty'), { seed: 1 });
    const [pid] = gradingWorkers();
    process.kill(pid, 'SIGKILL');
    expect(await pollUntil(() => dead(pid), 10_000), 'the killed worker dead').to.equal(true);
    await closeWorkers();
    expect(gradingWorkers()).to.deep.equal([]);
  });

  it('a worker killed between gradings is replaced by a fresh one for the next', async () => {
    const first = await gradeTask('echo', fixture('empty'), { seed: 1 });
    const [pid] = gradingWorkers();
    process.kill(pid, 'SIGKILL');
    expect(await pollUntil(() => dead(pid), 10_000), 'the killed worker dead').to.equal(true);
    // Sent before the pool has seen the death or after: either way a fresh worker grades.
    const second = await gradeTask('echo', fixture('empty'), { seed: 1 });
    expect(second.tests.map((t) => t.status)).to.deep.equal(first.tests.map((t) => t.status));
    const [fresh] = gradingWorkers();
    expect(fresh).to.be.a('number').and.not.equal(pid);
  });

  it('a grading announced ahead is graded by the worker started for it, and announcing it again starts no other', async () => {
    warmWorker('echo');
    warmWorker('echo');
    const warmed = gradingWorkers();
    expect(warmed, 'one worker started ahead of the grading').to.have.length(1);
    const report = await gradeTask('echo', fixture('empty'), { seed: 1 });
    expect(report.tests.length).to.be.greaterThan(0);
    expect(gradingWorkers(), 'the same worker graded it').to.deep.equal(warmed);
    // Announced again once it is idle with the spec loaded: it is the one again.
    warmWorker('echo');
    await gradeTask('echo', fixture('empty'), { seed: 1 });
    expect(gradingWorkers()).to.deep.equal(warmed);
  });

  it('closing a worker whose channel closed but that has not exited ends it, without touching the channel', async () => {
    const { child, worker } = inlineWorker('process.disconnect(); setInterval(() => {}, 1000)');
    await once(child, 'disconnect');
    expect(worker.alive).to.equal(false);
    await worker.close();
    expect(child.exitCode !== null || child.signalCode !== null, 'the worker ended').to.equal(true);
  });

  it('a worker closed twice at once is closed once', async () => {
    const { child, worker } = inlineWorker("process.on('disconnect', () => process.exit(0)); setInterval(() => {}, 1000)");
    await once(child, 'spawn');
    await Promise.all([worker.close(), worker.close()]);
    expect(child.exitCode).to.equal(0);
  });

  it("a grading sent to a worker whose channel closed fails as that worker's failure, not the grader's", async () => {
    const { child, worker } = inlineWorker('process.disconnect(); setInterval(() => {}, 1000)');
    await once(child, 'disconnect');
    const failure = await worker.run(job, 10_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).to.be.instanceOf(WorkerFailure);
    expect(failure).to.be.instanceOf(WorkerGone);
    expect((failure as WorkerFailure).why).to.include('channel');
    await worker.kill();
  });

  it('a grading whose worker dies while grading fails with how it ended', async () => {
    const { child, worker } = inlineWorker("process.on('message', () => process.kill(process.pid, 'SIGKILL'))");
    await once(child, 'spawn');
    const failure = await worker.run(job, 10_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).to.be.instanceOf(WorkerFailure);
    expect(failure).to.not.be.instanceOf(WorkerGone);
    expect((failure as WorkerFailure).why).to.equal('it was killed by SIGKILL');
    await worker.close();
  });
});
