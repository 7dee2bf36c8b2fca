// How the grader starts programs, graded through the CLI: a manifest's {port} and {host}
// reach programs that read argv only, and a server that dies at start is told what it
// was started with, beside its stderr (or that there was none), its signal in words.

import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

async function firstServerTest(submission: string): Promise<TaskReport['tests'][number]> {
  const r = await runCli('grade', ['task3b', fixture(submission), '--groups', 'server', '--format', 'json']);
  expect(r.exitCode, r.stderr).to.equal(1);
  const first = (JSON.parse(r.stdout) as TaskReport).tests.find((t) => t.name === 'the server starts and listens on PORT');
  expect(first?.status).to.equal('failed');
  return first as TaskReport['tests'][number];
}

describe('launch contracts', function () {
  this.timeout(FEW_GRADINGS_MS);

  it("fills a manifest's {port} and {host} with PORT and HOST: programs that read argv only get full points", async () => {
    const r = await runCli('grade', ['task3b', fixture('manifest-argv'), '--format', 'json']);
    const report = JSON.parse(r.stdout) as TaskReport;
    for (const t of report.tests) expect(t.status, `${t.name}: ${t.message}`).to.equal('passed');
    expect(r.exitCode, r.stderr).to.equal(0);
  });

  it('a server that exits 1 printing nothing: how it was started, and "it printed nothing on stderr"', async () => {
    const first = await firstServerTest('dies-silently');
    expect(first.message)
      .to.include('exited with code 1')
      .and.include('it printed nothing on stderr')
      .and.match(/it was started as "python3 -u task3b\/server\.py", in the folder \S+, with HOST=127\.0\.0\.1 and PORT=\d+/)
      .and.not.include('read the error below');
  });

  it('a server killed by SIGSEGV without arguments: the crash in words, and how to give it its port', async () => {
    const first = await firstServerTest('segfaults-without-port');
    expect(first.message)
      .to.include('it crashed (segmentation fault, signal 11)')
      .and.include('it printed nothing on stderr')
      .and.include('"server": ["./server", "{port}"]')
      .and.match(/it was started as "python3 -u task3b\/server\.py", in the folder \S+, with HOST=127\.0\.0\.1 and PORT=\d+/);
  });
});
