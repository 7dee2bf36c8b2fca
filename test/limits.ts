// Mocha's time limits for the grader's own tests. They catch a hang, never measure speed:
// `npm test` runs these tests beside validate on 2 cores often shared with other work,
// where a grading can take many times what it takes on a quiet machine. A test that
// runs whole gradings sets one of these; what it proves about speed it proves from the
// report (a wait that ended before its deadline), not from the wall clock.

/** A test running a few whole gradings (a CLI run each): ~3 s on a quiet machine. */
export const FEW_GRADINGS_MS = 300_000;
/** A test running dozens of gradings (a class, validate of a task, a small bench, a package install). */
export const MANY_GRADINGS_MS = 900_000;
/** A wait for a program's own output or exit in a test: a deadline only a hang reaches. */
export const PROGRAM_WAIT_MS = 30_000;
