// Programs the system refuses to start, graded through the CLI: each test fails at once
// with the reason in words (not after mocha's 120 s), exit 1, nothing left behind.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS, NO_HANG_GRADING_MS } from '../limits.js';
import { runCli } from './run-cli.js';

/** The bound this suite proves (test/limits.ts): the group is graded within it, on a loaded machine too. */
const BOUND_MS = NO_HANG_GRADING_MS;

const CASES: Array<{ name: string; server: string[]; says: RegExp }> = [
  {
    name: 'an argument over 128 KiB (E2BIG)',
    server: ['python3', '-u', 'server.py', 'x'.repeat(140_000)],
    says: /the server could not be started: its arguments are too long \(one is 137 KiB; Linux allows at most 128 KiB per argument: E2BIG\)/,
  },
  { name: 'a command that does not exist (ENOENT)', server: ['python4', '-u', 'server.py'], says: /the server could not be started: there is no command python4 on the grading machine \(ENOENT\)/ },
  {
    name: 'a script without x bit (EACCES)',
    server: ['./server.py'],
    says: /the server could not be started: \.\/server\.py is not executable \(EACCES\): run chmod \+x on it, or start it through its interpreter \("python3 \.\/server\.py"\)/,
  },
];

describe('programs that cannot be started', function () {
  // Whole gradings through the CLI, beside validate on 2 cores.
  this.timeout(FEW_GRADINGS_MS);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spawn-failures-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: every test fails at once with the reason, exit 1`, async () => {
      const dir = path.join(tmp, `s${i}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'server.py'), 'print("hello")\n');
      writeFileSync(path.join(dir, 'socket-grader.json'), JSON.stringify({ task3b: { server: c.server } }));
      const started = Date.now();
      const r = await runCli('grade', ['task3b', dir, '--groups', 'server', '--format', 'json']);
      expect(Date.now() - started, 'grading time').to.be.lessThan(BOUND_MS);
      expect(r.exitCode, r.stderr).to.equal(1);
      const report = JSON.parse(r.stdout) as TaskReport;
      const first = report.tests[0];
      expect(first.status).to.equal('failed');
      expect(first.message).to.match(c.says);
      for (const t of report.tests.slice(1)) expect(t.status, t.name).to.be.oneOf(['failed', 'skipped']);
      expect(r.leftovers).to.deep.equal([]);
    });
  }
});
