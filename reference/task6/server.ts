// task6 reference server: binary files, one client after another. A connection waits in
// a queue, unread, until the one before it is finished, as with a Python accept() loop.
// Each reads one line, a file name, and gets "OK\n" and the file, or "ERROR …"; then
// the connection is closed. A client that vanishes mid-transfer only ends its own turn.

import { readFile } from 'node:fs/promises';
import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 56);

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

function serve(conn: net.Socket): void {
  let request = Buffer.alloc(0);
  let answered = false;
  const reply = async (): Promise<void> => {
    if (answered) return;
    answered = true;
    const nl = request.indexOf(0x0a);
    const name = request.subarray(0, nl < 0 ? request.length : nl).toString('utf8').trim();
    console.log(`request: ${JSON.stringify(name)}`);
    // Close fully once the reply is in the kernel: the client may never close its side,
    // and the next client must not wait for it.
    conn.end(await answer(name), () => conn.destroy());
  };
  conn.on('data', (chunk: Buffer) => {
    request = Buffer.concat([request, chunk]);
    if (request.includes(0x0a)) void reply();
  });
  conn.on('end', () => void reply());
  conn.resume();
}

const waiting: net.Socket[] = [];
let busy = false;

function serveNext(): void {
  if (busy) return;
  const conn = waiting.shift();
  if (!conn) return;
  busy = true;
  conn.once('close', () => {
    busy = false;
    serveNext();
  });
  serve(conn);
}

const server = net.createServer({ pauseOnConnect: true }, (conn) => {
  conn.on('error', () => conn.destroy()); // a reset ends this client's turn, nothing more
  waiting.push(conn);
  serveNext();
});
server.listen(port, host);
