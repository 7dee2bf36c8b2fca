// Fresh data for every run, so nothing a student hard-codes can pass; drawn from the
// run's seed, so a failing case can be replayed (--seed).

import { RandomStream } from '../core/seeded-random.js';
import { gradingSeed } from './grading-context.js';

let current: RandomStream | undefined;

/** Tests run one at a time in a grading process: the DSL points this at the running test's stream. */
export function useStream(testStream: RandomStream | undefined): void {
  current = testStream;
}

/** The running test's stream (or the grading's own, outside tests). */
function stream(): RandomStream {
  current ??= new RandomStream(gradingSeed(), 'outside tests');
  return current;
}

/** A whole number in [0, max). */
export function randomInt(max: number): number {
  return stream().int(max);
}

export function randomBytes(size: number): Buffer {
  return stream().bytes(size);
}

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
  return stream().bytes(size);
}

export function randomFileName(ext: string): string {
  return `${randomWord(6)}_${randomInt(1000)}${ext}`;
}
