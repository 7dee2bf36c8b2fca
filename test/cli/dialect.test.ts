// Programs of other courses, which hard-code their course's port (5004, 12345): in a
// network of each test's own, the grader learns where the server listens and where the
// client connects, and the page's port costs one test ("the server starts and listens
// on PORT"), said once at the top of the report. Without namespaces, nothing changes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parseSpawnLog, SPAWN_LOG_VARIABLE } from '../../harness/process/spawn-log.js';
import { PAGE_PORT_TEST } from '../../harness/report/dialect-words.js';
import { markdownSummary } from '../../harness/report/render-summary.js';
import { renderTask } from '../../harness/report/render-text.js';
import type { AllReport, TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS, MANY_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

const isolated = isolation().mode !== 'none';

/** Whether this machine lets the grader make a user namespace of its own (as userns mode does). */
function userNamespaces(): boolean {
  try {
    execFileSync('unshare', ['--user', '--map-root-user', '--net', '--mount', 'true'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

const notPassed = (r: TaskReport): string[] => r.tests.filter((t) => t.status !== 'passed').map((t) => `${t.status}: ${t.name}`);
const why = (r: TaskReport): string =>
  r.tests
    .filter((t) => t.status !== 'passed')
    .map((t) => `${t.name}: ${t.message}`)
    .join('\n');

async function gradeJson(task: string, folder: string, env: Record<string, string> = {}): Promise<TaskReport> {
  const r = await runCli('grade', [task, fixture(folder), '--format', 'json'], env);
  expect(r.leftovers).to.deep.equal([]);
  return JSON.parse(r.stdout) as TaskReport;
}

describe('a course of its own port', function () {
  this.timeout(FEW_GRADINGS_MS);

  before(function () {
    if (!isolated) this.skip(); // learning a port needs a network of the test's own
  });

  it('a TCP pair and a UDP pair on 5004 lose only the page-port test, and the report says what was learned', async () => {
    const all = JSON.parse((await runCli('grade', ['task3b,task8', fixture('dialect-5004'), '--format', 'json'])).stdout) as AllReport;
    for (const [task, pagePort] of [
      ['task3b', 53],
      ['task8', 59],
    ] as const) {
      const report = all.tasks.find((r) => r.task === task) as TaskReport;
      expect(notPassed(report), `${task}:\n${why(report)}`).to.deep.equal([`failed: ${PAGE_PORT_TEST}`]);
      expect(report.dialect).to.deep.equal({ pagePort, serverPort: 5004, clientPort: 5004 });
      const pageTest = report.tests.find((t) => t.name === PAGE_PORT_TEST);
      expect(pageTest?.message)
        .to.include(`it ${task === 'task8' ? 'is bound' : 'listens'} on port 5004`)
        .and.include(`the page asks for port ${pagePort}`)
        .and.include('os.environ.get("PORT"')
        .and.include('this costs this one test');
      const said = `your server listens on 5004 and your client connects to 5004; the page asks for ${pagePort}: that costs one test (${PAGE_PORT_TEST})`;
      // Said once, at the top: before the first group.
      const text = renderTask(report).split('\n');
      expect(text[1]).to.include(said);
      expect(text.filter((l) => l.includes(said))).to.have.length(1);
      expect(markdownSummary([report]).split('\n').slice(0, 4).join('\n')).to.include(said);
    }
  });

  it('a client that connects to 12345 beside a server that follows the page: the client tests wait on 12345; end to end, they do not meet', async () => {
    const report = await gradeJson('task3b', 'client-port-12345');
    expect(report.dialect).to.deep.equal({ pagePort: 53, serverPort: 53, clientPort: 12345 });
    for (const t of report.tests.filter((x) => x.group !== 'end-to-end')) expect(t.status, `${t.name}: ${t.message}`).to.equal('passed');
    expect(renderTask(report)).to.include('your client connects to 12345').and.include('where it does not listen');
  });

  it('a program that follows the page is told nothing about ports', async () => {
    const report = await gradeJson('task3b', 'reading-port');
    expect(report.score, why(report)).to.equal(report.maxScore);
    expect(report.dialect).to.deep.equal({ pagePort: 53, serverPort: 53, clientPort: 53 });
    expect(renderTask(report)).to.not.include('the page asks for');
  });

  it('grading the server alone never starts the client', async () => {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'spawn-log-'));
    try {
      const log = path.join(logDir, 'spawns.log');
      const r = await runCli('grade', ['task3b', fixture('reading-port'), '--groups', 'server', '--format', 'json'], { [SPAWN_LOG_VARIABLE]: log });
      const report = JSON.parse(r.stdout) as TaskReport;
      expect(report.score, why(report)).to.equal(report.maxScore);
      const actors = parseSpawnLog(readFileSync(log, 'utf8')).map((l) => l.actor);
      expect(actors).to.include('server');
      // Learning where the client connects would start it once (client-port.ts): no test here needs it.
      expect(actors).to.not.include('client');
      expect(report.dialect).to.deep.equal({ pagePort: 53, serverPort: 53 });
    } finally {
      rmSync(logDir, { recursive: true, force: true });
    }
  });

  it('learns both ports in a user namespace of its own too (userns mode)', async function () {
    if (!userNamespaces()) this.skip();
    const report = await gradeJson('task3b', 'dialect-5004', { SOCKET_GRADER_ISOLATION: 'userns' });
    expect(report.isolation).to.equal('userns');
    expect(report.dialect).to.deep.equal({ pagePort: 53, serverPort: 5004, clientPort: 5004 });
    expect(notPassed(report), why(report)).to.deep.equal([`failed: ${PAGE_PORT_TEST}`]);
  });

  it('grades a pair on its own port ten times with one verdict', async function () {
    this.timeout(MANY_GRADINGS_MS);
    const verdicts: string[][] = [];
    // Two at a time: enough to overlap gradings, as a class run does, on a busy machine.
    for (let round = 0; round < 5; round++) {
      const reports = await Promise.all([gradeJson('task3b', 'dialect-5004'), gradeJson('task3b', 'dialect-5004')]);
      for (const r of reports) verdicts.push([...notPassed(r), JSON.stringify(r.dialect)]);
    }
    expect(verdicts).to.have.length(10);
    for (const v of verdicts) expect(v).to.deep.equal(verdicts[0]);
    expect(verdicts[0]).to.deep.equal([`failed: ${PAGE_PORT_TEST}`, JSON.stringify({ pagePort: 53, serverPort: 5004, clientPort: 5004 })]);
  });
});

// Without namespaces (SOCKET_GRADER_ISOLATION=none): test/cli/host-network.test.ts.
