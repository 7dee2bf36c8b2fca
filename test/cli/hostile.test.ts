// Programs that must not hurt the grader: each is graded correctly, explained, within
// a stated time, and leaves nothing behind (no process, folder, namespace, port).

import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS, NO_HANG_GRADING_MS } from '../limits.js';
import { type CliRun, fixture, privateCopy, processesMentioning, processesWithEnvironment, root, runCli, settled } from './run-cli.js';

/** The bound this suite proves (test/limits.ts): the group is graded within it, on a loaded machine too. */
const BOUND_MS = NO_HANG_GRADING_MS;
const namespaces = isolation().mode !== 'none';

interface Hostile {
  name: string;
  group: 'server' | 'client';
  /** Only safe to run where the sandbox bounds it (a fork bomb without a user of its own counts the grader's processes). */
  needsNamespaces?: boolean;
  /** What the report must say, in the message of the group's first failing test. */
  says: RegExp;
}

const HOSTILE: Hostile[] = [
  { name: 'hostile/crashes-mid-conversation', group: 'server', says: /exited with code 1[\s\S]*ValueError: invalid literal/ },
  // It sleeps 60 s at a time: with namespaces, a timer past every deadline is as good as none.
  { name: 'hostile/never-answers', group: 'server', says: /nothing: the server sleeps in sleep\(\) for \d+ s more, and nothing is on its way|nothing within 3\.0 s/ },
  { name: 'hostile/random-bytes', group: 'server', says: /expected: "HELLO" from the server/ },
  { name: 'hostile/reads-stdin-forever', group: 'client', says: /the client connects to HOST:PORT/ },
  { name: 'hostile/fork-bomb', group: 'server', needsNamespaces: true, says: /started more than 128 processes and threads/ },
  { name: 'hostile/eats-memory', group: 'server', needsNamespaces: true, says: /ran out of memory: a program may use at most 512 MiB/ },
  { name: 'hostile/shares-memory', group: 'server', needsNamespaces: true, says: /ran out of memory and was stopped: the programs of a test may use at most 768 MiB together/ },
  { name: 'hostile/fills-disk', group: 'server', needsNamespaces: true, says: /filled its folder: a program may write at most 256 MiB/ },
  { name: 'never-listens', group: 'server', says: /the server waits in input\(\), and nothing is on its way|waiting for 2\.0 s \(asleep: in input\(\)/ },
  { name: 'crashes', group: 'server', says: /before it listened[\s\S]*has no attribute 'listn'/ },
  { name: 'floods', group: 'server', says: /^$/ },
  { name: 'hostile/floods-forever', group: 'server', says: /^$/ },
  { name: 'forks-and-ignores-term', group: 'server', says: /^$/ },
];

/** Rows of the grader's own network listening on `port` (a student's port must never show there). */
function listeningHere(port: number): string[] {
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => {
        const f = line.trim().split(/\s+/);
        return f.length > 3 && parseInt(f[1].split(':')[1], 16) === port && f[3] === '0A';
      }),
  );
}

async function expectNothingLeft(submission: string, run: CliRun): Promise<void> {
  // Programs run from the grader's copy of the submission, in the run's own TMPDIR (or from the submission itself, without namespaces).
  expect(await settled(() => [...processesMentioning(submission), ...processesMentioning(run.tmp)]), 'student processes left running').to.deep.equal([]);
  // Namespace holders are the helper's forks: none of this run's may remain (the helper carries the run's TMPDIR).
  const helpers = (): number[] => processesWithEnvironment(`TMPDIR=${run.tmp}`).filter((pid) => processesMentioning(`${root}/harness/sandbox/sandbox-helper.py`).includes(pid));
  expect(await settled(helpers), 'sandbox helper or namespace holders left').to.deep.equal([]);
  expect(run.leftovers, 'temp folders left').to.deep.equal([]);
  if (namespaces) expect(listeningHere(53), 'a port 53 listening outside the test network').to.deep.equal([]);
}

describe('hostile programs', function () {
  this.timeout(FEW_GRADINGS_MS);
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  for (const h of HOSTILE) {
    it(`${h.name}: graded and explained within ${BOUND_MS / 1000} s, nothing left behind`, async function () {
      if (h.needsNamespaces && !namespaces) this.skip();
      // A copy of its own: other test files grade some of these fixtures too, maybe at the same time.
      const submission = privateCopy(h.name);
      made.push(path.dirname(submission));
      const started = Date.now();
      const r = await runCli('grade', ['task3b', submission, '--groups', h.group, '--format', 'json']);
      const elapsed = Date.now() - started;
      expect(r.exitCode, r.stderr).to.be.oneOf([0, 1]);
      const report = JSON.parse(r.stdout) as TaskReport;
      expect(
        report.tests.filter((t) => t.status === 'error'),
        'grader errors',
      ).to.deep.equal([]);
      const failed = report.tests.find((t) => t.status === 'failed');
      if (h.says.source === '^$') {
        // These serve correctly despite their ways: full points.
        expect(report.score, failed?.message).to.equal(report.maxScore);
      } else {
        expect(failed?.message, JSON.stringify(report.tests.map((t) => [t.name, t.status]))).to.match(h.says);
        // What follows a program that never got going is skipped with that reason, not waited for again.
        for (const t of report.tests.filter((x) => x.status === 'skipped')) expect(t.message).to.match(/did not start|never connected/);
      }
      expect(elapsed, 'grading time').to.be.lessThan(BOUND_MS);
      await expectNothingLeft(submission, r);
    });
  }

  it('a program cannot read the grader environment, signal it, write outside its folder or reach the internet', async function () {
    if (!namespaces) this.skip();
    const r = await runCli('grade', ['task3b', fixture('hostile/snoops'), '--groups', 'server', '--format', 'json']);
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.score).to.equal(report.maxScore);
    // Printed before it listens, in every test: a test that ends at the listen may close before the line is read.
    const printed = report.tests
      .flatMap((t) => t.transcript)
      .filter((e) => e.actor === 'server stdout')
      .map((e) => e.event)
      .join('');
    expect(printed)
      .to.match(/environ=PermissionError/)
      .and.match(/signal=PermissionError/)
      .and.match(/code=\w*Error/)
      .and.match(/net=OSError/);
    // Its own PID namespace: the grader is out of its sight (no parent it can name).
    expect(printed).to.match(/parent=0\b/);
    // Its /tmp is the test's own: what it wrote there is gone with the test.
    expect(existsSync('/tmp/socket-grader-snooped.txt')).to.equal(false);
    expect(existsSync(fixture('hostile/snoops/task3b/snooped.txt'))).to.equal(false);
    await expectNothingLeft(fixture('hostile/snoops'), r);
  });
});
