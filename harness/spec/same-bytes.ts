// Compares what a program produced (a file it saved, bytes it sent) with what it
// should be, byte for byte, and says where they part: sizes, SHA-256, first difference.

import { createHash } from 'node:crypto';
import { StudentFailure } from '../core/failures.js';
import { describeBytes, quote } from '../core/quote.js';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface SameBytesOptions {
  /** What the bytes are, e.g. `the file "a.txt" the server sent`. */
  what: string;
  sent?: string;
  help?: string;
}

/** Throws a StudentFailure unless `actual` equals `expected` exactly. */
export function expectSameBytes(actual: Buffer, expected: string | Buffer, opts: SameBytesOptions): void {
  const want = typeof expected === 'string' ? Buffer.from(expected, 'latin1') : expected;
  if (actual.equals(want)) return;
  throw new StudentFailure({
    sent: opts.sent,
    expected: `${opts.what}: ${want.length} bytes, SHA-256 ${sha256(want).slice(0, 16)}…`,
    actual: `${actual.length} bytes, SHA-256 ${sha256(actual).slice(0, 16)}…; ${whereTheyDiffer(actual, want)}`,
    help: opts.help,
  });
}

function whereTheyDiffer(actual: Buffer, want: Buffer): string {
  if (actual.length === 0) return 'nothing at all';
  const common = Math.min(actual.length, want.length);
  let i = 0;
  while (i < common && actual[i] === want[i]) i++;
  if (i === common) {
    return actual.length < want.length
      ? `the first ${actual.length} bytes are right, then it stops (${want.length - actual.length} bytes missing)`
      : `all ${want.length} bytes are right, then ${actual.length - want.length} extra bytes: ${describeBytes(actual.subarray(want.length, want.length + 60))}`;
  }
  const from = Math.max(0, i - 10);
  return `they differ from byte ${i} on: expected ${quote(want.subarray(from, i + 30))}, got ${quote(actual.subarray(from, i + 30))}`;
}
