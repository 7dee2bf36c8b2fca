// The CLI's one error path: typed errors map to exit codes in one place (main.ts).

export const EXIT = {
  allPassed: 0,
  someFailed: 1,
  badInput: 2,
  graderBroke: 3,
} as const;

/** Bad input to the grader itself: unknown task, missing folder, unknown flag. */
export class UsageError extends Error {
  override name = 'UsageError';
}

// The runner throws it too, and may not import the CLI: it lives in core.
export { GraderError } from '../core/failures.js';
