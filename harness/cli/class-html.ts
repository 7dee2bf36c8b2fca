// What `class … --html DIR` adds: every row's status and nearest known bug, each
// student's own HTML report (DIR/<student>-<task>.html) and the dashboard (DIR/index.html).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClassRow } from '../report/class-csv.js';
import { gradingStatus } from '../report/class-status.js';
import { failingTests, nearestBug } from '../report/nearest-bug.js';
import { allReport } from '../report/render.js';
import { type DashboardRow, renderDashboard } from '../report/render-dashboard.js';
import { toHtml } from '../report/render-html.js';
import type { ClassResult } from '../runner/grade-class.js';
import { type KnownBugs, knownBugs } from '../runner/known-bugs.js';
import type { WaitSettings } from '../runner/worker-protocol.js';

/** Each task's known bugs, graded once and kept in `cacheDir` (runner/known-bugs.ts); `say` gets a line per grading. */
export async function matchKnownBugs(
  tasks: readonly string[],
  opts: { jobs: number; seed: number; waits: WaitSettings; cacheDir: string; say: (line: string) => void },
): Promise<Map<string, KnownBugs>> {
  const known = new Map<string, KnownBugs>();
  for (const task of tasks) {
    let done = 0;
    let count = 0;
    const bugs = await knownBugs(task, {
      ...opts,
      onStart: (n) => {
        count = n;
        opts.say(`${task}: grading its ${n} known mutants once, to match the class's failures (kept in ${path.join(opts.cacheDir, 'known-bugs')} for the next run)`);
      },
      onResult: (r) => opts.say(`[${++done}/${count}] known bug ${r.student} ${r.task} ${r.error ? 'grader error' : `${r.report.score}/${r.report.maxScore}`}`),
    });
    known.set(task, bugs);
  }
  return known;
}

export function classRows(results: readonly ClassResult[], known?: Map<string, KnownBugs>): ClassRow[] {
  return results.map((r) => {
    const status = gradingStatus(r.report, r.error);
    const bugs = known?.get(r.task)?.bugs ?? [];
    const nearest = status === 'graded' ? nearestBug(failingTests(r.report), bugs) : undefined;
    return { ...r, status, ...(nearest ? { nearest } : {}) };
  });
}

/** A student's own report beside the dashboard. */
export function reportFileName(student: string, task: string): string {
  return `${student}-${task}.html`;
}

export function writeClassHtml(dir: string, rows: readonly ClassRow[], meta: { classDir: string; seed: number; tasks: readonly string[]; known: Map<string, KnownBugs> }): string {
  mkdirSync(dir, { recursive: true });
  const shown: DashboardRow[] = [];
  for (const r of rows) {
    const file = reportFileName(r.student, r.task);
    writeFileSync(path.join(dir, file), `${toHtml(allReport(r.report.submission, [r.report], r.report.durationMs), { href: 'index.html', text: '← the class' })}\n`);
    shown.push({ student: r.student, task: r.task, report: r.report, status: r.status, nearest: r.nearest, reportFile: file });
  }
  const tasks = meta.tasks.map((task) => {
    const k = meta.known.get(task);
    return { task, knownBugs: k?.bugs.length ?? 0, ...(k?.missing ? { missing: k.missing } : {}) };
  });
  const index = path.join(dir, 'index.html');
  writeFileSync(index, `${renderDashboard({ classDir: meta.classDir, seed: meta.seed, tasks, rows: shown })}\n`);
  return index;
}
