// The HTML report, opened in a real browser: a submission with failing tests is graded
// into one page, which Chromium draws (the screenshot is not blank) with one sequence
// diagram per failing test, and the markup the program printed shown as text, acting on
// nothing (no script runs, nothing loads).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { toHtml } from '../../harness/report/render-html.js';
import type { TaskReport } from '../../harness/report/types.js';
import { fixture, runCli } from '../cli/run-cli.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { dumpDom, screenshot } from './headless-chromium.js';
import { pngInk } from './png-ink.js';

const MARKUP = '</svg><script>document.title="pwned"</script><img src="http://example.invalid/x.png">';

function report(): TaskReport {
  const transcript = [
    { atMs: 5, actor: 'server', event: 'started: python3 -u task3b/server.py' },
    { atMs: 9, actor: 'grader', event: 'sent "HELLO\\n"' },
    { atMs: 12, actor: 'server stdout', event: `printed ${JSON.stringify(MARKUP)}` },
    { atMs: 14, actor: 'grader', event: 'received "<b>HELLO</b>\\n"' },
  ];
  const failed = { name: 'the server answers HELLO with HELLO', group: 'server', status: 'failed' as const, points: 0, maxPoints: 2, durationMs: 20, transcript };
  const message = `sent:     "HELLO\\n"\nexpected: "HELLO\\n" from the server\ngot:      "<b>HELLO</b>\\n"\nthe server printed ${MARKUP}`;
  return {
    task: 'task3b',
    submission: '/submissions/<i>mallory</i>',
    score: 1,
    maxScore: 3,
    durationMs: 30,
    tests: [
      { ...failed, message },
      { ...failed, name: 'the server starts', status: 'passed', points: 1, maxPoints: 1, transcript: [] },
    ],
  };
}

/** Every opening tag of `name` in some HTML. */
const tags = (html: string, name: string): string[] => html.match(new RegExp(`<${name}[\\s>]`, 'gi')) ?? [];

describe('HTML report', () => {
  it('shows what a program printed as text: no tag of its own, a diagram for the failing test, the difference marked', () => {
    const html = toHtml({ submission: '/submissions/<i>mallory</i>', score: 1, maxScore: 3, durationMs: 30, tasks: [report()] });
    expect(tags(html, 'script')).to.deep.equal([]);
    expect(tags(html, 'img')).to.deep.equal([]);
    expect(tags(html, 'i')).to.deep.equal([]);
    expect(tags(html, 'b')).to.deep.equal([]);
    expect(html).to.include('&lt;script&gt;document.title=').and.include('&lt;i&gt;mallory&lt;/i&gt;');
    expect(tags(html, 'svg')).to.have.length(1);
    // "HELLO\n" against "<b>HELLO</b>\n": what got adds is marked, what it keeps is not.
    expect(html).to.match(/<ins>&lt;b&gt;<\/ins>HELLO<ins>&lt;\/b&gt;<\/ins>/);
    // Self-contained: no address to fetch anything from.
    expect(html).to.not.match(/\s(?:src|href)=(?!["']#)["']/i);
    expect(html).to.not.match(/url\(|@import|<link/i);
  });
});

describe('HTML report in a browser', function () {
  // A grading through the CLI and three browser runs, beside validate on 2 cores.
  this.timeout(FEW_GRADINGS_MS);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'html-report-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('a blank page counts no ink (the check below can fail)', async () => {
    const blank = path.join(tmp, 'blank.html');
    writeFileSync(blank, '<!doctype html><html><body></body></html>');
    await screenshot(blank, path.join(tmp, 'blank.png'), 800, 600);
    const ink = pngInk(readFileSync(path.join(tmp, 'blank.png')));
    expect(ink).to.deep.include({ width: 800, height: 600, inked: 0 });
  });

  it('draws a graded submission: not blank, one diagram per failing test, its markup inert', async () => {
    const page = path.join(tmp, 'report.html');
    const r = await runCli('grade', ['task3b', fixture('answers-in-html'), '--format', 'html', '--out', page]);
    expect(r.exitCode, r.stderr).to.equal(1);
    // With --out, the terminal gets the text report and where the page is.
    const failing = r.stdout.split('\n').filter((l) => /^\s+✗ /.test(l)).length;
    expect(failing, r.stdout).to.be.at.least(1);
    expect(r.stdout).to.include(`the HTML report: ${page}`);

    for (const [width, height] of [
      [1000, 1400],
      [390, 844],
    ]) {
      const png = path.join(tmp, `report-${width}.png`);
      await screenshot(page, png, width, height);
      const ink = pngInk(readFileSync(png));
      expect(ink.width).to.equal(width);
      // Text, tables and diagrams: far more than a stray pixel, far less than a filled page.
      expect(ink.inked / (width * height), `${ink.inked} inked pixels of ${width}×${height}`).to.be.within(0.02, 0.6);
    }

    const dom = await dumpDom(page);
    expect(tags(dom, 'svg'), 'one diagram per failing test').to.have.length(failing);
    expect(dom.match(/<tr class="failed"/g) ?? []).to.have.length(failing);
    // The program's markup is text in the page: no script of its ran (the title is ours), nothing of it loaded.
    expect(tags(dom, 'script')).to.deep.equal([]);
    expect(tags(dom, 'img')).to.deep.equal([]);
    expect(dom).to.match(/<title>socket-grader: task3b: \d+ \/ \d+<\/title>/);
    expect(dom).to.include('&lt;script&gt;document.title=');
    expect(readFileSync(page, 'utf8')).to.not.match(/\s(?:src|href)=(?!["']#)["']/i);
  });
});
