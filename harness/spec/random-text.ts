// Random plain text of an exact size, fast enough for files of several MiB: printable
// ASCII in lines of at most 72 characters, each ending in "\n".

import { randomBytes } from 'node:crypto';

// Letters weigh most, with spaces between words, digits and some punctuation.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      .,;:!?-()\'"';

/**
 * `size` bytes of text. It starts with a lowercase letter, so it never looks like a
 * protocol keyword such as ERROR, and it ends with a newline (when size > 0).
 */
export function randomText(size: number): string {
  const raw = randomBytes(size);
  const out = Buffer.alloc(size);
  let column = 0;
  for (let i = 0; i < size; i++) {
    // A line ends after 72 characters, or earlier now and then (byte value < 4).
    if (i === size - 1 || column >= 72 || (column > 0 && raw[i] < 4)) {
      out[i] = 0x0a;
      column = 0;
      continue;
    }
    out[i] = ALPHABET.charCodeAt(raw[i] % ALPHABET.length);
    column++;
  }
  if (size > 1) out[0] = 0x61 + (raw[0] % 26);
  return out.toString('latin1');
}
