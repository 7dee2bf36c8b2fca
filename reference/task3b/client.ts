// task3b reference client: sends HELLO, prints the whole reply, exits when the server closes.

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 53);

const conn = net.connect({ host, port }, () => conn.write('HELLO\n'));
const chunks: Buffer[] = [];
conn.on('data', (chunk: Buffer) => chunks.push(chunk));
conn.on('end', () => {
  console.log(Buffer.concat(chunks).toString('utf8').trim());
  conn.end();
});
conn.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`cannot talk to the server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exitCode = 1;
});
