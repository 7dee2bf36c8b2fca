// Every output format, checked against the schema of the tool that reads it: Classroom's
// reporter, Gradescope's results.json, JUnit XML; and the GitHub step files.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { expect } from 'chai';
import { validateXML } from 'xmllint-wasm';
import type { TaskReport } from '../../harness/report/types.js';
import { mutant, root, runCli } from '../cli/run-cli.js';
import { FEW_GRADINGS_MS } from '../limits.js';

const schema = (name: string): object => JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'schemas', name), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true });

function expectValid(name: string, data: unknown): void {
  const check = ajv.compile(schema(name));
  expect(check(data), ajv.errorsText(check.errors)).to.equal(true);
}

// A server that answers the wrong word, and no client: tests passed, failed and skipped.
const packageVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

const WRONG_WORD_SERVER = path.join(mutant('task3b', 'server-replies-other-text'), 'task3b', 'server.py');

describe('report formats', function () {
  this.timeout(FEW_GRADINGS_MS);

  let report: TaskReport;
  let tmp: string;
  let submission: string;
  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'formats-test-'));
    submission = path.join(tmp, 'submission');
    mkdirSync(path.join(submission, 'task3b'), { recursive: true });
    copyFileSync(WRONG_WORD_SERVER, path.join(submission, 'task3b', 'server.py'));
    const r = await runCli('grade', ['task3b', submission, '--format', 'json']);
    report = JSON.parse(r.stdout) as TaskReport;
    expect(new Set(report.tests.map((t) => t.status))).to.include.members(['passed', 'failed', 'skipped']);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("classroom: writes result=<base64> to GITHUB_OUTPUT, in the reporter's schema, scores adding up to the points", async () => {
    const output = path.join(tmp, 'github-output');
    const summary = path.join(tmp, 'step-summary.md');
    writeFileSync(output, 'earlier=line\n');
    const r = await runCli('grade', ['task3b', submission, '--format', 'classroom'], { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary });
    expect(r.exitCode).to.equal(1);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).to.equal('earlier=line');
    const encoded = /^result=([A-Za-z0-9+/=]+)$/.exec(lines[1])?.[1];
    expect(encoded, lines[1]).to.be.a('string');
    const results = JSON.parse(Buffer.from(encoded ?? '', 'base64').toString('utf8')) as { status: string; max_score: number; tests: Array<{ score: number; status: string; message: string }> };
    expectValid('classroom-results.schema.json', results);
    expect(results).to.deep.equal(JSON.parse(r.stdout));
    expect(results.status).to.equal('fail');
    expect(results.max_score).to.equal(report.maxScore);
    expect(results.tests.reduce((a, t) => a + t.score, 0)).to.equal(report.score);
    for (const t of results.tests.filter((x) => x.status !== 'pass')) expect(t.message).to.not.equal('');

    // The summary: every test with its points, each failure's evidence and conversation.
    const md = readFileSync(summary, 'utf8');
    for (const t of report.tests) expect(md).to.include(`| ${t.name.replace(/\|/g, '\\|')} | ${t.group} | ${t.points} / ${t.maxPoints} |`);
    expect(md).to.include(`### task3b: ${report.score} / ${report.maxScore} points`);
    const failed = report.tests.find((t) => t.status === 'failed');
    expect(md)
      .to.include(`<summary>❌ ${failed?.name}</summary>`)
      .and.match(/^expected: /m)
      .and.match(/^got: /m);
    expect(md)
      .to.include('```mermaid\nsequenceDiagram\n  participant P0 as grader\n  participant P1 as server')
      .and.match(/P0->>P1: .*HELLO/);
  });

  it("gradescope: results.json in Gradescope's schema, written by --out, points per test, tagged by group, robustness shown after the due date", async () => {
    const out = path.join(tmp, 'results.json');
    const r = await runCli('grade', ['task3b', submission, '--format', 'gradescope', '--out', out, '--after-due', 'robustness']);
    expect(r.exitCode).to.equal(1);
    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      score: number;
      tests: Array<{ score: number; max_score: number; status: string; output: string; number: string; visibility: string; tags: string[] }>;
    };
    expect(results.tests.map((t) => t.tags)).to.deep.equal(report.tests.map((t) => [t.group]));
    expect(results.tests.map((t) => t.visibility)).to.deep.equal(report.tests.map((t) => (t.group === 'robustness' ? 'after_due_date' : 'visible')));
    expectValid('gradescope-results.schema.json', results);
    expect(results).to.deep.equal(JSON.parse(r.stdout));
    expect(results.score).to.equal(report.score);
    expect(results.tests.map((t) => t.max_score)).to.deep.equal(report.tests.map((t) => t.maxPoints));
    expect(new Set(results.tests.map((t) => t.number)).size).to.equal(results.tests.length);
    for (const t of results.tests.filter((x) => x.status === 'failed')) expect(t.output).to.not.equal('');
  });

  it('gradescope: Markdown outputs with the conversation, and extra_data naming the grader, its specs, the seed and the isolation', async () => {
    const r = await runCli('grade', ['task3b', submission, '--format', 'gradescope', '--seed', '4242']);
    const results = JSON.parse(r.stdout) as {
      output_format: string;
      output: string;
      extra_data: { graderVersion: string; specHash: string; seed: number; isolation: string };
      tests: Array<{ status: string; output: string; output_format: string }>;
    };
    expectValid('gradescope-results.schema.json', results);
    expect(results.output_format).to.equal('md');
    expect(results.extra_data).to.deep.equal({ graderVersion: packageVersion, specHash: report.grader?.specHash, seed: 4242, isolation: report.isolation });
    expect(results.output).to.include(`graded by socket-grader ${packageVersion} (specs ${report.grader?.specHash}), seed 4242`);
    const failed = results.tests.find((t) => t.status === 'failed');
    expect(failed?.output_format).to.equal('md');
    expect(failed?.output)
      .to.match(/^```+\n/)
      .and.include('**conversation**');
  });

  it('prairielearn: a score from 0 to 1 in its schema, points and evidence per test, gradable', async () => {
    const r = await runCli('grade', ['task3b', submission, '--format', 'prairielearn']);
    expect(r.exitCode).to.equal(1);
    const results = JSON.parse(r.stdout) as { gradable: boolean; score: number; output: string; tests: Array<{ name: string; points: number; max_points: number; message: string }> };
    expectValid('prairielearn-results.schema.json', results);
    expect(results.gradable).to.equal(true);
    expect(results.score).to.be.closeTo(report.score / report.maxScore, 1e-9);
    expect(results.tests.map((t) => t.points)).to.deep.equal(report.tests.map((t) => t.points));
    expect(results.tests.map((t) => t.max_points)).to.deep.equal(report.tests.map((t) => t.maxPoints));
    for (const t of results.tests.filter((x) => x.points < x.max_points)) expect(t.message).to.not.equal('');
    expect(results.output).to.include(`specs ${report.grader?.specHash}`);
  });

  it("prairielearn: a grader's own failure is not gradable, with the reason", async () => {
    const { toPrairieLearn } = await import('../../harness/report/render-prairielearn.js');
    const broken: TaskReport = { ...report, tests: [{ ...report.tests[0], status: 'error', message: 'worker died' }] };
    const results = toPrairieLearn({ submission, score: 0, maxScore: broken.maxScore, durationMs: 1, tasks: [broken] });
    expectValid('prairielearn-results.schema.json', results);
    expect(results.gradable).to.equal(false);
    expect(results.message).to.include('the grader itself failed').and.include('worker died');
  });

  it("every format names the grader's version and the specs' hash", async () => {
    expect(report.grader?.version).to.equal(packageVersion);
    expect(report.grader?.specHash).to.match(/^[0-9a-f]{12}$/);
    const text = await runCli('grade', ['task3b', submission]);
    expect(text.stdout).to.include(`grader: socket-grader ${packageVersion}, specs ${report.grader?.specHash}`);
    const junit = await runCli('grade', ['task3b', submission, '--format', 'junit']);
    expect(junit.stdout).to.include(`<property name="spec-hash" value="${report.grader?.specHash}"/>`);
    const classroom = await runCli('grade', ['task3b', submission, '--format', 'classroom']);
    expect(classroom.stdout).to.include(`specs ${report.grader?.specHash}`);
    const html = await runCli('grade', ['task3b', submission, '--format', 'html']);
    expect(html.stdout).to.include(`grader: socket-grader ${packageVersion}, specs ${report.grader?.specHash}`);
  });

  it('junit: valid against the JUnit schema, a testcase per test with failure and skipped', async () => {
    const r = await runCli('grade', ['task3b', submission, '--format', 'junit']);
    expect(r.exitCode).to.equal(1);
    const xml = r.stdout;
    const result = await validateXML({
      xml: [{ fileName: 'report.xml', contents: xml }],
      schema: [{ fileName: 'junit.xsd', contents: readFileSync(path.join(root, 'test', 'fixtures', 'schemas', 'junit.xsd'), 'utf8') }],
    });
    expect(result.valid, result.rawOutput).to.equal(true);
    expect(xml.match(/<testcase /g)).to.have.length(report.tests.length);
    expect(xml.match(/<failure /g)).to.have.length(report.tests.filter((t) => t.status === 'failed').length);
    expect(xml.match(/<skipped /g)).to.have.length(report.tests.filter((t) => t.status === 'skipped').length);
    expect(xml).to.include('<testsuite name="task3b"').and.include('conversation:');
  });

  it('junit: a control character a program printed still makes valid XML', async () => {
    const { toJUnit } = await import('../../harness/report/render-junit.js');
    const broken: TaskReport = {
      ...report,
      tests: [{ ...report.tests[0], status: 'failed', message: 'got: "\u0000\u0007<&>"', transcript: [{ atMs: 1, actor: 'server stdout', event: 'printed \u001b[31m' }] }],
    };
    const result = await validateXML({
      xml: [{ fileName: 'r.xml', contents: toJUnit([broken], 1) }],
      schema: [{ fileName: 'junit.xsd', contents: readFileSync(path.join(root, 'test', 'fixtures', 'schemas', 'junit.xsd'), 'utf8') }],
    });
    expect(result.valid, result.rawOutput).to.equal(true);
  });
});
