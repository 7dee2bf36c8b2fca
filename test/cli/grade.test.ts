// The grade command as students and CI use it: exit codes, feedback, JSON, no leaks.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, mutant, privateCopy, processesMentioning, root, runCli } from './run-cli.js';

/** How long a program may take to start listening, unscaled (no --time-scale). */
const UNSCALED_STARTUP_MS = 10_000;

describe('grade command', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('grades the bundled reference at full points and exits 0', async () => {
    const r = await runCli('grade', ['task3b', 'reference']);
    expect(r.exitCode, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.match(/score: (\d+)\/\1 /);
    expect(r.leftovers).to.deep.equal([]);
  });

  it('prints one JSON report with --format json', async () => {
    const r = await runCli('grade', ['task3b', 'reference', '--format', 'json']);
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.task).to.equal('task3b');
    expect(report.score).to.equal(report.maxScore);
    expect(report.tests.length).to.be.greaterThan(0);
    for (const t of report.tests) {
      expect(t).to.include.keys('name', 'group', 'status', 'points', 'maxPoints', 'transcript');
      expect(t.status).to.equal('passed');
    }
  });

  it('gives GitHub Classroom points per test with --format classroom', async () => {
    const r = await runCli('grade', ['task3b', mutant('task3b', 'never-closes'), '--format', 'classroom']);
    expect(r.exitCode).to.equal(1);
    const results = JSON.parse(r.stdout) as { status: string; max_score: number; tests: Array<{ name: string; status: string; score: number }> };
    expect(results.status).to.equal('fail');
    expect(results.max_score).to.equal(14);
    const closes = results.tests.find((t) => t.name.endsWith('the server closes the connection after answering'));
    expect(closes).to.include({ status: 'fail', score: 0 });
    expect(results.tests.find((t) => t.name.endsWith('the server answers HELLO with HELLO'))).to.include({ status: 'pass', score: 2 });
  });

  it('rejects an unknown task with one line listing the valid ids, exit 2', async () => {
    const r = await runCli('grade', ['task99', 'reference']);
    expect(r.exitCode).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('unknown task "task99"').and.include('task3b');
  });

  it('rejects a missing submission folder, exit 2', async () => {
    const r = await runCli('grade', ['task3b', 'no/such/folder']);
    expect(r.exitCode).to.equal(2);
    expect(r.stderr).to.include('submission folder not found');
  });

  it('rejects a call without a folder in one line that says what is missing, exit 2', async () => {
    const r = await runCli('grade', ['task3b']);
    expect(r.exitCode).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('grade needs a task and a submission folder');
  });

  it('grades an empty submission: exit 1, every test skipped with its reason', async () => {
    const r = await runCli('grade', ['task3b', fixture('empty'), '--format', 'json']);
    expect(r.exitCode).to.equal(1);
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.score).to.equal(0);
    for (const t of report.tests) {
      expect(t.status).to.equal('skipped');
      expect(t.message).to.match(/no (server|client) program: expected task3b\/(server|client)\.py/);
    }
  });

  it('says what it found instead of a missing program it cannot be sure of: in the top level with no task folder, or named in other words', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'layout-'));
    try {
      const solution = path.join(root, 'specs/task3b/solutions/student-basic/task3b');
      // The server in the top level with no task folder beside it; the client named in its own words.
      cpSync(path.join(solution, 'server.py'), path.join(tmp, 'server.py'));
      cpSync(path.join(solution, 'client.py'), path.join(tmp, 'work', 'task3b_client.py'));
      const r = await runCli('grade', ['task3b', tmp, '--format', 'json']);
      expect(r.exitCode, r.stderr).to.equal(1);
      const messages = [...new Set((JSON.parse(r.stdout) as TaskReport).tests.map((t) => t.message))];
      // One line per role, the same in every test of that role.
      expect(messages.sort()).to.deep.equal([
        'skipped: no client program: expected task3b/client.py, but found work/task3b_client.py; if it is your client, put it at task3b/client.py',
        "skipped: no server program: expected task3b/server.py, but found server.py in the folder's top level; put it at task3b/server.py",
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('runs the commands of a socket-grader.json manifest, paths relative to the submission', async () => {
    const r = await runCli('grade', ['task3b', fixture('manifest')]);
    expect(r.exitCode, r.stdout).to.equal(0);
    expect(r.stdout).to.match(/score: (\d+)\/\1 /);
  });

  it("a manifest that is not valid JSON is the submission's fault: every test says where it breaks, exit 1", async () => {
    const r = await runCli('grade', ['task3b', fixture('manifest-invalid'), '--format', 'json']);
    expect(r.exitCode, r.stderr).to.equal(1);
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.tests.length).to.be.greaterThan(0);
    for (const t of report.tests) {
      expect(t.status, t.name).to.be.oneOf(['failed', 'skipped']);
      expect(t.message, t.name).to.match(/socket-grader\.json is not valid JSON: line 5, column 3: Expected double-quoted property name/);
    }
  });

  it("a manifest cannot run another submission's program or the grader's own: refused, exit 1", async () => {
    const r = await runCli('grade', ['task3b', fixture('manifest-borrows'), '--format', 'json']);
    expect(r.exitCode, r.stderr).to.equal(1);
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.score).to.equal(0);
    for (const t of report.tests) expect(t.message, t.name).to.match(/names \.\.\/\S+, which is outside your folder: only files of your own submission can be run/);
    expect(processesMentioning(fixture('manifest/code'))).to.deep.equal([]);
  });

  it('shows the traceback of a server that crashes at start, and skips its later tests', async () => {
    const r = await runCli('grade', ['task3b', fixture('crashes'), '--format', 'json']);
    expect(r.exitCode).to.equal(1);
    const report = JSON.parse(r.stdout) as TaskReport;
    const first = report.tests.find((t) => t.name === 'the server starts and listens on PORT');
    expect(first?.status).to.equal('failed');
    expect(first?.message).to.include('before it listened').and.include('Traceback').and.include("has no attribute 'listn'");
    const later = report.tests.filter((t) => t.group === 'server' && t !== first);
    for (const t of later) expect(t.message).to.include('did not start in the test "the server starts and listens on PORT"');
  });

  it('tells a student whose server listens on another port to read PORT; in a network of its own, that costs the one test', async () => {
    const r = await runCli('grade', ['task3b', fixture('hardcoded-port'), '--format', 'json']);
    const report = JSON.parse(r.stdout) as TaskReport;
    const [first, ...later] = report.tests.filter((t) => t.group === 'server');
    expect(first.status).to.equal('failed');
    expect(first.message)
      .to.match(/it listens on port \d+/)
      .and.include('os.environ.get("PORT"');
    if (isolation().mode === 'none') return;
    // The other server tests talk to it where it listens: none is skipped for the port.
    expect(first.message).to.include('this costs this one test');
    for (const t of later) expect(t.message ?? '', t.name).to.not.include('did not start');
    expect(report.dialect?.serverPort).to.be.a('number').and.not.equal(53);
  });

  // The scale comes from --time-scale, else from SOCKET_GRADER_TIME_SCALE; a flag wins over the variable.
  for (const [how, args, env] of [
    ['--time-scale 0.2', ['--time-scale', '0.2'], { SOCKET_GRADER_TIME_SCALE: '5' }],
    ['SOCKET_GRADER_TIME_SCALE=0.2', [], { SOCKET_GRADER_TIME_SCALE: '0.2' }],
  ] as const) {
    it(`reports a busy server that never listens, at the startup deadline scaled by ${how}`, async () => {
      const r = await runCli('grade', ['task3b', fixture('busy-before-listening'), '--format', 'json', ...args], env);
      const first = (JSON.parse(r.stdout) as TaskReport).tests[0];
      expect(first.message).to.include('did not listen within 2.0 s');
      // The scaled deadline, not the usual one: how long the test took, not how long the run (which depends on the machine's load).
      expect(first.durationMs).to.be.lessThan(UNSCALED_STARTUP_MS);
    });
  }

  it('reports a server waiting in input() before listening at once: it would wait forever', async () => {
    const r = await runCli('grade', ['task3b', fixture('never-listens'), '--format', 'json']);
    const first = (JSON.parse(r.stdout) as TaskReport).tests[0];
    // Without namespaces no stall is decided: the 2 s asleep rule says it instead.
    expect(first.message).to.match(/it does not listen: the server waits in input\(\), and nothing is on its way|it has been waiting for 2\.0 s \(asleep: in input\(\)/);
    expect(first.durationMs, 'not at the startup deadline').to.be.lessThan(UNSCALED_STARTUP_MS);
  });

  it('reports a server asleep in time.sleep(60) before listening at once (with namespaces: its timer is past every deadline), else once it has slept 2 s; not at the startup deadline', async () => {
    const r = await runCli('grade', ['task3b', fixture('sleeps-before-listening'), '--format', 'json']);
    const first = (JSON.parse(r.stdout) as TaskReport).tests[0];
    expect(first.message).to.match(
      /it does not listen: the server sleeps in sleep\(\) for \d+ s more, and nothing is on its way \(nothing would happen before the deadline\)|it has been waiting for 2\.0 s \(asleep: in input\(\), sleep\(\)/,
    );
    expect(first.durationMs, 'not at the startup deadline').to.be.lessThan(UNSCALED_STARTUP_MS);
  });

  it('kills a server that forks, setsid()s and ignores SIGTERM, leaving nothing running', async () => {
    // A copy of its own: the hostile programs' test grades the same fixture, maybe at the same time.
    const copy = privateCopy('forks-and-ignores-term');
    try {
      const r = await runCli('grade', ['task3b', copy]);
      expect(r.stdout).to.include('the server answers HELLO with HELLO');
      // Programs run from the grader's copy in the run's TMPDIR, or from the submission itself without namespaces.
      expect([...processesMentioning(copy), ...processesMentioning(r.tmp)]).to.deep.equal([]);
      expect(r.leftovers).to.deep.equal([]);
    } finally {
      rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  });

  it('drains a server that floods its output, and still grades it', async () => {
    const copy = privateCopy('floods');
    try {
      const r = await runCli('grade', ['task3b', copy, '--format', 'json']);
      const report = JSON.parse(r.stdout) as TaskReport;
      const answer = report.tests.find((t) => t.name === 'the server answers HELLO with HELLO');
      expect(answer?.status, answer?.message).to.equal('passed');
      expect([...processesMentioning(copy), ...processesMentioning(r.tmp)]).to.deep.equal([]);
    } finally {
      rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  });

  it('reports the robustness group as advisory with --advisory robustness', async () => {
    const r = await runCli('grade', ['task3b', mutant('task3b', 'echo-one-recv'), '--format', 'json', '--advisory', 'robustness']);
    const report = JSON.parse(r.stdout) as TaskReport;
    const pieces = report.tests.find((t) => t.group === 'robustness' && t.status === 'failed');
    expect(pieces?.advisory).to.equal(true);
    expect(report.maxScore).to.equal(report.tests.filter((t) => t.group !== 'robustness').reduce((a, t) => a + t.maxPoints, 0));
  });

  it('--test TEXT grades only the tests whose title contains TEXT, in any case; the others are not counted as failures', async () => {
    // This server never closes: graded in full it fails four tests, none of them the one asked for.
    const neverCloses = mutant('task3b', 'never-closes');
    const r = await runCli('grade', ['task3b', neverCloses, '--test', 'answers hello', '--format', 'json']);
    expect(r.exitCode, r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.tests.map((t) => `${t.status}: ${t.name}`)).to.deep.equal(['passed: the server answers HELLO with HELLO']);
    expect(report.onlyTests).to.deep.equal(['answers hello']);
    expect([report.score, report.maxScore]).to.deep.equal([2, 2]);
    const text = await runCli('grade', ['task3b', neverCloses, '--test', 'ANSWERS HELLO']);
    expect(text.exitCode, text.stderr).to.equal(0);
    expect(text.stdout).to.include('score: 2/2 of the tests you asked for').and.include('only the tests whose title contains "ANSWERS HELLO" ran');
    expect(text.stdout).to.not.include('closes the connection');
  });

  it('--test TEXT that no title contains: one line saying how to see the titles, exit 2', async () => {
    const r = await runCli('grade', ['task3b', 'reference', '--test', 'no such words']);
    expect(r.exitCode).to.equal(2);
    expect(r.stdout).to.equal('');
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('no test of task3b has "no such words" in its title').and.include('`socket-grader grade task3b reference` without --test');
  });
});
