// A program every thread of which waits with no deadline (recv, accept, a lock, a signal),
// unchanged look after look, cannot act until someone wakes it: a program watched alone
// (nobody sends it anything, its input closed) will never connect or listen. Looking for
// it ends a wait at once instead of at its deadline.

import { waitsWithoutDeadline } from './stall.js';

/** Looks in a row with the same waits, and the time they must span, before a program counts as waiting forever. */
const LOOKS = 6;
const SPAN_MS = 100;

/** Fed one look at a time: true once the program's waits have stayed the same over LOOKS looks and SPAN_MS. */
export class WaitsForever {
  private last: string | undefined;
  private since = 0;
  private looks = 0;

  constructor(private readonly pid: number) {}

  look(): boolean {
    const now = waitsWithoutDeadline(this.pid);
    if (now === undefined || now !== this.last) {
      this.last = now;
      this.since = Date.now();
      this.looks = now === undefined ? 0 : 1;
      return false;
    }
    this.looks++;
    return this.looks >= LOOKS && Date.now() - this.since >= SPAN_MS;
  }
}
