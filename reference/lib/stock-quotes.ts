// What the stock servers and clients (stock1 to stock3) agree on: the price table of the
// protocol pages, symbols matched without regard to case or spaces, and lines read from
// a TCP stream whole, however TCP cuts them.

import type net from 'node:net';

export const PRICES: Readonly<Record<string, number>> = { AAPL: 189.5, GOOG: 141.2, MSFT: 378.85, AMZN: 145.3, TSLA: 242.65 };

/** The price of a symbol (" aapl " is AAPL), or undefined. */
export function priceOf(symbol: string): number | undefined {
  const key = symbol.trim().toUpperCase();
  return Object.hasOwn(PRICES, key) ? PRICES[key] : undefined;
}

/** The answer line of the line protocol, without its newline: "189.50" or "ERROR unknown symbol XYZ". */
export function answerLine(symbol: string): string {
  const price = priceOf(symbol);
  return price === undefined ? `ERROR unknown symbol ${symbol.trim().toUpperCase()}` : price.toFixed(2);
}

/** The symbols a client asks for: its arguments, else the page's default list. */
export function requestedSymbols(defaults: string[] = ['AAPL', 'GOOG', 'MSFT']): string[] {
  const given = process.argv
    .slice(2)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return given.length > 0 ? given : defaults;
}

/**
 * Calls `onLine` for every whole line the peer sends (CR/LF stripped), in order, and
 * `onEnd` once the peer has finished sending (a last line without its newline is
 * passed to `onLine` first). A reset ends the connection without `onEnd`.
 */
export function readLines(conn: net.Socket, onLine: (line: string) => void, onEnd: () => void = () => undefined): void {
  let pending = Buffer.alloc(0);
  conn.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (let nl = pending.indexOf(0x0a); nl >= 0 && !conn.destroyed; nl = pending.indexOf(0x0a)) {
      const line = pending.subarray(0, nl).toString('utf8').replace(/\r$/, '');
      pending = pending.subarray(nl + 1);
      onLine(line);
    }
  });
  conn.on('end', () => {
    if (pending.length > 0 && !conn.destroyed) onLine(pending.toString('utf8').replace(/\r$/, ''));
    pending = Buffer.alloc(0);
    onEnd();
  });
  conn.on('error', () => conn.destroy());
}

/** Reports a client that could not talk to the server, and sets a failing exit code. */
export function reportConnectionError(host: string, port: number, err: NodeJS.ErrnoException): void {
  console.error(`cannot talk to the server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exitCode = 1;
}
