// Checks on a file a program saved in its working folder: byte-exact (by SHA-256), or
// absent. Failures say how the bytes differ, which points at the usual bug.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { StudentFailure } from '../core/failures.js';
import { describeBytes, quote } from '../core/quote.js';
import { describeDifference, sha256 } from './compare-bytes.js';

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

/** `dir/name` was not written (no partial or wrong file left behind); `why` says why none was due. */
export function expectNoSavedFile(dir: string, name: string, opts: { who?: string; why?: string; help?: string } = {}): void {
  const file = path.join(dir, name);
  if (!existsSync(file)) return;
  throw new StudentFailure({
    expected: `${opts.who ?? 'the client'} writes no file ${quote(name)}${opts.why ? ` (${opts.why})` : ''}`,
    actual: `it wrote ${quote(name)}, ${describeBytes(readFileSync(file))}`,
    help: opts.help,
  });
}
