// The stock quote servers and client of stock4 to stock7: one symbol per line in, one
// line out ("189.50", or "ERROR unknown symbol XYZ"), many clients at once. Node serves
// every connection from its one event loop, which is what stock4 asks of a select loop.

import net from 'node:net';

/** The price table of the protocol pages. */
export const PRICE_TABLE: Readonly<Record<string, number>> = { AAPL: 189.5, GOOG: 141.2, MSFT: 378.85, AMZN: 145.3, TSLA: 242.65 };

export interface StockServerOptions {
  port: number;
  /** stock6: every this many seconds each price takes a random step, staying above 0. */
  intervalSeconds?: number;
  /** stock7: the line "disconnect" (any case) is answered BYE, then that connection closes. */
  disconnect?: boolean;
}

function answer(prices: Record<string, number>, line: string): string {
  const symbol = line.trim().toUpperCase();
  const price = prices[symbol];
  return price === undefined ? `ERROR unknown symbol ${symbol}` : price.toFixed(2);
}

/** A step of 0.01 to 1.00 up or down, never to 0 or below. */
function step(price: number): number {
  const size = (1 + Math.floor(Math.random() * 100)) / 100;
  const up = price - size <= 0 || Math.random() < 0.5;
  return Math.round((up ? price + size : price - size) * 100) / 100;
}

export function serveStocks(opts: StockServerOptions): void {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? opts.port);
  const prices: Record<string, number> = { ...PRICE_TABLE };
  if (opts.intervalSeconds !== undefined) {
    setInterval(() => {
      for (const symbol of Object.keys(prices)) prices[symbol] = step(prices[symbol]);
    }, opts.intervalSeconds * 1000);
  }
  const server = net.createServer((conn) => {
    let pending = '';
    let done = false;
    conn.setEncoding('utf8');
    conn.on('error', () => conn.destroy());
    conn.on('data', (chunk: string) => {
      pending += chunk;
      for (let nl = pending.indexOf('\n'); !done && nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line.trim() === '') continue;
        if (opts.disconnect && line.trim().toLowerCase() === 'disconnect') {
          done = true;
          conn.end('BYE\n');
          return;
        }
        conn.write(`${answer(prices, line)}\n`);
      }
    });
  });
  server.listen(port, host);
}

/** The client: the symbols of its command line (or AAPL GOOG MSFT), each answered in turn. */
export function askStocks(opts: { port: number; disconnect?: boolean }): void {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? opts.port);
  const args = process.argv.slice(2);
  const symbols = args.length > 0 ? args : ['AAPL', 'GOOG', 'MSFT'];
  let next = 0;
  let pending = '';
  let finished = false;
  const conn = net.connect({ host, port }, () => conn.write(`${symbols[0]}\n`));
  conn.setEncoding('utf8');
  conn.on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (next >= symbols.length) {
        finished = true; // BYE
        conn.destroy();
        return;
      }
      console.log(`${symbols[next].trim().toUpperCase()} ${line}`);
      next++;
      if (next < symbols.length) conn.write(`${symbols[next]}\n`);
      else if (opts.disconnect) conn.write('disconnect\n');
      else {
        finished = true;
        conn.destroy(); // a full close, as Python's s.close()
      }
    }
  });
  conn.on('end', () => {
    if (!finished && next < symbols.length) {
      console.error(`the server closed the connection before answering ${symbols[next]}`);
      process.exitCode = 1;
    }
    conn.end();
  });
  conn.on('error', (err: NodeJS.ErrnoException) => {
    if (finished) return;
    console.error(`cannot talk to the server at ${host}:${port}: ${err.code ?? err.message}`);
    process.exitCode = 1;
  });
}
