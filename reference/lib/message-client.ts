// The interactive client of the message tasks: each line typed is sent with a newline and
// the server's reply line is printed; "exit" (any case) is sent, its reply printed, and
// the client ends. An empty line is a message like any other. End of input (Ctrl+D) or
// the server leaving ends the client too, with code 0.

import net from 'node:net';
import readline from 'node:readline';
import { LineStream } from './line-stream.js';

export function runMessageClient(defaultPort: number): void {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? defaultPort);

  const conn = net.connect({ host, port });
  const replies = new LineStream(conn);
  conn.on('error', (err: NodeJS.ErrnoException) => {
    if (conn.connecting) {
      console.error(`cannot reach the server at ${host}:${port}: ${err.code ?? err.message}`);
      process.exit(1);
    }
  });

  conn.on('connect', async () => {
    const keyboard = readline.createInterface({ input: process.stdin });
    for await (const message of keyboard) {
      conn.write(`${message}\n`);
      const reply = await replies.next();
      if (reply === undefined) {
        console.log('The server closed the connection.');
        break;
      }
      console.log(`Server response: ${reply}`);
      if (message.trim().toLowerCase() === 'exit') {
        console.log('Exiting client.');
        break;
      }
    }
    keyboard.close();
    process.stdin.destroy(); // an open pipe would keep node running
    conn.end(() => conn.destroy());
  });
}
