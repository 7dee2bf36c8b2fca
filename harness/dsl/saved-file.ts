// Checks on a file a program saved in its working folder: byte-exact (by SHA-256), or
// absent. Failures say how the bytes differ, which points at the usual bug. What is there
// was made by the program: it is read as untrusted (no link followed, a regular file only,
// at most a cap), and anything else fails the test with a sentence.

import { StudentFailure } from '../core/failures.js';
import { describeBytes, quote } from '../core/quote.js';
import { readUntrustedFile } from '../sandbox/untrusted-file.js';
import { describeDifference, shownBytes } from './compare-bytes.js';

/** `dir/name` exists and holds exactly `expected`. */
export function expectSavedFile(dir: string, name: string, expected: Buffer, opts: { who?: string; help?: string } = {}): void {
  const who = opts.who ?? 'the client';
  const what = `${who} saves ${name} (${shownBytes(expected)}) in its folder`;
  const read = readUntrustedFile(dir, name, { who });
  if ('absent' in read) throw new StudentFailure({ expected: what, actual: `there is no file ${name} in its folder`, help: opts.help });
  if ('refused' in read) throw new StudentFailure({ expected: what, actual: read.reason, help: opts.help });
  const diff = describeDifference(read.bytes, expected);
  if (diff) throw new StudentFailure({ expected: `${what}, byte for byte`, actual: `the saved file has ${diff}`, help: opts.help });
}

/** `dir/name` was not written (no partial or wrong file left behind); `why` says why none was due. */
export function expectNoSavedFile(dir: string, name: string, opts: { who?: string; why?: string; help?: string } = {}): void {
  const who = opts.who ?? 'the client';
  const read = readUntrustedFile(dir, name, { who });
  if ('absent' in read) return;
  throw new StudentFailure({
    expected: `${who} writes no file ${quote(name)}${opts.why ? ` (${opts.why})` : ''}`,
    actual: 'refused' in read ? `it left something there: ${read.reason}` : `it wrote ${quote(name)}, ${describeBytes(read.bytes)}`,
    help: opts.help,
  });
}
