// A robustness probe sends one message in pieces and judges one thing: were the pieces
// joined? The answer's wording (a prefix, a label, a format of the page's) is graded by
// the tests that are about it, never here.

import { type Connection, quote, StudentFailure } from '../../harness/index.js';

export interface Whole {
  /** What the answer holds when the pieces were joined ("378.85", the whole message). */
  holds: string | ((line: string) => boolean);
  /** How a reader sees that content, for the failure ("the price of MSFT, 378.85"). */
  what: string;
  /** What was sent in pieces, shown as `sent:`. */
  sent: string[];
}

/** Sends `line` in two pieces, cut at `at` (the second, with its newline, once the first was read). */
export async function sendLineInTwo(conn: Connection, line: string, at: number): Promise<void> {
  await conn.sendLinePiece(line.slice(0, at));
  await conn.waitUntilRead();
  await conn.sendLine(line.slice(at));
}

/** The next line answers the whole message, in any words; returns it. */
export async function expectAnswerToWhole(conn: Connection, whole: Whole, help: string): Promise<string> {
  const line = await conn.readLine({ help });
  const joined = typeof whole.holds === 'string' ? line.includes(whole.holds) : whole.holds(line);
  if (!joined) {
    throw new StudentFailure({
      sent: whole.sent.map((piece) => quote(piece)).join(', then '),
      expected: `an answer (in any words) holding ${whole.what}: the pieces read as one message`,
      actual: `the line ${quote(line)}`,
      help,
    });
  }
  return line;
}

/** A line holding `value` as a number ("57", "57.0", "Result: 57"), for answers computed from the whole message. */
export function holdsNumber(value: number): (line: string) => boolean {
  return (line) => (line.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []).some((n) => Math.abs(Number(n) - value) <= 1e-9 * Math.max(1, Math.abs(value)));
}

/** A line giving a price, from any table: a number, and no word of an error. */
export function holdsAPrice(line: string): boolean {
  return /\d/.test(line) && !/error|unknown|not found|invalid|no such/i.test(line);
}
