// stock7: persistent connections. A client sends as many symbols as it likes on one
// connection, then the line "disconnect" (any letter case): the server answers BYE and
// closes that connection only, and keeps serving every other client.

import { type Connection, check, group, PAGE_NEWLINE_TEST, quote, StudentFailure, task } from '../harness/index.js';
import { serverSession } from './lib/sessions.js';
import {
  clientBasics,
  endToEndBasics,
  expectOwnClientShows,
  expectQuote,
  expectStillServes,
  PRICES,
  robustnessBasics,
  SYMBOLS,
  serverBasics,
  silentClientDoesNotBlock,
  someSymbols,
  twoOwnClientsBesideASilentOne,
} from './lib/stock-many.js';
import { anyPriceLine } from './lib/stock-quotes.js';

const THREAD_HELP = 'serve each client in its own thread: after conn, addr = server.accept(), start threading.Thread(target=handle_client, args=(conn,)) and go straight back to accept()';
const BYE_HELP = 'when the line is "disconnect" (compare line.strip().lower()), send b"BYE\\n", close that connection (conn.close()) and end that client\'s loop';

/** Sends `word` and expects BYE, then the close of that connection. */
async function expectBye(conn: Connection, word: string): Promise<void> {
  await conn.sendLine(word);
  const line = await conn.readLine({ help: BYE_HELP });
  if (line.trim() !== 'BYE') {
    throw new StudentFailure({ sent: conn.lastSent, expected: 'the line "BYE"', actual: `the line ${quote(line)}`, help: BYE_HELP });
  }
  await conn.expectClosed({ help: `after BYE, close the connection: ${BYE_HELP}` });
}

task('stock7', { port: 5000, stopWord: 'disconnect', framingProbe: { message: 'AAPL' } }, () => {
  group('server', () => {
    serverBasics();

    check('the server answers 20 symbols sent one after the other on one connection', 2, async (t) => {
      const { conn } = await serverSession(t);
      for (let i = 0; i < 20; i++) {
        const symbol = SYMBOLS[(i * 3) % SYMBOLS.length];
        await expectQuote(conn, symbol, PRICES[symbol], `request ${i + 1} of 20 got no answer: keep the connection open and answer line after line until "disconnect"`);
      }
    });

    check('the server answers "disconnect" with BYE and closes that connection', 2, async (t) => {
      const { conn } = await serverSession(t);
      await expectQuote(conn, 'MSFT', PRICES.MSFT);
      await expectBye(conn, t.stopWords.of('server'));
    });

    check('the server takes "disconnect" in any letter case, with spaces around it ("  DisConnect ")', 1, async (t) => {
      const { conn } = await serverSession(t);
      // The one test of the page's own word: every other test speaks the server's.
      await t.stopWords.gradePageWord('server', '  DisConnect ', (word) => expectBye(conn, word));
    });

    check('after one client disconnects, the server keeps serving: a client connected before is still answered, and a new one too', 3, async (t) => {
      const server = await t.startServer();
      const staying = await t.connect(server);
      await expectQuote(staying, 'GOOG', PRICES.GOOG, THREAD_HELP);
      const leaving = await t.connect(server);
      await expectQuote(leaving, 'AAPL', PRICES.AAPL, THREAD_HELP);
      await expectBye(leaving, t.stopWords.of('server'));
      const help = '"disconnect" ends that one client\'s connection: close conn (not the server socket), leave that client\'s loop, and let the others go on';
      await expectQuote(staying, 'TSLA', PRICES.TSLA, help);
      await expectStillServes(t, server, help);
    });

    check('while one client is connected and silent, another client is answered (and the silent one later too)', 2, async (t) => {
      const server = await t.startServer();
      await silentClientDoesNotBlock(t, server, THREAD_HELP);
    });
  });

  group('client', () => {
    clientBasics({ disconnect: true });
  });

  group('end-to-end', () => {
    endToEndBasics();

    check('your client disconnects and your server keeps serving: your client run three times in a row shows its prices every time', 2, async (t) => {
      const server = await t.startServer();
      for (let run = 1; run <= 3; run++) {
        const symbols = someSymbols(3);
        const client = await t.startClient(server, { args: symbols });
        await expectOwnClientShows(
          client,
          symbols,
          Object.fromEntries(symbols.map((s) => [s, anyPriceLine(s)])),
          run === 1 ? 'run your server, then your client' : `the client's run ${run} got no prices: after a client disconnects, the server must keep serving the next one`,
        );
      }
    });

    twoOwnClientsBesideASilentOne(THREAD_HELP);
  });

  group('robustness', () => {
    robustnessBasics();
    check(PAGE_NEWLINE_TEST, 1, async (t) => {
      await t.expectServerWaitsForNewline();
    });
  });
});
