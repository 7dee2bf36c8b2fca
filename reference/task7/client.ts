// task7 reference client: asks for the file named by argv[2] (or the first stdin line),
// saves the reply under the same name, or reports the server's ERROR and saves nothing.

import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { requestedFileName } from '../lib/file-name.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 57);

function download(name: string): void {
  const conn = net.connect({ host, port }, () => conn.write(`${name}\n`));
  const chunks: Buffer[] = [];
  conn.on('data', (chunk: Buffer) => chunks.push(chunk));
  conn.on('end', () => {
    const reply = Buffer.concat(chunks);
    if (reply.subarray(0, 5).toString('latin1') === 'ERROR') {
      console.log(`the server says: ${reply.toString('utf8').trim()}`);
      process.exitCode = 1;
    } else {
      writeFileSync(name, reply);
      console.log(`saved ${name} (${reply.length} bytes)`);
    }
    conn.end();
  });
  conn.on('error', (err: NodeJS.ErrnoException) => {
    console.error(`cannot talk to the server at ${host}:${port}: ${err.code ?? err.message}`);
    process.exitCode = 1;
  });
}

const requested = await requestedFileName();
if (!requested) {
  console.error('usage: client <file name>');
  process.exitCode = 2;
} else {
  download(requested);
}
