// How a wait learns it can end before its deadline: every program of the test waits
// (in recv, accept, input(), a join) with no deadline of its own, and nothing is on its
// way to any of them. Nothing more can happen until the grader acts, so what the wait
// expects will never come. The watcher (process/stall.ts) is installed by the grading
// worker; without it, waits end at their deadlines as before.

import { type RunningTest, runningTest } from './running-test.js';
import { settlesWithin } from './time.js';

/** How a stall's reason says a thread sleeps past every deadline (process/stall.ts): "for 599 s more". */
export function sleepsPastDeadlines(seconds: number, atLeast: boolean): string {
  return `for ${atLeast ? 'at least ' : ''}${seconds} s more`;
}
export const SLEEPS_PAST_DEADLINES = /\bfor (at least )?\d+ s more\b/;

/** Told once, with what each program waits in, e.g. "the client waits in input()". */
export type StallListener = (why: string) => void;

/** `until`: when the wait gives up (as Date.now() counts); a program's timer that fires later cannot change what it sees. */
type StallSource = (listener: StallListener, until?: number) => () => void;

let source: StallSource | undefined;
let acting = 0;

/** Installs the watcher that decides stalls. */
export function provideStalls(s: StallSource | undefined): void {
  source = s;
}

/**
 * Calls `listener` once the test's programs have stalled, counted from now (a stall
 * that began before the wait began is confirmed again). `until`: when the wait gives up
 * (Date.now()); a thread whose timer fires after it then counts as waiting with no
 * deadline. Returns the unsubscribe.
 */
export function onStall(listener: StallListener, until?: number): () => void {
  return source ? source(listener, until) : () => undefined;
}

/**
 * Runs one of the grader's own actions (opening a socket, starting a program): while
 * any of its test is under way, the grader is about to act and nothing of that test counts as stalled.
 */
export async function graderActs<T>(action: () => Promise<T>): Promise<T> {
  const test = runningTest();
  acting++;
  if (test) test.acting++;
  try {
    return await action();
  } finally {
    acting--;
    if (test) test.acting--;
  }
}

/** Whether the grader is acting for `test` (outside tests: for any). */
export function graderIsActing(test?: RunningTest): boolean {
  return test ? test.acting > 0 : acting > 0;
}

/**
 * The value of `promise` if it settles within `ms`, `{ stalled }` if the test's programs
 * stall first, else undefined (see settlesWithin).
 */
export async function settlesOrStalls<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | { stalled: string } | undefined> {
  let stop = (): void => undefined;
  const stalled = new Promise<{ stalled: string }>((resolve) => {
    stop = onStall((why) => resolve({ stalled: why }), Date.now() + ms);
  });
  try {
    return await settlesWithin(Promise.race([promise.then((value) => ({ value })), stalled]), ms);
  } finally {
    stop();
  }
}
