// Issue #8, "fair verdicts on real code": a chat pair written from the seed alone (no
// newline framing, one recv(1024) per message, BYE compared after strip()) that works
// with itself loses only robustness points in task4.
// Expected to fail until the harness counts a message that arrives without its newline
// as complete once the sender is seen waiting (outside the robustness framing tests).

import path from 'node:path';
import { expect } from 'chai';
import { PAGE_NEWLINE_TEST } from '../../harness/dsl/page-newline.js';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { root, runCli } from './run-cli.js';

const seedPair = path.join(root, 'specs', 'task4', 'solutions', 'student-seed-chat');

describe('fair verdicts on real code', function () {
  this.timeout(FEW_GRADINGS_MS);

  it('grades a task4 chat pair written from the seed alone at full points in server, client and end-to-end; it loses only robustness tests', async () => {
    const r = await runCli('grade', ['task4', seedPair, '--format', 'json']);
    const report = JSON.parse(r.stdout) as TaskReport;
    const notPassed = report.tests.filter((t) => t.status !== 'passed');
    const outsideRobustness = notPassed.filter((t) => t.group !== 'robustness');
    expect(
      outsideRobustness.map((t) => `${t.group}: ${t.name}: ${(t.message ?? '').split('\n').slice(0, 3).join(' | ')}`),
      'tests outside robustness that the seed pair did not pass',
    ).to.deep.equal([]);
    for (const group of ['server', 'client', 'end-to-end']) {
      const tests = report.tests.filter((t) => t.group === group);
      expect(tests.length, `tests in ${group}`).to.be.greaterThan(0);
      const points = tests.reduce((a, t) => a + t.points, 0);
      const max = tests.reduce((a, t) => a + t.maxPoints, 0);
      expect(points, `points in ${group}`).to.equal(max);
    }
    // The framing lesson is still graded, in the robustness group, once per program: the
    // client's newline, and the page's newline its server reads without (learned from it).
    const framing = notPassed.filter((t) => /newline/.test(t.name));
    expect(framing.map((t) => t.name)).to.have.members(['the client ends each message it sends with a newline', PAGE_NEWLINE_TEST]);
    expect(report.dialect?.serverFraming).to.equal('bare');
    expect(r.exitCode).to.equal(1);
  });
});
