// task7 reference server: a file name per connection ("name\n"), the file's bytes then
// close, or "ERROR file not found\n" then close. Node serves every connection at once.

import { readFile } from 'node:fs/promises';
import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 57);

/** A plain name in this folder; anything with a path in it is refused like a missing file. */
function isPlainName(name: string): boolean {
  return name.length > 0 && !name.includes('/') && !name.includes('\\') && name !== '.' && name !== '..';
}

async function answer(conn: net.Socket, name: string): Promise<void> {
  let content: Buffer;
  try {
    if (!isPlainName(name)) throw new Error('not a plain file name');
    content = await readFile(name);
  } catch {
    console.log(`${JSON.stringify(name)}: not found`);
    conn.end('ERROR file not found\n');
    return;
  }
  console.log(`${JSON.stringify(name)}: sending ${content.length} bytes`);
  // end() queues all of it and closes once the last byte is handed to the kernel.
  conn.end(content);
}

const server = net.createServer((conn) => {
  let received = Buffer.alloc(0);
  let requested = false;
  const take = (): void => {
    if (requested) return;
    requested = true;
    const nl = received.indexOf(0x0a);
    const name = received.subarray(0, nl >= 0 ? nl : received.length).toString('utf8').trim();
    void answer(conn, name);
  };
  conn.on('data', (chunk: Buffer) => {
    if (requested) return;
    received = Buffer.concat([received, chunk]);
    if (received.includes(0x0a)) take();
  });
  // A client that closes its side without a newline still gets an answer for what it sent.
  conn.on('end', () => {
    if (received.length > 0) take();
    else conn.end();
  });
  conn.on('error', () => conn.destroy());
});
server.listen(port, host);
