// task3c reference client: reads a line from stdin, sends it, prints the server's reply.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 12000);

const input = readline.createInterface({ input: process.stdin });
process.stdout.write('Enter lowercase text: ');
let gotLine = false;
input.once('line', (line) => {
  gotLine = true;
  input.close();
  // One line is all it reads; an open stdin would keep node running after the reply.
  process.stdin.destroy();
  const conn = net.connect({ host, port }, () => conn.write(`${line}\n`));
  const chunks: Buffer[] = [];
  conn.on('data', (chunk: Buffer) => chunks.push(chunk));
  // The reply is complete when the server closes the connection.
  conn.on('end', () => {
    console.log(
      `\nFrom server: ${Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '')}`,
    );
    conn.end();
  });
  conn.on('error', (err: NodeJS.ErrnoException) => {
    console.error(`cannot talk to the server at ${host}:${port}: ${err.code ?? err.message}`);
    process.exitCode = 1;
  });
});
input.once('close', () => {
  if (gotLine) return;
  console.error('no input: type a line of lowercase text');
  process.exitCode = 1;
});
