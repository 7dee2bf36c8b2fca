// A Markdown summary for a CI run's page ($GITHUB_STEP_SUMMARY): every test with its
// points (Classroom's own log shows only passed/total), and under each failure the
// expected and actual lines and the conversation as a sequence diagram.

import { dialectWords } from './dialect-words.js';
import { safeText } from './escape.js';
import { sequenceDiagram } from './render-mermaid.js';
import type { TaskReport, TestResult } from './types.js';

const MARK: Record<TestResult['status'], string> = { passed: '✅', failed: '❌', skipped: '⏭️', error: '⚠️' };

/** Markdown table cells: a pipe ends the cell, a newline ends the row. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

function points(t: TestResult): string {
  return t.advisory ? 'advisory' : `${t.points} / ${t.maxPoints}`;
}

/** The message: what was sent, the expected and got lines, the hint, and how the program ended. */
function evidence(t: TestResult): string {
  const lines = (t.message ?? t.status).split('\n');
  return lines.length > 40 ? [...lines.slice(0, 40), `(… ${lines.length - 40} more lines)`].join('\n') : lines.join('\n');
}

function fence(text: string, lang = ''): string[] {
  // Longer than any run of backticks in the text, so the text cannot close it.
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return [`${ticks}${lang}`, text, ticks];
}

function taskSummary(r: TaskReport): string[] {
  const learned = dialectWords(r.dialect);
  const lines = [`### ${r.task}: ${r.score} / ${r.maxScore} points`, '', ...(learned ? [cell(learned), ''] : []), '| | test | group | points |', '|---|---|---|---|'];
  for (const t of r.tests) lines.push(`| ${MARK[t.status]} | ${cell(t.name)} | ${cell(t.group)} | ${points(t)} |`);
  const failures = r.tests.filter((t) => t.status !== 'passed');
  if (failures.length > 0) lines.push('');
  for (const t of failures) {
    lines.push(`<details><summary>${MARK[t.status]} ${cell(t.name).replace(/</g, '&lt;')}</summary>`, '');
    lines.push(...fence(evidence(t)));
    if (t.status !== 'skipped' && t.transcript.length > 0) lines.push('', ...fence(sequenceDiagram(t.transcript), 'mermaid'));
    lines.push('', '</details>');
  }
  return lines;
}

export function markdownSummary(reports: TaskReport[]): string {
  const score = reports.reduce((a, r) => a + r.score, 0);
  const max = reports.reduce((a, r) => a + r.maxScore, 0);
  const head = reports.length === 1 ? [] : [`## socket-grader: ${score} / ${max} points`, ''];
  return `${safeText([...head, ...reports.flatMap((r) => [...taskSummary(r), ''])].join('\n'))}\n`;
}
