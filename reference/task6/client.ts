// task6 reference client: asks for the file named by its first argument (or the first
// line typed on stdin), saves it under that name in its working folder on "OK", prints
// the server's error and exits 1 on "ERROR".

import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 56);

async function fileName(): Promise<string> {
  if (process.argv[2]) return process.argv[2];
  const rl = readline.createInterface({ input: process.stdin });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close(); // stop reading stdin, or it would keep the program alive
  return line.trim();
}

function finish(reply: Buffer, name: string): void {
  const nl = reply.indexOf(0x0a);
  const status = reply.subarray(0, nl < 0 ? reply.length : nl).toString('utf8').trim();
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

const name = await fileName();
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
