// Which test the code running now belongs to. Tests of a task run side by side in one
// process (spec/test-scheduler.ts), and what waits for a stall or starts a program deep
// in the net and process layers must know its own test's programs from the others'
// without every call passing the test down: each test body runs inside its scope.

import { AsyncLocalStorage } from 'node:async_hooks';

/** One running test, as the lower layers see it. */
export interface RunningTest {
  /** For messages and keys only. */
  readonly id: number;
  /** How many of the grader's own actions of this test are under way (see stall-signal.ts). */
  acting: number;
}

const scope = new AsyncLocalStorage<RunningTest>();
let tests = 0;

/** Runs `body` as a new test: everything it starts and waits for is that test's. */
export function runAsTest<T>(body: () => Promise<T>): Promise<T> {
  return scope.run({ id: ++tests, acting: 0 }, body);
}

/** The test the caller runs in; undefined outside tests (the harness's own tests, the client-port discovery). */
export function runningTest(): RunningTest | undefined {
  return scope.getStore();
}
