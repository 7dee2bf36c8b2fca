// Waiting for the next thing a program sends our way (a connection, a datagram): it
// arrives, or the deadline passes, or the program exits, or the test's programs stall.

import { onStall } from '../core/stall-signal.js';
import { type PeerProgram, whenExited } from './peer-program.js';

/** Why nothing arrived; `stalled` says what the programs wait in when they stalled. */
export interface Missed {
  missed: 'timeout' | 'exited' | 'stalled';
  stalled: string;
}

/**
 * What `peek` finds once it finds something: checked now, and again each time a waiter
 * in `waiters` is called (the owner calls them all when something arrives). Something that
 * arrives with the exit or the stall still counts.
 */
export function awaitArrival<T>(peek: () => T | undefined, waiters: Set<() => void>, within: number, from: PeerProgram | undefined): Promise<{ got: T } | Missed> {
  let stalled = '';
  return new Promise((resolve) => {
    let settled = false;
    const finish = (v: { got: T } | Missed['missed']): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop();
      waiters.delete(wake);
      resolve(typeof v === 'string' ? { missed: v, stalled } : v);
    };
    const wake = (): void => {
      const next = peek();
      if (next) finish({ got: next });
    };
    const timer = setTimeout(() => finish('timeout'), within);
    const stop = onStall((why) => {
      stalled = why;
      if (peek()) wake();
      else finish('stalled');
    }, Date.now() + within);
    waiters.add(wake);
    wake();
    whenExited(from, () => (peek() ? wake() : finish('exited')));
  });
}
