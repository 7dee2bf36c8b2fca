// The report in the shape GitHub Classroom's autograding reporter reads from a runner
// (base64 of this JSON in <RUNNER>_RESULTS): points per test on every push. The
// reporter sends Classroom the sum of tests[].score, so every test carries a number.

import { formatTranscript } from '../core/transcript.js';
import { safeText } from './escape.js';
import type { TaskReport, TestResult } from './types.js';

export type ClassroomStatus = 'pass' | 'fail' | 'error';

export interface ClassroomTest {
  name: string;
  status: ClassroomStatus;
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  /** Milliseconds. */
  duration: number;
}

export interface ClassroomResults {
  version: 1;
  status: ClassroomStatus;
  max_score: number;
  tests: ClassroomTest[];
}

const STATUS: Record<TestResult['status'], ClassroomStatus> = { passed: 'pass', failed: 'fail', skipped: 'fail', error: 'error' };

/** A failure's evidence as one text: the message, then the conversation's tail; nothing in it acts (Classroom's reporter prints it to the log). */
export function failureText(t: TestResult): string {
  if (t.status === 'passed') return '';
  const lines = [t.message ?? t.status];
  if (t.status !== 'skipped' && t.transcript.length > 0) lines.push('conversation:', ...formatTranscript(t.transcript).map((l) => `  ${l}`));
  return safeText(lines.join('\n'));
}

export function toClassroom(reports: TaskReport[]): ClassroomResults {
  const tests = reports.flatMap((r) =>
    r.tests.map(
      (t): ClassroomTest => ({
        name: safeText(`${r.task} · ${t.group} · ${t.name}`),
        status: STATUS[t.status],
        score: t.points,
        message: failureText(t),
        // How to replay it, and which grader and specs graded it.
        test_code: `socket-grader grade ${r.task} .${r.seed === undefined ? '' : ` --seed ${r.seed}`}${r.grader ? ` # socket-grader ${r.grader.version}, specs ${r.grader.specHash}` : ''}`,
        filename: `${r.task}/PROTOCOL.md`,
        line_no: 0,
        duration: Math.round(t.durationMs),
      }),
    ),
  );
  const status = tests.some((t) => t.status === 'error') ? 'error' : tests.some((t) => t.status === 'fail') ? 'fail' : 'pass';
  return { version: 1, status, max_score: reports.reduce((a, r) => a + r.maxScore, 0), tests };
}

/** The line a workflow step appends to $GITHUB_OUTPUT for the reporter's `<ID>_RESULTS`. */
export function classroomOutputLine(results: ClassroomResults): string {
  return `result=${Buffer.from(JSON.stringify(results)).toString('base64')}\n`;
}
