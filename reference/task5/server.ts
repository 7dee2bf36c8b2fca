// task5 reference server: reads one line, a file name; sends "OK\n" and the file from its
// working folder, or "ERROR …" when the name leaves the folder or the file is missing;
// then closes. Serves client after client.

import { readFile } from 'node:fs/promises';
import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 55);

/** Only plain names in this folder: no folder part, no way up, nothing absolute. */
function allowed(name: string): boolean {
  return name !== '' && name !== '.' && !name.includes('/') && !name.includes('\\') && !name.includes('..');
}

async function answer(name: string): Promise<Buffer> {
  if (!allowed(name)) return Buffer.from('ERROR not allowed\n');
  try {
    return Buffer.concat([Buffer.from('OK\n'), await readFile(name)]);
  } catch {
    return Buffer.from('ERROR file not found\n');
  }
}

const server = net.createServer((conn) => {
  let request = Buffer.alloc(0);
  let answered = false;
  const reply = async (): Promise<void> => {
    if (answered) return;
    answered = true;
    const nl = request.indexOf(0x0a);
    const name = request.subarray(0, nl < 0 ? request.length : nl).toString('utf8').trim();
    console.log(`request: ${JSON.stringify(name)}`);
    // Close fully once the reply is handed to the kernel: the client may never close its side.
    conn.end(await answer(name), () => conn.destroy());
  };
  conn.on('data', (chunk: Buffer) => {
    request = Buffer.concat([request, chunk]);
    if (request.includes(0x0a)) void reply();
  });
  conn.on('end', () => void reply());
  conn.on('error', () => conn.destroy());
});
server.listen(port, host);
