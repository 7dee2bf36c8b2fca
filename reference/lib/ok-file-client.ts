// The client side of task5 and task6: asks for the file named by its first argument (or
// the first line typed on stdin), saves it under that name in its working folder on "OK",
// prints the server's error and exits 1 on "ERROR".

import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { requestedFileName } from './file-name.js';

function finish(reply: Buffer, name: string): void {
  const nl = reply.indexOf(0x0a);
  const status = reply
    .subarray(0, nl < 0 ? reply.length : nl)
    .toString('utf8')
    .trim();
  if (nl >= 0 && /^ok$/i.test(status)) {
    const content = reply.subarray(nl + 1);
    writeFileSync(path.basename(name), content);
    console.log(`saved ${name} (${content.length} bytes)`);
    return;
  }
  console.log(status ? `${name}: ${status}` : `${name}: no answer from the server`);
  if (/^error\b/i.test(status) && !/not found/i.test(status)) console.log(`${name} was not found or not allowed`);
  process.exitCode = 1;
}

export async function runOkFileClient(defaultPort: number): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? defaultPort);
  const name = await requestedFileName();
  const conn = net.connect({ host, port }, () => conn.write(`${name}\n`));
  const chunks: Buffer[] = [];
  conn.on('data', (chunk: Buffer) => chunks.push(chunk));
  conn.on('end', () => {
    finish(Buffer.concat(chunks), name);
    conn.end();
  });
  conn.on('error', (err: NodeJS.ErrnoException) => {
    console.error(`cannot talk to the server at ${host}:${port}: ${err.code ?? err.message}`);
    process.exitCode = 1;
  });
}
