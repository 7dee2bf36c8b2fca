// The class dashboard: a class made of the catalog's own submissions for one task (each
// mutant twice, each solution twice, one with no program, one whose server crashes before
// it listens) graded with --html. Each mutant-made submission must be matched to its own
// mutant's bug (or to one failing the very same tests), the page drawn in a real browser
// with its chart, and every student linked to their own report.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { MANY_GRADINGS_MS } from '../limits.js';
import { dumpDom, screenshot } from '../report/headless-chromium.js';
import { pngInk } from '../report/png-ink.js';
import { fixture, mutant, root, runCli } from './run-cli.js';

const TASK = 'task3b';
const MUTANTS = path.join(root, 'specs', TASK, 'mutants');
const SOLUTIONS = path.join(root, 'specs', TASK, 'solutions');
type Row = { student: string; status: string; score: string; nearest_bug: string; bug_likeness: string };
/** Text as a browser serializes it in an element (--dump-dom): only &, < and > escaped. */
const domText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
type Cache = { bugs: Array<{ name: string; bug: string; failing: string[] }> };

describe('class dashboard (class --html)', function () {
  this.timeout(MANY_GRADINGS_MS);
  let tmp: string;
  let classDir: string;
  const made = new Map<string, string>();
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'class-dashboard-'));
    classDir = path.join(tmp, 'class');
    for (const m of readdirSync(MUTANTS))
      for (const copy of [1, 2]) {
        cpSync(mutant(TASK, m), path.join(classDir, `${m}-${copy}`), { recursive: true });
        made.set(`${m}-${copy}`, m);
      }
    for (const s of readdirSync(SOLUTIONS)) for (const copy of [1, 2]) cpSync(path.join(SOLUTIONS, s), path.join(classDir, `solution-${s}-${copy}`), { recursive: true });
    cpSync(fixture('empty'), path.join(classDir, 'no-program'), { recursive: true });
    cpSync(fixture('crashes'), path.join(classDir, 'crashes-before-listening'), { recursive: true });
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('matches each mutant-made submission to its own bug, and draws the dashboard with its chart and a link per student', async () => {
    const students = readdirSync(classDir);
    expect(students.length).to.be.at.least(20);
    const html = path.join(tmp, 'html');
    const csv = path.join(tmp, 'grades.csv');
    const r = await runCli('class', [TASK, classDir, '--html', html, '--csv', csv]);
    expect(r.exitCode, r.stderr).to.equal(1);
    expect(r.stderr).to.include(`${TASK}: grading its ${readdirSync(MUTANTS).length} known mutants once`);
    expect(r.stdout).to.include(`the class dashboard: ${path.join(html, 'index.html')}`);

    const rows = parse(readFileSync(csv), { columns: true }) as Row[];
    expect(rows).to.have.length(students.length);
    const status = (s: string): string | undefined => rows.find((x) => x.student === s)?.status;
    expect(status('no-program')).to.equal('no program');
    expect(status('crashes-before-listening')).to.equal('did not start');
    expect(status('solution-student-basic-1')).to.equal('graded');

    // Matched to its own mutant, or to one failing the very same tests (the two are then indistinguishable).
    const cache = JSON.parse(readFileSync(path.join(html, 'known-bugs', `${TASK}.json`), 'utf8')) as Cache;
    const failing = (name: string): string => JSON.stringify([...(cache.bugs.find((b) => b.name === name)?.failing ?? [])].sort());
    for (const [student, madeFrom] of made) {
      const row = rows.find((x) => x.student === student);
      expect(row?.status, student).to.equal('graded');
      const matched = cache.bugs.find((b) => b.bug === row?.nearest_bug);
      expect(matched, `${student}: matched to no known bug`).to.not.equal(undefined);
      if (matched?.name !== madeFrom) expect(failing(matched?.name ?? ''), `${student} matched ${matched?.name}`).to.equal(failing(madeFrom));
    }
    expect(rows.find((x) => x.student === 'solution-student-basic-1')?.nearest_bug).to.equal('');

    const index = path.join(html, 'index.html');
    const png = path.join(tmp, 'index.png');
    await screenshot(index, png, 1000, 1400);
    const ink = pngInk(readFileSync(png));
    expect(ink.inked / (1000 * 1400), `${ink.inked} inked pixels`).to.be.within(0.02, 0.6);
    const dom = await dumpDom(index);
    expect(dom.match(/<svg class="chart"/g) ?? [], 'the score chart').to.have.length(1);
    expect(dom).to.include(`${students.length - 2} graded, 1 did not start, 1 no program`);
    expect(dom.match(/<rect class="bar"/g)?.length ?? 0).to.be.at.least(2);
    // Each mutant-made student's row names the bug it was matched to.
    for (const student of made.keys()) {
      const row = new RegExp(`<tr><td>${student}</td>.*?</tr>`).exec(dom)?.[0] ?? '';
      expect(row, student).to.include(domText(rows.find((x) => x.student === student)?.nearest_bug ?? '?'));
    }
    // Every mutant's bug sentence is among the misconceptions, with the submissions made from it.
    for (const b of cache.bugs) expect(dom, b.name).to.include(`fail like: ${domText(b.bug)}`);
    // One link per student, each to a report that exists beside the dashboard.
    const links = [...dom.matchAll(/<a href="([^"#]+)"/g)].map((m) => decodeURIComponent(m[1]));
    expect(links.sort()).to.deep.equal(students.map((s) => `${s}-${TASK}.html`).sort());
    for (const l of links) expect(existsSync(path.join(html, l)), l).to.equal(true);
    // Each report leads back to the dashboard, and draws its failing tests.
    const own = readFileSync(path.join(html, `echo-one-recv-1-${TASK}.html`), 'utf8');
    expect(own).to.include('<a href="index.html">').and.include('<svg class="seq"');
  });

  it('grades the known mutants once: a second run reads their failing tests back', async () => {
    const small = path.join(tmp, 'small');
    cpSync(mutant(TASK, 'echo-one-recv'), path.join(small, 'one-recv'), { recursive: true });
    const html = path.join(tmp, 'html');
    const csv = path.join(tmp, 'small.csv');
    const r = await runCli('class', [TASK, small, '--html', html, '--csv', csv]);
    expect(r.exitCode, r.stderr).to.equal(1);
    expect(r.stderr).to.not.include('known mutants once').and.not.include('known bug');
    const rows = parse(readFileSync(csv), { columns: true }) as Row[];
    const bug = (JSON.parse(readFileSync(path.join(MUTANTS, 'echo-one-recv', 'mutant.json'), 'utf8')) as { bug: string }).bug;
    expect(rows.map((x) => [x.student, x.nearest_bug])).to.deep.equal([['one-recv', bug]]);
  });
});
