// stock6: as stock5 (a thread per client), and a thread of the server's own moves every
// price by a random step every STOCK_INTERVAL seconds (default 5), keeping it above 0.
// The grader sets STOCK_INTERVAL: long (600 s) where the table's prices must hold, short
// (0.2 s, 0.02 s) where it watches them move, so nothing here waits seconds.

import { type Connection, check, group, pollPause, quote, StudentFailure, seconds, task } from '../harness/index.js';
import { clientBasics, endToEndBasics, expectQuote, PRICES, robustnessBasics, SYMBOLS, serverBasics, silentClientDoesNotBlock, unknownSymbol } from './lib/stock-many.js';

/** The table holds until the first change, 600 s away. */
const STILL = { STOCK_INTERVAL: '600' };
const FAST = { STOCK_INTERVAL: '0.2' };
/** Ten intervals of 0.2 s (times the run's scale): a server that ignores STOCK_INTERVAL (5 s) shows no change by then. */
const CHANGE_WITHIN_MS = 2000;

const THREAD_HELP = 'serve each client in its own thread: after conn, addr = server.accept(), start threading.Thread(target=handle_client, args=(conn,)) and go straight back to accept()';
const UPDATER_HELP =
  'start one more thread at startup that loops for ever: time.sleep(float(os.environ.get("STOCK_INTERVAL", 5))), then prices[symbol] = round(prices[symbol] + random.uniform(-1, 1), 2) for each symbol (changing the global dict, not a copy)';
const PRICE_LINE = /^\d+\.\d\d$/;

/** Asks `symbol`; its answer must be a price with two decimals above 0. */
async function askPrice(conn: Connection, symbol: string, help?: string): Promise<string> {
  await conn.sendLine(symbol);
  const line = (await conn.readLine({ help })).trim();
  if (!PRICE_LINE.test(line) || Number(line) <= 0) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `the price of ${symbol}: a number above 0 with two decimals, like "189.50"`,
      actual: `the line ${quote(line)}`,
      help: help ?? 'keep every price above 0 (if a step would take it to 0 or below, take the step the other way) and answer it with f"{price:.2f}"',
    });
  }
  return line;
}

/** Asks `symbol` (one request at a time, paced) until its price differs from `from`; the new price. */
async function waitForChange(conn: Connection, symbol: string, from: string, help: string): Promise<string> {
  const within = conn.deadlines.scaled(CHANGE_WITHIN_MS);
  const end = Date.now() + within;
  for (;;) {
    await pollPause(25);
    const now = await askPrice(conn, symbol);
    if (now !== from) return now;
    if (Date.now() > end) {
      throw new StudentFailure({
        sent: conn.lastSent,
        expected: `the price of ${symbol} changes within ${seconds(within)} (STOCK_INTERVAL=${FAST.STOCK_INTERVAL}, so about ${Math.round(within / 200)} changes)`,
        actual: `it was ${from} every time it was asked`,
        help,
      });
    }
  }
}

task('stock6', { port: 5000 }, () => {
  group('server', () => {
    serverBasics({ serverEnv: STILL });

    check.alone('the prices change at the interval set by STOCK_INTERVAL (0.2 s here): a price asked again a few intervals later has moved', 3, async (t) => {
      const server = await t.startServer({ env: FAST });
      const conn = await t.connect(server);
      const first = await askPrice(conn, 'AAPL');
      await waitForChange(conn, 'AAPL', first, `read the interval from the environment: float(os.environ.get("STOCK_INTERVAL", 5)); ${UPDATER_HELP}`);
    });

    check.alone('after many changes (STOCK_INTERVAL=0.02) every price stays above 0 with two decimals, and the symbols stay the same five', 2, async (t) => {
      const server = await t.startServer({ env: { STOCK_INTERVAL: '0.02' } });
      const conn = await t.connect(server);
      let last = await askPrice(conn, 'GOOG');
      for (let change = 0; change < 4; change++) last = await waitForChange(conn, 'GOOG', last, UPDATER_HELP);
      for (let round = 0; round < 3; round++) {
        for (const symbol of SYMBOLS) await askPrice(conn, symbol, `each price takes a small step from where it was: prices[symbol] = round(prices[symbol] + step, 2), never to 0 or below`);
        await pollPause(25);
      }
      const unknown = unknownSymbol();
      await conn.sendLine(unknown);
      await conn.expectLine(`ERROR unknown symbol ${unknown}`, { help: 'the updater changes the prices of the five symbols only: no symbol is added or removed' });
    });

    check('the server answers at once while its price updater waits for its next turn (STOCK_INTERVAL=10)', 2, async (t) => {
      const server = await t.startServer({ env: { STOCK_INTERVAL: '10' } });
      const conn = await t.connect(server);
      const help = 'the updater must not hold the lock while it sleeps: sleep first, then take the lock only around the update (with lock: update prices), so a reader waits a moment at most';
      for (const symbol of ['MSFT', 'AAPL', 'TSLA']) await expectQuote(conn, symbol, PRICES[symbol], help);
    });

    check('while one client is connected and silent, another client is answered (and the silent one later too)', 2, async (t) => {
      const server = await t.startServer({ env: STILL });
      await silentClientDoesNotBlock(t, server, THREAD_HELP);
    });
  });

  group('client', () => {
    clientBasics();
  });

  group('end-to-end', () => {
    endToEndBasics({ serverEnv: STILL });

    check.alone('your client shows prices above 0 that change over time, from your server (STOCK_INTERVAL=0.2)', 2, async (t) => {
      const server = await t.startServer({ env: FAST });
      const symbols = ['AAPL', 'GOOG', 'MSFT', 'AMZN', 'TSLA'];
      const help = 'run your server with STOCK_INTERVAL=0.2, then your client with these symbols twice, a second apart: the prices shown must be above 0 and differ';
      /** One run of the client: symbol -> the price it printed. */
      const run = async (): Promise<Record<string, number>> => {
        const client = await t.startClient(server, { args: symbols });
        await client.expectExit(0, { help });
        client.expectNoTraceback(help);
        const printed = client.printed();
        const shown: Record<string, number> = {};
        for (const line of printed.split('\n')) {
          for (const symbol of symbols) {
            const m = new RegExp(`\\b${symbol}\\b\\D*?(-?\\d+(?:\\.\\d+)?)`, 'i').exec(line);
            if (m && shown[symbol] === undefined) shown[symbol] = Number(m[1]);
          }
        }
        for (const symbol of symbols) {
          const price = shown[symbol];
          if (price === undefined || !(price > 0)) {
            throw new StudentFailure({
              expected: `your client prints ${symbol} with a price above 0 on one line`,
              actual: printed ? `it printed ${quote(printed)}` : 'it printed nothing',
              help,
            });
          }
        }
        return shown;
      };
      const first = await run();
      const within = t.deadlines.scaled(CHANGE_WITHIN_MS);
      const end = Date.now() + within;
      for (;;) {
        await pollPause(50);
        const again = await run();
        if (symbols.some((s) => again[s] !== first[s])) return;
        if (Date.now() > end) {
          throw new StudentFailure({
            expected: `the prices your client shows change within ${seconds(within)} (STOCK_INTERVAL=0.2)`,
            actual: `it showed the same prices every time: ${symbols.map((s) => `${s} ${first[s]}`).join(', ')}`,
            help: UPDATER_HELP,
          });
        }
      }
    });
  });

  group('robustness', () => {
    robustnessBasics({ serverEnv: STILL });
  });
});
