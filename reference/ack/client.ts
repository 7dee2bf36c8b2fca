// ack reference client: sends its message (the command-line arguments, or
// "Hello, server" without any) as one line, prints the server's reply, exits 0.

import net from 'node:net';
import { LineStream } from '../lib/line-stream.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 65432);
const message = process.argv.slice(2).join(' ') || 'Hello, server';

const conn = net.connect({ host, port }, async () => {
  conn.write(`${message}\n`);
  const reply = await new LineStream(conn).next();
  if (reply === undefined) {
    console.error('The server closed the connection without an answer.');
    process.exitCode = 1;
  } else {
    console.log(`Received from server: ${reply}`);
  }
  conn.end(() => conn.destroy());
});
conn.on('error', (err: NodeJS.ErrnoException) => {
  if (!conn.connecting) return;
  console.error(`cannot reach the server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exitCode = 1;
});
