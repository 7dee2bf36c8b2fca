// stock2 reference client: asks for the symbols of its arguments (default AAPL GOOG MSFT)
// on one connection, one line each, waiting for each answer; prints "SYMBOL answer" for
// each, closes and exits 0; a message and exit code 1 when the server is not there or
// leaves before the last answer.

import net from 'node:net';
import { reportConnectionError, requestedSymbols } from '../lib/stock-quotes.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5000);
const symbols = requestedSymbols();

let next = 0;
const conn = net.connect({ host, port }, () => conn.write(`${symbols[next]}\n`));
let received = Buffer.alloc(0);
conn.on('data', (chunk: Buffer) => {
  received = Buffer.concat([received, chunk]);
  for (let nl = received.indexOf(0x0a); nl >= 0 && next < symbols.length; nl = received.indexOf(0x0a)) {
    console.log(`${symbols[next]} ${received.subarray(0, nl).toString('utf8').trim()}`);
    received = received.subarray(nl + 1);
    next++;
    if (next < symbols.length) conn.write(`${symbols[next]}\n`);
    // Closed fully: the server keeps its side open for more symbols and would not end ours.
    else conn.end(() => conn.destroy());
  }
});
conn.on('end', () => {
  if (next >= symbols.length) return;
  console.error(`the server closed the connection before answering ${symbols[next]}`);
  process.exitCode = 1;
  conn.end();
});
conn.on('error', (err: NodeJS.ErrnoException) => reportConnectionError(host, port, err));
