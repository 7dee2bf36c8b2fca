// What one grading process is grading: the submission folder (given by the runner in
// the environment) and which programs already failed to start in an earlier test.

import path from 'node:path';

export function submissionDir(): string {
  const dir = process.env.SOCKET_GRADER_SUBMISSION;
  if (!dir) throw new Error('SOCKET_GRADER_SUBMISSION is not set: specs run through the grade runner');
  return path.resolve(dir);
}

/** "task4:server" → the title of the test in which it failed to start. */
const failedToStart = new Map<string, string>();

export function noteStartFailure(task: string, role: string, testTitle: string): void {
  if (!failedToStart.has(`${task}:${role}`)) failedToStart.set(`${task}:${role}`, testTitle);
}

export function earlierStartFailure(task: string, role: string): string | undefined {
  return failedToStart.get(`${task}:${role}`);
}
