// A program that prints escape sequences, a forged passing line after a carriage return,
// workflow commands, a C1 control and a bidi override, graded through the built CLI: every
// report shows those bytes as escapes and none of them acts.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { ClassroomResults } from '../../harness/report/render-classroom.js';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

const HOSTILE = fixture('hostile/prints-escapes');
/** Characters that must never reach a report raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters no report may hold raw
const ACTING = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
/** A line GitHub's runner would read as a command: `::` after white space, or `##[` anywhere. */
const COMMAND_LINE = /^[\s\u0085]*::|##\[/m;

function expectInert(what: string, text: string): void {
  const raw = ACTING.exec(text);
  expect(raw, `${what} holds a raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, (raw?.index ?? 0) - 40), (raw?.index ?? 0) + 40))}`).to.equal(
    null,
  );
  expect(
    COMMAND_LINE.exec(text)
      ?.input.split('\n')
      .find((l) => COMMAND_LINE.test(l)),
    `${what} has a workflow command line`,
  ).to.equal(undefined);
}

describe('reports of a program that prints hostile bytes', function () {
  // Whole gradings through the CLI, beside validate on 2 cores.
  this.timeout(FEW_GRADINGS_MS);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'hostile-reports-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('text: the escapes are shown, the forged lines are not lines, nothing acts', async () => {
    const r = await runCli('grade', ['task3b', HOSTILE, '--groups', 'server']);
    expect(r.exitCode, r.stderr).to.equal(1);
    expectInert('stdout', r.stdout);
    expectInert('stderr', r.stderr);
    // The evidence is there, as escapes a student can read.
    expect(r.stdout).to.include('\\x1b]0;pwned\\x07').and.include('\\r::error file=server.py::forged').and.include('\\u202egnp.exe');
    // The passing lines are the grader's own, one per test that passed: the forged one is part of a longer line.
    const json = await runCli('grade', ['task3b', HOSTILE, '--groups', 'server', '--format', 'json']);
    const passed = (JSON.parse(json.stdout) as TaskReport).tests.filter((t) => t.status === 'passed').length;
    expect(r.stdout.split('\n').filter((l) => /^\s*✓/.test(l))).to.have.length(passed);
  });

  it('classroom: stdout, the results for the reporter and the step summary are inert', async () => {
    const output = path.join(tmp, 'github-output');
    const summary = path.join(tmp, 'step-summary.md');
    writeFileSync(output, '');
    const r = await runCli('grade', ['task3b', HOSTILE, '--groups', 'server', '--format', 'classroom'], { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary });
    expect(r.exitCode, r.stderr).to.equal(1);
    expectInert('stdout', r.stdout);
    const results = JSON.parse(r.stdout) as ClassroomResults;
    const failed = results.tests.filter((t) => t.status === 'fail');
    expect(failed).to.not.be.empty;
    // Classroom's reporter prints each message to the job's log as it is.
    for (const t of results.tests) expectInert(`the message of ${t.name}`, t.message);
    expect(failed[0].message).to.include('\\x1b[2J');
    const line = readFileSync(output, 'utf8');
    expect(JSON.parse(Buffer.from(line.replace(/^result=/, ''), 'base64').toString('utf8'))).to.deep.equal(results);
    const md = readFileSync(summary, 'utf8');
    expectInert('the step summary', md);
    expect(md).to.include('\\x1b]0;pwned\\x07');
  });

  it('junit and json: valid, and inert', async () => {
    const junit = await runCli('grade', ['task3b', HOSTILE, '--groups', 'server', '--format', 'junit']);
    expect(junit.exitCode, junit.stderr).to.equal(1);
    expectInert('junit', junit.stdout);
    expect(junit.stdout).to.include('\\x1b[2J');
    const json = await runCli('grade', ['task3b', HOSTILE, '--groups', 'server', '--format', 'json']);
    expectInert('json', json.stdout);
    // JSON keeps the program's own bytes, escaped the JSON way.
    const report = JSON.parse(json.stdout) as { tests: Array<{ message?: string }> };
    expect(report.tests.map((t) => t.message ?? '').join('\n')).to.include('\x1b]0;pwned\x07');
  });
});
