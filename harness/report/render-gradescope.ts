// The report as Gradescope's autograder results.json: the score, and every test with
// its points, status, evidence and group (as a tag); visible to the student at once, or
// only after the due date for the groups an instructor names. Outputs are Markdown, so
// the evidence and the conversation keep their lines; extra_data says which grader,
// which specs, which seed and which isolation made the score.

import { formatTranscript } from '../core/transcript.js';
import { safeText } from './escape.js';
import { learnedWords } from './learned-words.js';
import { fence, provenance } from './markdown.js';
import type { AllReport, TestResult } from './types.js';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  output_format: 'md';
  visibility: Visibility;
  /** The test's group: Gradescope filters and counts tests by tag. */
  tags: string[];
}

export type Visibility = 'visible' | 'after_due_date';

export interface GradescopeOptions {
  /** Groups whose tests the student sees only after the due date (the score counts them at once). */
  afterDue?: readonly string[];
}

export interface GradescopeResults {
  score: number;
  /** Seconds. */
  execution_time: number;
  output: string;
  output_format: 'md';
  test_output_format: 'md';
  visibility: 'visible';
  stdout_visibility: 'visible';
  extra_data: { graderVersion?: string; specHash?: string; seed?: number; isolation?: string };
  tests: GradescopeTest[];
}

/** A failure in Markdown: the message as it reads in a terminal, then the conversation that proves it. */
function testOutput(t: TestResult): string {
  if (t.status === 'passed') return '';
  const lines = fence(t.message ?? t.status);
  if (t.status !== 'skipped' && t.transcript.length > 0) lines.push('', '**conversation**', '', ...fence(formatTranscript(t.transcript).join('\n')));
  return safeText(lines.join('\n'));
}

export function toGradescope(all: AllReport, opts: GradescopeOptions = {}): GradescopeResults {
  const afterDue = new Set(opts.afterDue ?? []);
  const lines = all.tasks.flatMap((r) => {
    return [`- **${r.task}**: ${r.score}/${r.maxScore} points, ${r.tests.filter((t) => t.status === 'passed').length} of ${r.tests.length} tests passed`, ...learnedWords(r).map((w) => `  ${w}`)];
  });
  const from = provenance(all.grader, all.seed);
  return {
    score: all.score,
    execution_time: Math.round(all.durationMs / 100) / 10,
    output: safeText([...lines, '', `**total: ${all.score}/${all.maxScore}**`, ...(from ? ['', from] : [])].join('\n')),
    output_format: 'md',
    test_output_format: 'md',
    visibility: 'visible',
    stdout_visibility: 'visible',
    extra_data: { graderVersion: all.grader?.version, specHash: all.grader?.specHash, seed: all.seed, isolation: all.isolation },
    tests: all.tasks.flatMap((r, ti) =>
      r.tests.map((t, i) => ({
        name: safeText(`${r.task} · ${t.group} · ${t.name}${t.advisory ? ' (advisory)' : ''}`),
        number: `${ti + 1}.${i + 1}`,
        score: t.points,
        max_score: t.maxPoints,
        status: t.status === 'passed' ? ('passed' as const) : ('failed' as const),
        output: testOutput(t),
        output_format: 'md' as const,
        visibility: afterDue.has(t.group) ? ('after_due_date' as const) : ('visible' as const),
        tags: [t.group],
      })),
    ),
  };
}
