// Gradings without namespaces (SOCKET_GRADER_ISOLATION=none), on the grader's own network:
// a server with its course's port hard-coded binds that port on the machine itself (53,
// 5004). `npm test` runs this file apart from the others, which run in parallel: on the
// host network a port is the machine's, and the hostile programs' test checks that no
// port 53 listens there. The grader says it has no network isolation, and demands PORT.

import { expect } from 'chai';
import { PAGE_PORT_TEST } from '../../harness/report/dialect-words.js';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

const HOST_NETWORK = { SOCKET_GRADER_ISOLATION: 'none' };

describe('isolation, without namespaces', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('says so once and tells a server with a hard-coded port to read PORT', async () => {
    const r = await runCli('grade', ['task3a', fixture('hardcoded-ports')], HOST_NETWORK);
    expect(r.stdout.match(/no network isolation/g)).to.have.length(1);
    expect(r.stdout)
      .to.match(/✗ the server starts and listens on PORT/)
      .and.match(/it listens on port 53/)
      .and.include('os.environ.get("PORT"');
    const json = await runCli('grade', ['task3a', fixture('reading-port'), '--format', 'json'], HOST_NETWORK);
    const report = JSON.parse(json.stdout) as TaskReport;
    expect(report.isolation).to.equal('none');
    expect(report.score).to.equal(report.maxScore);
  });
});

describe('a course of its own port, without namespaces', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('demands PORT as before: the hard-coded server fails its first test, later server tests are skipped, nothing is learned', async () => {
    const r = await runCli('grade', ['task3b', fixture('dialect-5004'), '--format', 'json'], HOST_NETWORK);
    expect(r.leftovers).to.deep.equal([]);
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.isolation).to.equal('none');
    expect(report.dialect).to.equal(undefined);
    const first = report.tests.find((t) => t.name === PAGE_PORT_TEST);
    expect(first?.message).to.match(/it listens on port 5004/);
    for (const t of report.tests.filter((x) => x.group === 'server' && x !== first)) expect(t.message).to.include(`did not start in the test "${PAGE_PORT_TEST}"`);
  });
});
