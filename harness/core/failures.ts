// The three outcomes a test can end in besides passing, kept apart as check50 does:
// the student's program is wrong (StudentFailure), the test cannot run because
// something it needs is missing (SkipTest), anything else is the grader's own bug.

export interface FailureDetails {
  /** What the grader did just before, e.g. `sent "HELLO\n"`. */
  sent?: string;
  /** What the protocol page says should happen. */
  expected: string;
  /** What happened instead, in plain words. */
  actual: string;
  /** A pointer for the student: what usually causes this. */
  help?: string;
}

export class StudentFailure extends Error {
  readonly details: FailureDetails;
  constructor(details: FailureDetails) {
    super(formatFailure(details));
    this.name = 'StudentFailure';
    this.details = details;
  }
}

export class SkipTest extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SkipTest';
  }
}

/** The grader broke; never the student's fault. */
export class GraderError extends Error {
  override name = 'GraderError';
}

export function formatFailure(d: FailureDetails): string {
  const lines: string[] = [];
  if (d.sent !== undefined) lines.push(`sent:     ${d.sent}`);
  lines.push(`expected: ${d.expected}`);
  lines.push(`got:      ${d.actual}`);
  if (d.help) lines.push(`hint:     ${d.help}`);
  return lines.join('\n');
}

/** How a fault of the grader itself is worded, wherever one is reported (a test, a class's job, the CLI). */
export function graderFailed(detail: string): string {
  return `the grader itself failed (not the submission's fault): ${detail}`;
}

export function isStudentFailure(e: unknown): e is StudentFailure {
  return e instanceof Error && e.name === 'StudentFailure';
}

export function isSkip(e: unknown): e is SkipTest {
  return e instanceof Error && e.name === 'SkipTest';
}
