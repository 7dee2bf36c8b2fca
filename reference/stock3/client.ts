// stock3 reference client: sends {"symbols": [its arguments]} (default AAPL GOOG MSFT) as
// one JSON line, reads the one-line JSON reply, prints "SYMBOL price" for each symbol
// ("XYZ ERROR unknown symbol" for a null), closes and exits 0; a message and exit code 1
// when the server is not there, leaves without answering, or answers an error.

import net from 'node:net';
import { reportConnectionError, requestedSymbols } from '../lib/stock-quotes.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5000);
const symbols = requestedSymbols();

function show(line: string): void {
  let reply: { prices?: unknown; error?: unknown };
  try {
    reply = JSON.parse(line) as typeof reply;
  } catch {
    console.error(`the server's reply is not JSON: ${line}`);
    process.exitCode = 1;
    return;
  }
  if (!Array.isArray(reply?.prices)) {
    console.error(`ERROR from the server: ${String(reply?.error ?? line)}`);
    process.exitCode = 1;
    return;
  }
  const prices = reply.prices as unknown[];
  symbols.forEach((symbol, i) => {
    const price = prices[i];
    console.log(typeof price === 'number' ? `${symbol} ${price.toFixed(2)}` : `${symbol} ERROR unknown symbol`);
  });
}

const conn = net.connect({ host, port }, () => conn.write(`${JSON.stringify({ symbols })}\n`));
let received = Buffer.alloc(0);
let answered = false;
conn.on('data', (chunk: Buffer) => {
  if (answered) return;
  received = Buffer.concat([received, chunk]);
  const nl = received.indexOf(0x0a);
  if (nl < 0) return;
  answered = true;
  show(received.subarray(0, nl).toString('utf8'));
  // Closed fully: the server keeps its side open for more requests and would not end ours.
  conn.end(() => conn.destroy());
});
conn.on('end', () => {
  if (answered) return;
  const rest = received.toString('utf8').trim();
  if (rest) {
    answered = true;
    show(rest);
  } else {
    console.error('the server closed the connection without answering');
    process.exitCode = 1;
  }
  conn.end();
});
conn.on('error', (err: NodeJS.ErrnoException) => reportConnectionError(host, port, err));
