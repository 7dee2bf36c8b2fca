// The installable socket-grader: `npm pack`, installed into an empty folder, grades from
// there, and holds no answer (reference, solutions, mutants stay in the repository). Through that installed bin: the Classroom workflow's grade steps, run as a
// shell would, give the untouched template 0 points with every test explained and a
// filled-in copy full points, exactly as Classroom's reporter would add them up; and the
// Gradescope run_autograder writes a results.json with full points.

import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { expect } from 'chai';
import { execa } from 'execa';
import { listTasks } from '../../harness/core/paths.js';
import type { ClassroomResults } from '../../harness/report/render-classroom.js';
import { mapConcurrently } from '../../harness/runner/pool.js';
import { root } from '../cli/run-cli.js';
import { MANY_GRADINGS_MS } from '../limits.js';
import { classroomWorkflow } from '../template/classroom-workflow.js';

interface Reported {
  points: number;
  maxPoints: number;
  runners: Map<string, ClassroomResults>;
  summaries: string;
}

describe('installed package', function () {
  this.timeout(MANY_GRADINGS_MS);
  let tmp: string;
  let installed: string;
  let bin: string;
  let env: Record<string, string>;

  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'pack-test-'));
    // npm test built dist/ a moment ago; packing again must not rebuild under the running tests.
    const packed = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: root });
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = info.files.map((f) => f.path);
    expect(files).to.include.members([
      'dist/harness/cli/socket-grader.js',
      'dist/specs/task3b.spec.js',
      'student-template/task3b/server.py',
      'student-template/.github/workflows/classroom.yml',
      'gradescope/run_autograder',
    ]);
    expect(files.filter((f) => f.startsWith('dist/test/') || f.endsWith('.map') || (f.endsWith('.ts') && f.startsWith('dist/')))).to.deep.equal([]);
    // What a student's workflow installs holds no answer: no reference, no solution, no mutant (nor the specs' sources).
    expect(files.filter((f) => /(^|\/)(reference|solutions|mutants)\//.test(f) || f.startsWith('specs/'))).to.deep.equal([]);

    const app = path.join(tmp, 'app');
    mkdirSync(app);
    await execa('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(tmp, info.filename)], { cwd: app });
    installed = path.join(app, 'node_modules', 'socket-grader');
    bin = path.join(app, 'node_modules', '.bin');
    // GitHub's runners run the step's `sudo` as root; here the tests already are root, or need none.
    const shims = path.join(tmp, 'shims');
    mkdirSync(shims);
    writeFileSync(path.join(shims, 'sudo'), '#!/bin/sh\n[ "$1" = "-E" ] && shift\nexec "$@"\n');
    chmodSync(path.join(shims, 'sudo'), 0o755);
    env = { PATH: `${shims}:${bin}:${process.env.PATH ?? ''}`, TMPDIR: tmp };
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("grades a submission (the repository's reference) from an empty folder: full points, exit 0", async () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    const r = await execa('socket-grader', ['grade', 'task3b', path.join(root, 'reference')], { env, reject: false, cwd: empty });
    expect(r.exitCode, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/score: 14\/14/);
    const v = await execa('socket-grader', ['--version'], { env });
    expect(v.stdout).to.equal(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  it('validate, which needs the answers, says so in one line, exit 2', async () => {
    const r = await execa('socket-grader', ['validate', 'task3b'], { env, reject: false, cwd: tmp });
    expect(r.exitCode).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include("validate needs the grader's repository");
  });

  /** Runs the workflow's grade steps in `submission` as GitHub would, then adds up what the reporter reads. */
  async function runClassroomSteps(submission: string): Promise<Reported> {
    const job = Object.values(classroomWorkflow(path.join(installed, 'student-template')).jobs)[0];
    const reporter = job.steps.find((s) => s.uses?.startsWith('classroom-resources/autograding-grading-reporter'));
    const outputs = new Map<string, string>();
    let summaries = '';
    // GitHub runs the steps one after another; they share nothing, so two at a time here.
    await mapConcurrently(
      job.steps.filter((s) => s.id && s.run),
      2,
      async (step) => {
        const output = path.join(tmp, `output-${step.id}`);
        const summary = path.join(tmp, `summary-${step.id}`);
        writeFileSync(output, '');
        writeFileSync(summary, '');
        const r = await execa('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
          cwd: submission,
          env: { ...env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
          reject: false,
        });
        expect(r.exitCode, `step ${step.id}: ${r.stderr}`).to.equal(0);
        for (const line of readFileSync(output, 'utf8').split('\n')) if (line.startsWith('result=')) outputs.set(step.id ?? '', line.slice('result='.length));
        summaries += readFileSync(summary, 'utf8');
      },
    );
    // The reporter: <RUNNER>_RESULTS for each runner; points are the sum of test scores over runners with max_score > 0.
    const runners = new Map<string, ClassroomResults>();
    let points = 0;
    let maxPoints = 0;
    for (const runner of reporter?.with?.runners.split(',') ?? []) {
      const expression = reporter?.env?.[`${runner.toUpperCase()}_RESULTS`] ?? '';
      const stepId = /steps\.([\w-]+)\.outputs\.result/.exec(expression)?.[1] ?? '';
      const results = JSON.parse(Buffer.from(outputs.get(stepId) ?? '', 'base64').toString('utf8')) as ClassroomResults;
      runners.set(runner, results);
      if (results.max_score > 0) points += results.tests.reduce((a, t) => a + t.score, 0);
      maxPoints += results.max_score;
    }
    expect(Number.isFinite(points)).to.equal(true);
    return { points, maxPoints, runners, summaries };
  }

  it('the untouched template grades to 0 through the Classroom workflow, every test explained, no grader error', async () => {
    const submission = path.join(tmp, 'template');
    cpSync(path.join(installed, 'student-template'), submission, { recursive: true });
    const r = await runClassroomSteps(submission);
    expect([...r.runners.keys()]).to.deep.equal(listTasks());
    expect(r.points).to.equal(0);
    expect(r.maxPoints).to.be.greaterThan(0);
    for (const [task, results] of r.runners) {
      expect(results.status, task).to.equal('fail');
      for (const t of results.tests) {
        expect(t.status, t.name).to.equal('fail');
        expect(t.message, t.name).to.match(/\S/);
      }
    }
    expect(r.summaries).to.include('### task8: 0 / ').and.include('not written yet');
  });

  it('a filled-in copy (the solutions) grades to full points through the Classroom workflow', async () => {
    const submission = path.join(tmp, 'filled');
    for (const task of listTasks()) {
      // The package has no solutions: the repository's are the filled-in copy.
      const solutions = path.join(root, 'specs', task, 'solutions');
      // A pair speaking its own wire format (solution.json) is graded end-to-end only.
      const first = readdirSync(solutions)
        .sort()
        .find((s) => !existsSync(path.join(solutions, s, 'solution.json')));
      if (first === undefined) throw new Error(`${task} has no solution that speaks the page's protocol`);
      cpSync(path.join(solutions, first, task), path.join(submission, task), { recursive: true });
    }
    const r = await runClassroomSteps(submission);
    // A point lost says where: each test that did not pass, with its message.
    const lost = [...r.runners].flatMap(([task, graded]) => graded.tests.filter((t) => t.status !== 'pass').map((t) => `${task}: ${t.name}: ${(t.message ?? '').slice(0, 600)}`));
    expect(r.points, lost.join('\n')).to.equal(r.maxPoints);
    for (const [task, results] of r.runners) expect(results.status, task).to.equal('pass');

    // Gradescope: run_autograder with its /autograder paths pointed at a temp folder.
    const autograder = path.join(tmp, 'autograder');
    cpSync(path.join(submission), path.join(autograder, 'submission'), { recursive: true });
    const g = await execa(path.join(installed, 'gradescope', 'run_autograder'), [], { env: { ...env, AUTOGRADER_ROOT: autograder, SOCKET_GRADER_TASK: 'task3c' }, reject: false });
    expect(g.exitCode, g.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(path.join(autograder, 'results', 'results.json'), 'utf8')) as { score: number; tests: Array<{ max_score: number; status: string }> };
    const ajv = new Ajv();
    const check = ajv.compile(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'schemas', 'gradescope-results.schema.json'), 'utf8')) as object);
    expect(check(results), ajv.errorsText(check.errors)).to.equal(true);
    expect(results.score)
      .to.equal(results.tests.reduce((a, t) => a + t.max_score, 0))
      .and.greaterThan(0);
  });

  it('the Gradescope setup script is valid shell', async () => {
    await execa('bash', ['-n', path.join(installed, 'gradescope', 'setup.sh')]);
  });
});
