// Grading a class: 30 submissions of every kind (good, buggy, empty, crashing, flooding,
// one that kills its grader), in two shards merged by the instructor workflow's own
// command; every row must match grading that submission alone.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import YAML from 'yaml';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS, MANY_GRADINGS_MS } from '../limits.js';
import { fixture, mutant, processesMentioning, root, runCli } from './run-cli.js';

const KINDS: Record<string, string> = {
  good: path.join(root, 'specs/task3b/solutions/student-basic'),
  manifest: fixture('manifest'),
  'ignores-port': mutant('task3b', 'server-wrong-port'),
  'one-recv': mutant('task3b', 'echo-one-recv'),
  lowercase: mutant('task3b', 'client-sends-lowercase'),
  empty: fixture('empty'),
  crashes: fixture('crashes'),
  floods: fixture('floods'),
  hardcoded: fixture('hardcoded-port'),
  'kills-grader': fixture('kills-grader'),
};
const kinds = Object.keys(KINDS);
const isolated = isolation().mode !== 'none';
type Row = { student: string; task: string; score: string; max: string; seconds: string; status: string };

/** The instructor workflow's merge step, run as its shell would. */
function mergeCommand(): string {
  const wf = YAML.parse(readFileSync(path.join(root, '.github/workflows/grade-class.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<{ name?: string; run?: string }> }> };
  const step = wf.jobs.merge.steps.find((s) => s.name === 'Merge the CSVs');
  expect(step?.run).to.be.a('string');
  return step?.run ?? '';
}

describe('class command', function () {
  this.timeout(FEW_GRADINGS_MS);

  let tmp: string;
  let classDir: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'class-test-'));
    classDir = path.join(tmp, 'class');
    for (let i = 1; i <= 30; i++) {
      const kind = kinds[(i - 1) % kinds.length];
      cpSync(KINDS[kind], path.join(classDir, `student${i}-${kind}`), { recursive: true });
    }
    mkdirSync(path.join(classDir, '.git')); // not a student
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('grades 30 submissions in two shards; the merged CSV matches grading each kind alone', async function () {
    // 30 gradings one at a time per shard, then each kind alone: minutes while validate runs beside.
    this.timeout(MANY_GRADINGS_MS);
    const shards = await Promise.all(
      [1, 2].map((i) =>
        runCli('class', ['task3b', classDir, '--jobs', '1', '--shard', `${i}/2`, '--csv', path.join(tmp, 'shards', `grades-${i}.csv`), '--reports', path.join(tmp, 'reports'), '--format', 'json']),
      ),
    );
    for (const r of shards) {
      // Students lost points (1); without namespaces, the shard holding the submission that kills its worker says the grader broke there (3).
      expect(r.exitCode, r.stderr).to.be.oneOf(isolated ? [1] : [1, 3]);
      expect(r.stderr)
        .to.match(/^\[1\/15\] student\d+-\S+ task3b /m)
        .and.match(/^\[15\/15\] /m);
      expect(r.leftovers).to.deep.equal([]);
    }
    if (isolated) {
      // In its own PID namespace the grader is out of its reach: it is graded like any other.
      expect(shards.map((r) => r.stdout).join('')).to.not.match(/"error": "grading task3b failed/);
    } else {
      expect(shards.map((r) => r.exitCode)).to.include(3);
      expect(shards.map((r) => r.stdout).join('')).to.match(/"student": "student10-kills-grader",\s+"task": "task3b",\s+"error": "grading task3b failed: it was killed by SIGKILL/);
    }
    await execa('bash', ['-eo', 'pipefail', '-c', mergeCommand()], { cwd: tmp });
    const rows = parse(readFileSync(path.join(tmp, 'grades.csv')), { columns: true }) as Row[];
    expect(Object.keys(rows[0])).to.deep.equal(['student', 'task', 'score', 'max', 'seconds', 'status', 'server', 'client', 'end-to-end', 'robustness', 'nearest_bug', 'bug_likeness']);
    expect(rows.map((r) => r.student).sort()).to.deep.equal(Array.from({ length: 30 }, (_, i) => `student${i + 1}-${kinds[i % kinds.length]}`).sort());

    const alone = new Map<string, TaskReport>();
    for (const kind of kinds.filter((k) => isolated || k !== 'kills-grader')) {
      const r = await runCli('grade', ['task3b', KINDS[kind], '--format', 'json']);
      alone.set(kind, JSON.parse(r.stdout) as TaskReport);
    }
    for (const row of rows) {
      const kind = row.student.replace(/^student\d+-/, '');
      expect(row.task).to.equal('task3b');
      expect(Number(row.max), row.student).to.equal(14);
      // A time was taken (how much depends on the machine's load, not on the grader).
      expect(Number(row.seconds)).to.be.greaterThan(0);
      // The status says whether there was anything to grade.
      if (kind === 'empty') expect(row.status).to.equal('no program');
      if (kind === 'good' || kind === 'one-recv') expect(row.status).to.equal('graded');
      if (kind === 'kills-grader' && !isolated) expect(row.status).to.equal('grader error');
      if (kind === 'kills-grader' && !isolated) expect(Number(row.score)).to.equal(0);
      else expect(Number(row.score), row.student).to.equal(alone.get(kind)?.score);
    }
    expect(alone.get('good')?.score).to.equal(14);

    // One folder per student, a report per task in it, in the --format asked for.
    expect(readdirSync(path.join(tmp, 'reports'))).to.have.length(30);
    const report = JSON.parse(readFileSync(path.join(tmp, 'reports', 'student1-good', 'task3b.json'), 'utf8')) as TaskReport;
    expect(report).to.include({ task: 'task3b', score: 14 });
    expect(processesMentioning(classDir)).to.deep.equal([]);
  });

  it('takes a task list; tasks graded one run at a time add reports, text with JSON beside, each with its seed', async () => {
    const small = path.join(tmp, 'small');
    cpSync(KINDS.good, path.join(small, 'good'), { recursive: true });
    cpSync(KINDS.empty, path.join(small, 'empty'), { recursive: true });
    const reports = path.join(tmp, 'small-reports');
    const first = await runCli('class', ['task3b', small, '--reports', reports, '--seed', '777']);
    expect(first.exitCode, first.stderr).to.equal(1);
    expect(first.stdout).to.include('seed: 777');
    const csv = path.join(tmp, 'small.csv');
    const second = await runCli('class', ['task3a,task3c', small, '--reports', reports, '--csv', csv]);
    expect(second.exitCode, second.stderr).to.equal(1);
    const rows = parse(readFileSync(csv), { columns: true }) as Row[];
    expect(rows.map((r) => `${r.student} ${r.task}`).sort()).to.deep.equal(['empty task3a', 'empty task3c', 'good task3a', 'good task3c']);

    for (const student of ['empty', 'good']) {
      // The first run's task3b reports are still there beside the second run's.
      expect(readdirSync(path.join(reports, student)).sort()).to.deep.equal(['task3a.json', 'task3a.txt', 'task3b.json', 'task3b.txt', 'task3c.json', 'task3c.txt']);
      for (const task of ['task3a', 'task3b', 'task3c']) {
        const json = JSON.parse(readFileSync(path.join(reports, student, `${task}.json`), 'utf8')) as TaskReport;
        const text = readFileSync(path.join(reports, student, `${task}.txt`), 'utf8');
        expect(json.task).to.equal(task);
        expect(json.seed).to.be.a('number');
        // The text report says the seed the JSON holds, so either replays the run.
        expect(text).to.include(`seed: ${json.seed} (rerun with --seed ${json.seed}`).and.include(`${task} · `);
        if (task === 'task3b') expect(json.seed).to.equal(777);
      }
    }
    expect(JSON.parse(readFileSync(path.join(reports, 'good', 'task3b.json'), 'utf8'))).to.include({ score: 14 });
  });

  it('rejects a bad --shard with one line, exit 2', async () => {
    const r = await runCli('class', ['task3b', classDir, '--shard', '3/2']);
    expect(r.exitCode).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('--shard must be i/n');
  });
});
