// Byte-exact comparison of files and replies, with a message a student can act on:
// sizes, SHA-256 digests, and where the first difference is and what it looks like, in
// words and as text where the bytes are text (a CR dropped, a byte replaced by U+FFFD,
// the file cut short).

import { createHash } from 'node:crypto';
import { StudentFailure } from '../core/failures.js';
import { describeBytes, isText, quote, quoteByte } from '../core/quote.js';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ByteDifference {
  /** Offset of the first byte that differs (or where the shorter one ends). */
  offset: number;
  /** What the first difference looks like, in words. */
  description: string;
}

/** Short text is quoted whole; anything longer is told by its size and digest. */
const QUOTED_UP_TO = 80;

/** "byte 18", and "(line 2)" when the bytes before it are text of several lines. */
function where(expected: Buffer, offset: number): string {
  const before = expected.subarray(0, offset);
  const line = before.filter((b) => b === 0x0a).length + 1;
  return `byte ${offset + 1}${line > 1 && isText(before) ? ` (line ${line})` : ''}`;
}

/** Where `actual` first departs from `expected`, or undefined when they are identical. */
export function firstDifference(expected: Buffer, actual: Buffer): ByteDifference | undefined {
  if (expected.equals(actual)) return undefined;
  const n = Math.min(expected.length, actual.length);
  let i = 0;
  while (i < n && expected[i] === actual[i]) i++;
  if (i === n) {
    if (actual.length < expected.length) return { offset: i, description: `it stops after byte ${i} of ${expected.length}` };
    const extra = actual.length - expected.length;
    return { offset: i, description: `it has ${extra} extra bytes after the expected end: ${describeBytes(actual.subarray(i, i + 40))}${extra > 40 ? '…' : ''}` };
  }
  const hint =
    expected[i] === 0x0d && actual[i] === 0x0a
      ? ' (a CR byte was dropped: the file went through text mode)'
      : actual.subarray(i, i + 3).equals(Buffer.from([0xef, 0xbf, 0xbd]))
        ? ' (a byte became U+FFFD: the bytes were decoded as text)'
        : '';
  return { offset: i, description: `${where(expected, i)} differs: expected ${quoteByte(expected[i])}, got ${quoteByte(actual[i])}${hint}` };
}

export interface SameBytesOptions {
  /** What is compared, e.g. `the file "a.bin" the client saved`. */
  what: string;
  sent?: string;
  help?: string;
}

/** Short text as it reads ("OK\n", 3 bytes); else its size and the start of its digest. */
export function shownBytes(data: Buffer): string {
  if (data.length > 0 && data.length <= QUOTED_UP_TO && isText(data)) return `${quote(data.toString('utf8'))} (${data.length} bytes)`;
  return `${data.length} bytes, SHA-256 ${sha256(data).slice(0, 16)}…`;
}

/** What arrived and the first difference in words; undefined when identical. */
export function describeDifference(actual: Buffer, expected: Buffer): string | undefined {
  const diff = firstDifference(expected, actual);
  if (!diff) return undefined;
  const sizes = actual.length === expected.length ? `${actual.length} bytes, as many as expected` : `${actual.length} bytes instead of ${expected.length}`;
  const shown = actual.length <= QUOTED_UP_TO && isText(actual) && actual.length > 0 ? `${quote(actual.toString('utf8'))}, ` : '';
  return `${shown}${sizes}; ${diff.description}`;
}

/** Fails with what was expected (quoted where short text), what came, and the first difference, unless `actual` equals `expected`. */
export function expectSameBytes(actual: Buffer, expectedBytes: string | Buffer, opts: SameBytesOptions): void {
  // A string is the exact bytes of a text file the grader wrote (UTF-8).
  const expected = typeof expectedBytes === 'string' ? Buffer.from(expectedBytes, 'utf8') : expectedBytes;
  const diff = firstDifference(expected, actual);
  if (!diff) return;
  throw new StudentFailure({
    sent: opts.sent,
    expected: `${opts.what}: ${shownBytes(expected)}`,
    actual: `${actual.length === 0 ? 'nothing (0 bytes)' : shownBytes(actual)}; ${diff.description}`,
    help: opts.help,
  });
}
