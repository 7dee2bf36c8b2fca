// Mocha's time limits for the grader's own tests, and the bounds tests put on a grading's
// wall time. They catch a hang, never measure speed: `npm test` runs its test files in
// parallel beside validate on 2 cores often shared with other work, where a grading can
// take many times what it takes on a quiet machine. A test that runs whole gradings sets
// one of these; what it proves about speed it proves from the report (a wait that ended
// before its deadline, in the words of what ended it), not from the wall clock.

/** A test that sets no limit of its own (mocha's --timeout in `npm test`): code alone, or a program or two. */
export const DEFAULT_TEST_MS = 120_000;
/** A test running a few whole gradings (a CLI run each): ~3 s on a quiet machine. */
export const FEW_GRADINGS_MS = 300_000;
/** A test running dozens of gradings (a class, validate of a task, a small bench, a package install). */
export const MANY_GRADINGS_MS = 900_000;
/** A wait for a program's own output or exit in a test: a deadline only a hang reaches. */
export const PROGRAM_WAIT_MS = 30_000;
/**
 * A grading of one group of a task (a few seconds quiet) that must not hang on what a
 * program did: 30 times a quiet grading, for a loaded machine, yet below the 120 s a lost
 * spawn and the 300 s a blocked read used to cost, and below mocha's limit, so a hang
 * fails as this bound with the test's own words.
 */
export const NO_HANG_GRADING_MS = 90_000;
