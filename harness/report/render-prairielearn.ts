// The report as PrairieLearn's external-grader results.json: a score from 0 to 1, every
// test with its points and evidence, and `gradable: false` with the reason when the
// grader itself could not grade (PrairieLearn then does not count the attempt).

import { graderFailed } from '../core/failures.js';
import { formatTranscript } from '../core/transcript.js';
import { safeText } from './escape.js';
import { learnedWords } from './learned-words.js';
import { provenance } from './markdown.js';
import { type AllReport, hasGraderError, type TestResult } from './types.js';

export interface PrairieLearnTest {
  name: string;
  description: string;
  points: number;
  max_points: number;
  message: string;
  output: string;
}

export interface PrairieLearnResults {
  gradable: boolean;
  /** 0 to 1. */
  score: number;
  message: string;
  output: string;
  tests: PrairieLearnTest[];
}

function conversation(t: TestResult): string {
  return t.status === 'passed' || t.status === 'skipped' ? '' : formatTranscript(t.transcript).join('\n');
}

export function toPrairieLearn(all: AllReport): PrairieLearnResults {
  const broken = all.tasks.flatMap((r) => r.tests.filter((t) => t.status === 'error').map((t) => `${r.task}: ${t.name}: ${(t.message ?? '').split('\n')[0]}`));
  const gradable = !all.tasks.some(hasGraderError);
  const from = provenance(all.grader, all.seed);
  const summary = all.tasks.map((r) => [`${r.task}: ${r.score}/${r.maxScore} points`, ...learnedWords(r)].join('\n  '));
  return {
    gradable,
    score: gradable && all.maxScore > 0 ? all.score / all.maxScore : 0,
    message: safeText(gradable ? summary.join('\n') : graderFailed(broken.join('; '))),
    output: safeText([...summary, ...(from ? [from] : [])].join('\n')),
    tests: all.tasks.flatMap((r) =>
      r.tests.map((t) => ({
        name: safeText(`${r.task} · ${t.name}`),
        description: `${t.group} test${t.advisory ? ' (advisory: not scored)' : ''}`,
        points: t.points,
        max_points: t.maxPoints,
        message: safeText(t.status === 'passed' ? '' : (t.message ?? t.status)),
        output: safeText(conversation(t)),
      })),
    ),
  };
}
