// Checks on a file a program saved in its working folder: byte-exact (by SHA-256), or
// absent. Failures say how the bytes differ, which points at the usual bug.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { StudentFailure } from '../core/failures.js';

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** How `actual` differs from `expected`, in words; undefined when identical. */
export function describeDifference(actual: Buffer, expected: Buffer): string | undefined {
  if (actual.equals(expected)) return undefined;
  let i = 0;
  const n = Math.min(actual.length, expected.length);
  while (i < n && actual[i] === expected[i]) i++;
  const sizes = actual.length === expected.length ? `the right size (${expected.length} bytes)` : `${actual.length} bytes instead of ${expected.length}`;
  const where = i === n ? `the first ${n} bytes are right` : `the first difference is at byte ${i}`;
  return `${sizes}, SHA-256 ${sha256(actual).slice(0, 16)}… instead of ${sha256(expected).slice(0, 16)}…; ${where}`;
}

/** `dir/name` exists and holds exactly `expected`. */
export function expectSavedFile(dir: string, name: string, expected: Buffer, opts: { who?: string; help?: string } = {}): void {
  const who = opts.who ?? 'the client';
  const file = path.join(dir, name);
  const what = `${who} saves ${name} (${expected.length} bytes, SHA-256 ${sha256(expected).slice(0, 16)}…) in its folder`;
  if (!existsSync(file)) {
    throw new StudentFailure({ expected: what, actual: `there is no file ${name} in its folder`, help: opts.help });
  }
  const diff = describeDifference(readFileSync(file), expected);
  if (diff) throw new StudentFailure({ expected: `${what}, byte for byte`, actual: `the saved file has ${diff}`, help: opts.help });
}

/** `dir/name` was not written (no partial or wrong file left behind). */
export function expectNoSavedFile(dir: string, name: string, opts: { who?: string; help?: string } = {}): void {
  const file = path.join(dir, name);
  if (existsSync(file)) {
    const size = readFileSync(file).length;
    throw new StudentFailure({
      expected: `${opts.who ?? 'the client'} writes no file ${name}`,
      actual: `it wrote ${name} (${size} bytes)`,
      help: opts.help,
    });
  }
}
