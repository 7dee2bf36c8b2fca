// Fresh data for every run, so nothing a student hard-codes can pass; drawn from the
// run's seed, so a failing case can be replayed (--seed).

import { AsyncLocalStorage } from 'node:async_hooks';
import { RandomStream } from '../core/seeded-random.js';
import { gradingSeed } from './grading-context.js';

const streams = new AsyncLocalStorage<RandomStream>();
let outside: { seed: number; stream: RandomStream } | undefined;

/** Runs a test's body with its own stream: tests run side by side, each drawing from its own. */
export function withStream<T>(testStream: RandomStream, body: () => Promise<T>): Promise<T> {
  return streams.run(testStream, body);
}

/** The running test's stream (or the grading's own, outside tests). */
function stream(): RandomStream {
  const own = streams.getStore();
  if (own) return own;
  const seed = gradingSeed();
  if (outside?.seed !== seed) outside = { seed, stream: new RandomStream(seed, 'outside tests') };
  return outside.stream;
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
