// What the file clients and servers of task5 to task8 agree on about a file name.

import readline from 'node:readline';

/** The name from the first argument, else the first line typed on stdin ('' at end of input). */
export async function requestedFileName(): Promise<string> {
  const fromArgs = process.argv[2]?.trim();
  if (fromArgs) return fromArgs;
  const rl = readline.createInterface({ input: process.stdin });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close(); // stop reading stdin, or it would keep the program alive
  return line.trim();
}

/** Only plain names in the server's folder: no folder part, no way up, nothing absolute. */
export function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && !name.includes('/') && !name.includes('\\') && !name.includes('..');
}
