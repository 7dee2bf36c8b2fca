// Every random choice of a run comes from one seed, so a run can be replayed exactly
// (`--seed N`). Each test draws from its own stream, derived from the seed, its task
// and its title: the same test gets the same data whatever ran before it.

import { createCipheriv, createHash, randomInt as cryptoInt } from 'node:crypto';

/** A fresh seed for a run that was given none: small enough to type. */
export function newSeed(): number {
  return cryptoInt(1, 2 ** 31);
}

/** Keystream drawn ahead, so a number costs a read, not a cipher call (a 200 KiB sentence draws ~100,000 numbers). */
const POOL_BYTES = 4096;

export class RandomStream {
  // AES-CTR keystream: fast enough for files of several MiB, and fully determined by its key.
  private readonly cipher;
  // The next bytes of the keystream, in order: drawing ahead changes no byte a caller gets.
  private pool = Buffer.alloc(0);
  private used = 0;

  constructor(...parts: Array<string | number>) {
    const key = createHash('sha256').update(parts.join('\0')).digest();
    this.cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  }

  bytes(n: number): Buffer {
    const left = this.pool.length - this.used;
    if (n <= left) {
      this.used += n;
      return Buffer.from(this.pool.subarray(this.used - n, this.used));
    }
    const head = this.pool.subarray(this.used);
    this.pool = Buffer.alloc(0);
    this.used = 0;
    return Buffer.concat([head, this.cipher.update(Buffer.alloc(n - head.length))]);
  }

  /** A whole number in [0, max), without modulo bias. */
  int(max: number): number {
    if (max <= 1) return 0;
    const limit = Math.floor(0x1_0000_0000 / max) * max;
    for (;;) {
      if (this.pool.length - this.used < 4) this.refill();
      const x = this.pool.readUInt32LE(this.used);
      this.used += 4;
      if (x < limit) return x % max;
    }
  }

  private refill(): void {
    const head = this.pool.subarray(this.used);
    this.pool = Buffer.concat([head, this.cipher.update(Buffer.alloc(POOL_BYTES))]);
    this.used = 0;
  }
}
