// The class dashboard (index.html of `class … --html DIR`): per task, the score
// distribution, each test's pass rate with the tests most of the class fails first, and
// the class's misconceptions (failing submissions grouped by the known bug they fail
// like, nearest-bug.ts); then one row per student linking to their own report.

import type { GradingStatus } from './class-status.js';
import { htmlText } from './escape.js';
import { htmlPage } from './html-page.js';
import type { BugMatch } from './nearest-bug.js';
import { scoreChart } from './score-chart-svg.js';
import type { TaskReport } from './types.js';

export interface DashboardRow {
  student: string;
  task: string;
  report: TaskReport;
  status: GradingStatus;
  /** The known bug its failures are most like, when one is alike enough. */
  nearest?: BugMatch;
  /** Its own HTML report, relative to the dashboard. */
  reportFile: string;
}

export interface DashboardTask {
  task: string;
  /** Known bugs matched against; `missing` says why there are none. */
  knownBugs: number;
  missing?: string;
}

export interface Dashboard {
  classDir: string;
  seed: number;
  tasks: DashboardTask[];
  rows: DashboardRow[];
}

const STYLE = `
figure.chart { margin: 0.5em 0; } figure.chart figcaption { color: #57606a; font-size: 0.9em; } h3 { margin-top: 1.2em; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; } svg.chart .bar { fill: #54aeff; } svg.chart .axis { stroke: #57606a; }
svg.chart .grid { stroke: #eaeef2; } svg.chart text { fill: #1f2328; } svg.chart .tick { fill: #57606a; }
.rate { display: inline-block; width: 90px; height: 10px; background: #ffebe9; border-radius: 3px; vertical-align: middle; overflow: hidden; }
.rate span { display: block; height: 100%; background: #2da44e; }
ul.bugs li { margin: 0.3em 0; } .who { color: #57606a; font-size: 0.9em; overflow-wrap: anywhere; }
td.status-graded { color: inherit; } td.status-other { color: #cf222e; }
`;

/** A link to a file beside the dashboard: its name percent-encoded, so a student's folder name cannot leave the attribute. */
function link(file: string, text: string): string {
  return `<a href="${file.split('/').map(encodeURIComponent).join('/')}">${htmlText(text)}</a>`;
}

function passRates(rows: readonly DashboardRow[]): string {
  const graded = rows.filter((r) => r.status === 'graded');
  if (graded.length === 0) return '<p>No submission of this task was graded: no pass rates.</p>';
  const tests = graded[0].report.tests.map((t) => ({ name: t.name, group: t.group }));
  const rates = tests
    .map((t) => ({ ...t, passed: graded.filter((r) => r.report.tests.some((x) => x.name === t.name && x.status === 'passed')).length }))
    .sort((a, b) => a.passed - b.passed || a.name.localeCompare(b.name));
  const body = rates.map((t) => {
    const pct = Math.round((100 * t.passed) / graded.length);
    return `<tr><td>${htmlText(t.name)}</td><td class="group">${htmlText(t.group)}</td><td class="num">${t.passed} / ${graded.length}</td><td><span class="rate" title="${pct}% passed"><span style="width:${pct}%"></span></span></td></tr>`;
  });
  return [
    `<h3>Tests, the most failed first (of ${graded.length} graded submissions)</h3>`,
    '<table class="rates"><thead><tr><th>test</th><th class="group">group</th><th class="num">passed</th><th></th></tr></thead><tbody>',
    ...body,
    '</tbody></table>',
  ].join('\n');
}

function misconceptions(t: DashboardTask, rows: readonly DashboardRow[]): string {
  const failing = rows.filter((r) => r.status === 'graded' && r.report.tests.some((x) => x.status === 'failed' || x.status === 'skipped'));
  const head = '<h3>Misconceptions: failing submissions matched to the known bugs</h3>';
  if (t.knownBugs === 0) return `${head}<p>${htmlText(`Not matched: ${t.missing ?? 'no known bugs'}.`)}</p>`;
  if (failing.length === 0) return `${head}<p>No graded submission fails a test.</p>`;
  const byBug = new Map<string, { bug: string; students: string[] }>();
  for (const r of failing) {
    if (!r.nearest) continue;
    const entry = byBug.get(r.nearest.name) ?? { bug: r.nearest.bug, students: [] };
    entry.students.push(r.student);
    byBug.set(r.nearest.name, entry);
  }
  const items = [...byBug.values()]
    .sort((a, b) => b.students.length - a.students.length)
    .map((e) => `<li><strong>${e.students.length} of ${rows.length}</strong> fail like: ${htmlText(e.bug)}<br><span class="who">${htmlText(e.students.join(', '))}</span></li>`);
  const unlike = failing.filter((r) => !r.nearest);
  if (unlike.length > 0)
    items.push(`<li><strong>${unlike.length} of ${rows.length}</strong> fail unlike any known bug<br><span class="who">${htmlText(unlike.map((r) => r.student).join(', '))}</span></li>`);
  const intro = `${failing.length} of the ${rows.length} submissions were graded and fail some test; each is matched to the known mutant of ${t.task} (of ${t.knownBugs}) whose failing tests are most alike.`;
  return `${head}\n<p>${htmlText(intro)}</p>\n<ul class="bugs">${items.join('\n')}</ul>`;
}

/** "18 graded, 1 did not start, 1 no program": how many of each status, in that order. */
function statusCounts(rows: readonly DashboardRow[]): string {
  const order: GradingStatus[] = ['graded', 'did not start', 'no program', 'grader error'];
  return order
    .map((st) => [st, rows.filter((r) => r.status === st).length] as const)
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${n} ${st}`)
    .join(', ');
}

function taskSection(t: DashboardTask, rows: readonly DashboardRow[]): string {
  const max = Math.max(0, ...rows.filter((r) => r.status !== 'grader error').map((r) => r.report.maxScore));
  const scores = rows.map((r) => r.report.score);
  const mean = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  return [
    `<section class="task" id="task-${htmlText(t.task)}">`,
    `<h2>${htmlText(t.task)}: ${rows.length} submissions, mean ${mean.toFixed(1)} of ${max} points</h2>`,
    `<p class="meta">${htmlText(statusCounts(rows))}</p>`,
    `<figure class="chart">${scoreChart(scores, max, `${t.task}: how many students got each score`)}<figcaption>Scores: how many students got each.</figcaption></figure>`,
    passRates(rows),
    misconceptions(t, rows),
    '</section>',
  ].join('\n');
}

function studentTable(d: Dashboard): string {
  const students = [...new Set(d.rows.map((r) => r.student))];
  const body = students.map((s) => {
    const cells = d.tasks.map((t) => {
      const r = d.rows.find((x) => x.student === s && x.task === t.task);
      if (!r) return '<td></td><td></td>';
      const status = r.status === 'graded' ? '' : ` (${r.status})`;
      return `<td class="num ${r.status === 'graded' ? 'status-graded' : 'status-other'}">${link(r.reportFile, `${r.report.score} / ${r.report.maxScore}`)}${htmlText(status)}</td><td>${r.nearest ? htmlText(r.nearest.bug) : ''}</td>`;
    });
    return `<tr><td>${htmlText(s)}</td>${cells.join('')}</tr>`;
  });
  const heads = d.tasks.map((t) => `<th class="num">${htmlText(t.task)}</th><th>fails like</th>`).join('');
  return ['<h2>Students</h2>', `<table class="students"><thead><tr><th>student</th>${heads}</tr></thead><tbody>`, ...body, '</tbody></table>'].join('\n');
}

export function renderDashboard(d: Dashboard): string {
  const students = new Set(d.rows.map((r) => r.student)).size;
  const body = [
    `<header><h1>socket-grader: a class of ${students}</h1>`,
    `<p class="meta">${htmlText(`${d.classDir} · ${d.tasks.map((t) => t.task).join(', ')} · seed ${d.seed} (rerun with --seed ${d.seed} for the same data)`)}</p></header>`,
    '<main>',
    ...d.tasks.map((t) =>
      taskSection(
        t,
        d.rows.filter((r) => r.task === t.task),
      ),
    ),
    studentTable(d),
    '</main>',
  ];
  return htmlPage(`socket-grader: a class of ${students}`, body.join('\n'), STYLE);
}
