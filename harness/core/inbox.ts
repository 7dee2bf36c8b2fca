// Bytes arriving from somewhere (a socket, a program's stdout), kept in order, read
// through a cursor, and waited on: every wait resolves on arrival, end or stall, and
// only a program that keeps working meets the deadline.

import { onStall, SLEEPS_PAST_DEADLINES } from './stall-signal.js';
import { seconds } from './time.js';

export type WaitOutcome<T> = { kind: 'found'; value: T } | { kind: 'timeout' } | { kind: 'ended' } | { kind: 'stalled'; why: string };

export interface WaitOptions {
  /** Also check this often: for a state outside the inbox that has no event (read from /proc). */
  recheckMs?: number;
  /** End when the test's programs stall (see stall-signal.ts); on unless a quiet spell is what is awaited. */
  stall?: boolean;
}

/** Why nothing (more) came, in words: the deadline, the end of the stream, or the stall. */
export function whyNoMore(outcome: WaitOutcome<unknown>, withinMs: number, endedBecause: string | undefined): string {
  if (outcome.kind === 'timeout') return `nothing more for ${seconds(withinMs)}`;
  if (outcome.kind === 'stalled') return `nothing more: ${stalledWords(outcome.why)}`;
  return endedBecause ?? 'nothing more';
}

/**
 * "the server waits in recv()" becomes a sentence saying it would wait forever; with a
 * thread asleep past every deadline ("for 599 s more"), nothing happens before the deadline.
 */
export function stalledWords(why: string): string {
  return `${why}, and nothing is on its way (${SLEEPS_PAST_DEADLINES.test(why) ? 'nothing would happen before the deadline' : 'it would wait forever'})`;
}

export class Inbox {
  private buf = Buffer.alloc(0);
  private length = 0;
  /** Bytes received but not kept because the cap was reached. */
  dropped = 0;
  /** Offset of the first byte not yet consumed by an expectation. */
  cursor = 0;
  /** Set once no more bytes can arrive; says why, e.g. "the server closed the connection". */
  endedBecause: string | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly capBytes: number) {}

  push(arrived: Buffer): void {
    // Past the cap, bytes are counted as dropped, not kept.
    const room = Math.max(this.capBytes - this.length, 0);
    const kept = arrived.length > room ? arrived.subarray(0, room) : arrived;
    this.dropped += arrived.length - kept.length;
    if (kept.length > 0) {
      if (this.length + kept.length > this.buf.length) {
        const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.length + kept.length, 4096));
        this.buf.copy(grown, 0, 0, this.length);
        this.buf = grown;
      }
      kept.copy(this.buf, this.length);
      this.length += kept.length;
    }
    this.wake();
  }

  end(reason: string): void {
    if (this.endedBecause !== undefined) return;
    this.endedBecause = reason;
    this.wake();
  }

  get ended(): boolean {
    return this.endedBecause !== undefined;
  }

  /** Everything received so far (up to the cap). */
  all(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  unread(): Buffer {
    return this.buf.subarray(this.cursor, this.length);
  }

  unreadText(): string {
    return this.unread().toString('utf8').replace(/\r\n/g, '\n');
  }

  consume(bytes: number): void {
    this.cursor = Math.min(this.cursor + bytes, this.length);
  }

  /**
   * Calls `check` now and after every arrival until it returns a value, the inbox
   * ends with `check` still undefined, the test's programs stall, or `withinMs` passes.
   */
  waitFor<T>(check: () => T | undefined, withinMs: number, opts: WaitOptions = {}): Promise<WaitOutcome<T>> {
    const { recheckMs, stall = true } = opts;
    return new Promise((resolve) => {
      const attempt = (): boolean => {
        const value = check();
        if (value !== undefined) return finish({ kind: 'found', value });
        if (this.ended) return finish({ kind: 'ended' });
        return false;
      };
      const finish = (outcome: WaitOutcome<T>): boolean => {
        clearTimeout(timer);
        clearInterval(recheck);
        stopWatching();
        this.waiters.delete(wake);
        resolve(outcome);
        return true;
      };
      const wake = (): void => void attempt();
      const timer = setTimeout(() => finish({ kind: 'timeout' }), withinMs);
      const recheck = recheckMs === undefined ? undefined : setInterval(wake, recheckMs);
      // A last look before giving up: what arrived with the stall still counts.
      let stopWatching = (): void => undefined;
      if (!attempt()) {
        this.waiters.add(wake);
        if (stall) stopWatching = onStall((why) => void (attempt() || finish({ kind: 'stalled', why })), Date.now() + withinMs);
      }
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** The next whole line after the cursor (CR/LF stripped), or the unterminated rest once ended. */
export function takeLine(inbox: Inbox): string | undefined {
  const unread = inbox.unread();
  const nl = unread.indexOf(0x0a);
  if (nl >= 0) {
    inbox.consume(nl + 1);
    return unread.subarray(0, nl).toString('utf8').replace(/\r$/, '');
  }
  if (inbox.ended && unread.length > 0) {
    inbox.consume(unread.length);
    return unread.toString('utf8').replace(/\r$/, '');
  }
  return undefined;
}
