// Fresh data for every run, so nothing a student hard-codes can pass.

import { randomBytes, randomInt } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function randomWord(length = 8): string {
  return Array.from({ length }, () => LETTERS[randomInt(LETTERS.length)]).join('');
}

/** Words, digits and punctuation, `length` characters, no newline. */
export function randomSentence(length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const part = randomInt(4) === 0 ? `${randomInt(1000)}${',.;:!?-'[randomInt(7)]}` : randomWord(1 + randomInt(9));
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join(' ').slice(0, length).trimEnd().padEnd(length, 'x');
}

export function randomBinary(size: number): Buffer {
  return randomBytes(size);
}

export function randomFileName(ext: string): string {
  return `${randomWord(6)}_${randomInt(1000)}${ext}`;
}
