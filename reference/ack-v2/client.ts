// ack-v2 reference client: sends each typed line and prints the server's reply.
// "quit" or "exit" (any case) end it without sending; "bye" is sent, its reply printed,
// then it ends; end of input (Ctrl+D), Ctrl+C (SIGINT) and the server leaving end it
// too. It always ends with code 0 once it was connected.

import net from 'node:net';
import readline from 'node:readline';
import { LineStream } from '../lib/line-stream.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 65432);

const conn = net.connect({ host, port });
const replies = new LineStream(conn);
let keyboard: readline.Interface | undefined;

const finish = (why: string): void => {
  console.log(why);
  keyboard?.close();
  process.stdin.destroy();
  conn.end(() => conn.destroy());
};

process.on('SIGINT', () => {
  finish('Interrupted, closing the connection.');
  process.exit(0);
});

conn.on('error', (err: NodeJS.ErrnoException) => {
  if (!conn.connecting) return;
  console.error(`cannot reach the server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exit(1);
});

conn.on('connect', async () => {
  keyboard = readline.createInterface({ input: process.stdin });
  for await (const message of keyboard) {
    const command = message.trim().toLowerCase();
    if (command === 'quit' || command === 'exit') return finish('Goodbye.');
    conn.write(`${message}\n`);
    const reply = await replies.next();
    if (reply === undefined) return finish('The server closed the connection.');
    console.log(reply);
    if (command === 'bye') return finish('Goodbye.');
  }
  finish('End of input, goodbye.');
});
