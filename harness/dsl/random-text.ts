// Random plain text of an exact size, fast enough for files of several MiB: printable
// ASCII in lines of at most 72 characters, each ending in "\n".

import { randomBytes } from './random.js';

// Letters weigh most, with spaces between words, digits and some punctuation.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      .,;:!?-()\'"';
const NEWLINE = 0x0a;
const MAX_LINE = 72;

// Random byte → character; about one value in 64 ends the line early.
const TABLE = Buffer.from(Array.from({ length: 256 }, (_, b) => (b < 4 ? NEWLINE : ALPHABET.charCodeAt(b % ALPHABET.length))));

/**
 * `size` bytes of text. It starts with a lowercase letter, so it never looks like a
 * protocol keyword such as ERROR, and it ends with a newline (when size > 1).
 */
export function randomText(size: number): string {
  const out = randomBytes(size);
  let column = 0;
  for (let i = 0; i < size; i++) {
    const c = TABLE[out[i]];
    if (c === NEWLINE || column === MAX_LINE) {
      out[i] = NEWLINE;
      column = 0;
    } else {
      out[i] = c;
      column++;
    }
  }
  if (size > 1) {
    out[0] = 0x61 + (out[0] % 26);
    out[size - 1] = NEWLINE;
  }
  return out.toString('latin1');
}
