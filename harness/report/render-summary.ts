// A Markdown summary for a CI run's page ($GITHUB_STEP_SUMMARY): every test with its
// points (Classroom's own log shows only passed/total), and under each failure the
// expected and actual lines and the conversation as a sequence diagram.

import { safeText } from './escape.js';
import { learnedWords } from './learned-words.js';
import { cell, fence, provenance } from './markdown.js';
import { sequenceDiagram } from './render-mermaid.js';
import type { TaskReport, TestResult } from './types.js';

const MARK: Record<TestResult['status'], string> = { passed: '✅', failed: '❌', skipped: '⏭️', error: '⚠️' };

function points(t: TestResult): string {
  return t.advisory ? 'advisory' : `${t.points} / ${t.maxPoints}`;
}

/** The message: what was sent, the expected and got lines, the hint, and how the program ended. */
function evidence(t: TestResult): string {
  const lines = (t.message ?? t.status).split('\n');
  return lines.length > 40 ? [...lines.slice(0, 40), `(… ${lines.length - 40} more lines)`].join('\n') : lines.join('\n');
}

function taskSummary(r: TaskReport): string[] {
  const learned = learnedWords(r);
  const lines = [`### ${r.task}: ${r.score} / ${r.maxScore} points`, '', ...learned.flatMap((w) => [cell(w), '']), '| | test | group | points |', '|---|---|---|---|'];
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
  const stamp = reports.find((r) => r.grader);
  const from = provenance(stamp?.grader, stamp?.seed);
  return `${safeText([...head, ...reports.flatMap((r) => [...taskSummary(r), '']), ...(from ? [`<sub>${from}</sub>`, ''] : [])].join('\n'))}\n`;
}
