// Inside a GitHub Actions step: the grade command hands its result to the workflow
// itself, so the step is one command. $GITHUB_OUTPUT gets `result=<base64>` for
// Classroom's reporter; $GITHUB_STEP_SUMMARY gets the Markdown summary with true points.

import { appendFileSync } from 'node:fs';
import { classroomOutputLine, toClassroom } from '../report/render-classroom.js';
import { markdownSummary } from '../report/render-summary.js';
import type { TaskReport } from '../report/types.js';

export function writeGitHubStepFiles(reports: TaskReport[], env: NodeJS.ProcessEnv = process.env): void {
  const output = env.GITHUB_OUTPUT;
  const summary = env.GITHUB_STEP_SUMMARY;
  if (output) appendFileSync(output, classroomOutputLine(toClassroom(reports)));
  if (summary) appendFileSync(summary, markdownSummary(reports));
}
