// The report as one HTML file to open in a browser: every test with its verdict and
// points, and under each that did not pass, what was sent, expected and got (their
// difference marked), the hint, how the programs ended, and the conversation drawn as a
// sequence diagram. Everything a program printed is escaped (escape.ts).

import { dialectWords } from './dialect-words.js';
import { htmlText } from './escape.js';
import { htmlPage } from './html-page.js';
import { markDifference } from './mark-difference.js';
import { sequenceSvg } from './render-sequence-svg.js';
import { onlyTestsWords } from './render-text.js';
import type { AllReport, TaskReport, TestResult } from './types.js';

const MARK: Record<TestResult['status'], string> = { passed: '✓', failed: '✗', skipped: '–', error: '!' };
const VERDICT: Record<TestResult['status'], string> = { passed: 'passed', failed: 'failed', skipped: 'skipped', error: 'grader error' };

interface Evidence {
  fields: Map<string, string>;
  /** Lines after the labelled ones: how each program ended, its traceback. */
  rest: string[];
}

/** A failure's message (failures.ts formatFailure, then explain()'s lines) split into its labelled fields and the rest. */
function evidenceOf(message: string): Evidence {
  const fields = new Map<string, string>();
  const rest: string[] = [];
  for (const line of message.split('\n')) {
    const m = /^(sent|expected|got|hint):\s+([\s\S]*)$/.exec(line);
    if (m && !fields.has(m[1]) && rest.length === 0) fields.set(m[1], m[2]);
    else rest.push(line);
  }
  return { fields, rest };
}

function points(t: TestResult): string {
  return t.advisory ? 'advisory' : `${t.points} / ${t.maxPoints}`;
}

/** An anchor for a test: its task and position, not its title (short, and safe whatever the title holds). */
const anchor = (task: string, i: number): string => `t-${task.replace(/[^\w-]/g, '_')}-${i + 1}`;

function evidenceHtml(t: TestResult): string {
  const { fields, rest } = evidenceOf(t.message ?? VERDICT[t.status]);
  const parts: string[] = [];
  const expected = fields.get('expected');
  const got = fields.get('got');
  const marked = expected !== undefined && got !== undefined ? markDifference(expected, got) : undefined;
  const row = (label: string, html: string): string => `<dt>${label}</dt><dd><code>${html}</code></dd>`;
  const sent = fields.get('sent');
  if (sent !== undefined) parts.push(row('sent', htmlText(sent)));
  if (expected !== undefined) parts.push(row('expected', marked?.expected ?? htmlText(expected)));
  if (got !== undefined) parts.push(row('got', marked?.got ?? htmlText(got)));
  const hint = fields.get('hint');
  if (hint !== undefined) parts.push(`<dt>hint</dt><dd>${htmlText(hint)}</dd>`);
  const dl = parts.length > 0 ? `<dl class="evidence">${parts.join('')}</dl>` : '';
  const lines = rest.join('\n').trim();
  return `${dl}${lines ? `<pre>${htmlText(lines)}</pre>` : ''}`;
}

function testArticle(task: string, t: TestResult, i: number): string {
  const diagram = t.status === 'skipped' ? '' : sequenceSvg(t.transcript, `the conversation of the test: ${t.name}`);
  return [
    `<article class="test ${t.status}" id="${anchor(task, i)}">`,
    `<h3><span class="mark">${MARK[t.status]}</span> ${htmlText(t.name)} <span class="meta">(${htmlText(t.group)}, ${points(t)}, ${VERDICT[t.status]})</span></h3>`,
    evidenceHtml(t),
    diagram ? `<figure class="diagram">${diagram}<figcaption>The conversation: time on the left; arrows are messages, boxes are events.</figcaption></figure>` : '',
    '</article>',
  ].join('\n');
}

function taskSection(r: TaskReport): string {
  const learned = dialectWords(r.dialect);
  const rows = r.tests.map((t, i) => {
    const name = t.status === 'passed' ? htmlText(t.name) : `<a href="#${anchor(r.task, i)}">${htmlText(t.name)}</a>`;
    return `<tr class="${t.status}"><td class="mark" title="${VERDICT[t.status]}">${MARK[t.status]}</td><td>${name}</td><td class="group">${htmlText(t.group)}</td><td class="num">${points(t)}</td></tr>`;
  });
  const failing = r.tests.map((t, i) => ({ t, i })).filter(({ t }) => t.status !== 'passed');
  return [
    `<section class="task" id="task-${htmlText(r.task)}">`,
    `<h2>${htmlText(r.task)}: ${r.score} / ${r.maxScore} points</h2>`,
    learned ? `<p>${htmlText(learned)}</p>` : '',
    r.onlyTests ? `<p>${htmlText(onlyTestsWords(r.onlyTests))}</p>` : '',
    '<table class="tests"><thead><tr><th></th><th>test</th><th class="group">group</th><th class="num">points</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    ...failing.map(({ t, i }) => testArticle(r.task, t, i)),
    '</section>',
  ].join('\n');
}

/** `back`: a link above the report, to the page it was opened from (the class dashboard). */
export function toHtml(all: AllReport, back?: { href: string; text: string }): string {
  const title = all.tasks.length === 1 ? `${all.tasks[0].task}: ${all.score} / ${all.maxScore}` : `${all.score} / ${all.maxScore} over ${all.tasks.length} tasks`;
  const passed = all.tasks.reduce((a, r) => a + r.tests.filter((t) => t.status === 'passed').length, 0);
  const count = all.tasks.reduce((a, r) => a + r.tests.length, 0);
  const meta = [
    `submission: ${all.submission}`,
    `${passed} of ${count} tests passed`,
    ...(all.seed === undefined ? [] : [`seed ${all.seed} (rerun with --seed ${all.seed} for the same data)`]),
    ...(all.isolation ? [`isolation: ${all.isolation}`] : []),
    ...(all.grader ? [`grader: socket-grader ${all.grader.version}, specs ${all.grader.specHash}`] : []),
  ];
  const nav = back ? [`<nav class="noprint"><a href="${htmlText(back.href)}">${htmlText(back.text)}</a></nav>`] : [];
  const body = [
    ...nav,
    `<header><h1>socket-grader: ${htmlText(title)} points</h1>`,
    ...meta.map((m) => `<p class="meta">${htmlText(m)}</p>`),
    '</header>',
    '<main>',
    ...all.tasks.map(taskSection),
    '</main>',
  ];
  return htmlPage(`socket-grader: ${title}`, body.join('\n'));
}
