// Byte-exact comparison of files and replies, with a message a student can act on:
// sizes, SHA-256 digests, and where the first difference is and what it looks like
// (a CR dropped, a byte replaced by U+FFFD, the file cut short).

import { createHash } from 'node:crypto';
import { StudentFailure } from '../core/failures.js';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ByteDifference {
  /** Offset of the first byte that differs (or where the shorter one ends). */
  offset: number;
  /** What the first difference looks like, in words. */
  description: string;
}

function hexAround(data: Buffer, offset: number): string {
  const slice = data.subarray(offset, offset + 8);
  return slice.length === 0 ? 'the end' : slice.toString('hex').replace(/(..)(?!$)/g, '$1 ');
}

/** Where `actual` first departs from `expected`, or undefined when they are identical. */
export function firstDifference(expected: Buffer, actual: Buffer): ByteDifference | undefined {
  if (expected.equals(actual)) return undefined;
  const n = Math.min(expected.length, actual.length);
  let i = 0;
  while (i < n && expected[i] === actual[i]) i++;
  if (i === n) {
    return actual.length < expected.length
      ? { offset: i, description: `it stops after byte ${i} of ${expected.length}` }
      : { offset: i, description: `${actual.length - expected.length} extra bytes after the end, starting ${hexAround(actual, i)}` };
  }
  const hint =
    expected[i] === 0x0d && actual[i] === 0x0a
      ? ' (a CR byte was dropped: the file went through text mode)'
      : actual.subarray(i, i + 3).equals(Buffer.from([0xef, 0xbf, 0xbd]))
        ? ' (a byte became U+FFFD: the bytes were decoded as text)'
        : '';
  return { offset: i, description: `at byte ${i}: expected ${hexAround(expected, i)}, got ${hexAround(actual, i)}${hint}` };
}

export interface SameBytesOptions {
  /** What is compared, e.g. `the file "a.bin" the client saved`. */
  what: string;
  sent?: string;
  help?: string;
}

/** Sizes, digests and the first difference in words; undefined when identical. */
export function describeDifference(actual: Buffer, expected: Buffer): string | undefined {
  const diff = firstDifference(expected, actual);
  if (!diff) return undefined;
  return `${actual.length} bytes instead of ${expected.length}, SHA-256 ${sha256(actual).slice(0, 16)}… instead of ${sha256(expected).slice(0, 16)}…; ${diff.description}`;
}

/** Fails with sizes, digests and the first difference unless `actual` equals `expected`. */
export function expectSameBytes(actual: Buffer, expectedBytes: string | Buffer, opts: SameBytesOptions): void {
  // A string is the exact bytes of a text file the grader wrote (UTF-8).
  const expected = typeof expectedBytes === 'string' ? Buffer.from(expectedBytes, 'utf8') : expectedBytes;
  const diff = firstDifference(expected, actual);
  if (!diff) return;
  throw new StudentFailure({
    sent: opts.sent,
    expected: `${opts.what}: ${expected.length} bytes, SHA-256 ${sha256(expected).slice(0, 16)}…`,
    actual: `${actual.length} bytes, SHA-256 ${sha256(actual).slice(0, 16)}…; ${diff.description}`,
    help: opts.help,
  });
}
