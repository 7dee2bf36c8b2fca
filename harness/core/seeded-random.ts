// Every random choice of a run comes from one seed, so a run can be replayed exactly
// (`--seed N`). Each test draws from its own stream, derived from the seed, its task
// and its title: the same test gets the same data whatever ran before it.

import { createCipheriv, createHash, randomInt as cryptoInt } from 'node:crypto';

/** A fresh seed for a run that was given none: small enough to type. */
export function newSeed(): number {
  return cryptoInt(1, 2 ** 31);
}

export class RandomStream {
  // AES-CTR keystream: fast enough for files of several MiB, and fully determined by its key.
  private readonly cipher;

  constructor(...parts: Array<string | number>) {
    const key = createHash('sha256').update(parts.join('\0')).digest();
    this.cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  }

  bytes(n: number): Buffer {
    return this.cipher.update(Buffer.alloc(n));
  }

  /** A whole number in [0, max), without modulo bias. */
  int(max: number): number {
    if (max <= 1) return 0;
    const limit = Math.floor(0x1_0000_0000 / max) * max;
    for (;;) {
      const x = this.bytes(4).readUInt32LE(0);
      if (x < limit) return x % max;
    }
  }
}
