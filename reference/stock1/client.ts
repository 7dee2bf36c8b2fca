// stock1 reference client: sends the symbol of its first argument (default AAPL), prints
// the symbol and the server's answer on one line, exits 0; a message and exit code 1
// when no server answers.

import net from 'node:net';
import { reportConnectionError, requestedSymbols } from '../lib/stock-quotes.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5000);
const [symbol] = requestedSymbols(['AAPL']);

const conn = net.connect({ host, port }, () => conn.write(`${symbol}\n`));
let received = Buffer.alloc(0);
let printed = false;
const show = (answer: string): void => {
  if (printed) return;
  printed = true;
  console.log(`${symbol} ${answer}`);
  conn.end();
};
conn.on('data', (chunk: Buffer) => {
  received = Buffer.concat([received, chunk]);
  const nl = received.indexOf(0x0a);
  if (nl >= 0) show(received.subarray(0, nl).toString('utf8').trim());
});
conn.on('end', () => {
  const rest = received.toString('utf8').trim();
  if (rest) show(rest);
  else if (!printed) {
    console.error('the server closed the connection without answering');
    process.exitCode = 1;
  }
});
conn.on('error', (err: NodeJS.ErrnoException) => reportConnectionError(host, port, err));
