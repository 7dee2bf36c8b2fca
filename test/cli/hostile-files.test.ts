// A task5 client that leaves, where the saved file should be, a link to a secret
// (/etc/shadow, the grader's own environment), a link to /dev/zero, a named pipe or a
// folder: each is graded at once and explained, exit 1 (the student's fault, not the
// grader's), no byte of what a link points to reaches the report, and the grader's
// memory stays bounded.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { execa } from 'execa';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS, NO_HANG_GRADING_MS } from '../limits.js';
import { fixture, processesMentioning, root, settled } from './run-cli.js';

/** The bound this suite proves (test/limits.ts): the group is graded within it, on a loaded machine too. */
const BOUND_MS = NO_HANG_GRADING_MS;
/** The grader (CLI and workers) with no file read: far from /dev/zero's "without bound". */
const MEMORY_BOUND_KIB = 512 * 1024;

/** A value only the grader's environment holds: it must never show in a report. */
const SECRET = `grader-secret-${process.pid}-${Date.now()}`;

const CASES: Array<{ mode: string; says: RegExp }> = [
  { mode: 'shadow-link', says: /the client saved \S+ as a symbolic link \(to "\/etc\/shadow"\), not as a file: save the file itself/ },
  { mode: 'environ-link', says: /the client saved \S+ as a symbolic link \(to "\/proc\/self\/environ"\), not as a file: save the file itself/ },
  { mode: 'zero-link', says: /the client saved \S+ as a symbolic link \(to "\/dev\/zero"\), not as a file: save the file itself/ },
  { mode: 'fifo', says: /\S+ is a named pipe, not a file/ },
  { mode: 'folder', says: /\S+ is a folder, not a file/ },
];

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The largest resident size of the grader or any process it waited for, in KiB. */
  maxRssKiB: number;
  leftovers: string[];
  /** The run's own TMPDIR (removed): the grader's copy of the submission was in it. */
  tmp: string;
}

/**
 * The CLI run under python3, which reports getrusage(RUSAGE_CHILDREN): the peak memory
 * of the CLI and of every worker it reaped.
 */
async function gradeMeasured(submission: string): Promise<Run> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hostile-files-'));
  const measure =
    'import resource, subprocess, sys\nr = subprocess.run(sys.argv[1:])\nsys.stderr.write("\\nmaxrss=%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\nsys.exit(r.returncode)';
  try {
    const r = await execa('python3', ['-c', measure, process.execPath, path.join(root, 'dist', 'harness', 'cli', 'grade.js'), 'task5', submission, '--groups', 'client', '--format', 'json'], {
      reject: false,
      env: { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '', TMPDIR: tmp, SOCKET_GRADER_TEST_SECRET: SECRET },
      cwd: root,
    });
    const rss = /maxrss=(\d+)/.exec(String(r.stderr));
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), maxRssKiB: Number(rss?.[1] ?? Number.NaN), leftovers: readdirSync(tmp), tmp };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A submission whose client leaves `mode` in place of the file: one program, written
 * whole into its own folder (a program reaches nothing outside its submission).
 */
function submissionLeaving(mode: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hostile-files-${mode}-`));
  mkdirSync(path.join(dir, 'task5'));
  writeFileSync(path.join(dir, 'task5', 'client.py'), `${readFileSync(fixture('hostile-files/leave_in_place.py'), 'utf8')}\n\nrun(${JSON.stringify(mode)})\n`);
  return dir;
}

/** Lines of /etc/shadow worth not leaking (readable only as root). */
function shadowSecrets(): string[] {
  try {
    return readFileSync('/etc/shadow', 'utf8')
      .split('\n')
      .filter((l) => l.length > 8);
  } catch {
    return [];
  }
}

describe('a client that leaves something else in place of the file', function () {
  // Whole gradings through the CLI, beside validate on 2 cores.
  this.timeout(FEW_GRADINGS_MS);
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.mode}: graded within ${BOUND_MS / 1000} s, explained, exit 1, nothing of the target in the report`, async () => {
      const submission = submissionLeaving(c.mode);
      made.push(submission);
      const started = Date.now();
      const r = await gradeMeasured(submission);
      expect(Date.now() - started, 'grading time').to.be.lessThan(BOUND_MS);
      expect(r.exitCode, r.stderr).to.equal(1);
      const report = JSON.parse(r.stdout) as TaskReport;
      expect(
        report.tests.filter((t) => t.status === 'error'),
        'grader errors',
      ).to.deep.equal([]);
      const saving = report.tests.filter((t) => /saves/.test(t.name));
      expect(saving).to.not.be.empty;
      for (const t of saving) {
        expect(t.status, t.name).to.equal('failed');
        expect(t.message, t.name).to.match(c.says);
      }
      expect(report.score).to.equal(0);
      // No byte of a target: not the grader's environment, not the shadow file, not /dev/zero's NULs.
      expect(r.stdout).to.not.include(SECRET).and.not.include('\\u0000\\u0000');
      for (const line of shadowSecrets()) expect(r.stdout).to.not.include(line.split(':').slice(0, 2).join(':'));
      expect(r.maxRssKiB, 'peak memory (KiB)').to.be.lessThan(MEMORY_BOUND_KIB);
      expect(r.leftovers, 'temp folders left').to.deep.equal([]);
      // Programs run from the grader's copy of the submission, named for it in the run's TMPDIR.
      expect(await settled(() => [...processesMentioning(submission), ...processesMentioning(r.tmp)]), 'student processes left').to.deep.equal([]);
    });
  }
});
