// task7 reference server: a file name per connection ("name\n"), the file's bytes then
// close, or "ERROR file not found\n" then close. Node serves every connection at once.

import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { isPlainName } from '../lib/file-name.js';
import { readRequestLine } from '../lib/request-line.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 57);

async function answer(conn: net.Socket, name: string): Promise<void> {
  let content: Buffer;
  try {
    if (!isPlainName(name)) throw new Error('not a plain file name'); // refused like a missing file
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

const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  conn.on('error', () => conn.destroy());
  // A client that closes its side without a newline still gets an answer for what it sent.
  void readRequestLine(conn).then((name) => {
    if (name === undefined) conn.end();
    else void answer(conn, name);
  });
});
server.listen(port, host);
