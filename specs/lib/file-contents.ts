// What the file-transfer tasks serve: files that break every text habit, and a server's
// folder with the file asked for and another beside it (serving the wrong one shows).

import { randomBinary, randomFileName, randomInt } from '../../harness/index.js';
import { randomUtf8Text } from './file-request.js';

export const MiB = 1024 * 1024;

/** Every byte value 0-255, eight times over, each round in a new random order. */
export function allByteValues(): Buffer {
  const rounds = Array.from({ length: 8 }, () => {
    const values = Array.from({ length: 256 }, (_, i) => i);
    for (let i = values.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [values[i], values[j]] = [values[j], values[i]];
    }
    return Buffer.from(values);
  });
  return Buffer.concat(rounds);
}

/** A server folder with the file asked for and another one beside it: binary, or text for a server of text files. */
export function folderWith(name: string, content: Buffer, beside: 'binary' | 'text' = 'binary'): Record<string, Buffer> {
  return beside === 'binary' ? { [name]: content, [randomFileName('.bin')]: randomBinary(512) } : { [name]: content, [randomFileName('.txt')]: randomUtf8Text(300) };
}
