// stock3 reference server: one JSON document per line both ways. {"symbols": [...]} gets
// {"prices": [...]} (same order, null for an unknown symbol); anything else gets
// {"error": "..."} and the connection goes on, until the client closes; client after client.

import net from 'node:net';
import { priceOf, readLines } from '../lib/stock-quotes.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5000);

function reply(line: string): object {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return { error: 'malformed JSON' };
  }
  const symbols = (request as { symbols?: unknown } | null)?.symbols;
  if (typeof request !== 'object' || !Array.isArray(symbols) || !symbols.every((s) => typeof s === 'string')) {
    return { error: 'expected {"symbols": [a list of symbols]}' };
  }
  return { prices: symbols.map((s: string) => priceOf(s) ?? null) };
}

const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  readLines(
    conn,
    (line) => {
      if (line.trim() === '') return;
      conn.write(`${JSON.stringify(reply(line))}\n`);
    },
    () => conn.end(),
  );
});
server.listen(port, host);
