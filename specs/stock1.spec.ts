// stock1: one stock symbol per connection. The client sends a symbol and a newline; the
// server answers with its price from the page's table, two decimals ("189.50\n"), or
// "ERROR unknown symbol XYZ\n", and closes the connection. The client prints the symbol
// and the price on one line.
// End to end, the student's client runs against the student's server and only what the
// person sees counts; the newline framing is checked once, in the robustness group.

import {
  ANY_LINE,
  type Connection,
  check,
  group,
  quote,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  task,
  textPattern,
  trimmedLine,
  trimmedLineAnyCase,
  whyNoMore,
} from '../harness/index.js';
import { nameAskedFor, type StartAsking, symbolIn } from './lib/asked-for.js';
import { newlineChecks } from './lib/newline-checks.js';
import { expectAnswerToWhole, holdsAPrice, sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { abruptClient, expectSurvives, serverSession, silentClient } from './lib/sessions.js';
import {
  answerFor,
  anyPriceLine,
  clientAsking,
  ERROR_LINE,
  ERROR_SHOWN,
  expectGivesUpCleanly,
  madeUpPrice,
  nobodyListening,
  PRICES,
  quoteLine,
  randomSymbol,
  SYMBOLS,
  TRAILING_ZERO,
  unknownSymbol,
} from './lib/stock-quotes.js';

/** The student's client asking for `symbol`: given as its argument, and typed (for a client that asks with input()). */
function asking(t: TestContext): StartAsking {
  return async (to, symbol) => {
    const client = await t.startClient(to, { args: [symbol] });
    client.type(symbol);
    return client;
  };
}

const READ_LINE_HELP = 'one recv() returns only what has arrived so far: keep calling recv() and collecting bytes until the newline arrives (or recv() returns b"")';
const PRINT_HELP = 'print the symbol and the answer on one line: print(symbol, answer)';
const GONE_HELP = 'wrap the conversation in try/except OSError (ConnectionRefusedError, ConnectionResetError), and check for b"" from recv(): print a message and sys.exit(1)';

/** One symbol asked on a fresh connection, its price answered: proof the server still serves. */
async function serveOneSymbol(t: TestContext, server: ServerUnderTest): Promise<void> {
  const symbol = randomSymbol();
  const conn = await t.connect(server);
  await conn.sendLine(symbol);
  // A price in any format: how it is written is the server group's test.
  await conn.expectLine(textPattern(`a price for ${symbol}`, holdsAPrice));
}

/** Sends `symbol` on `conn`; the answer must be the page's: its price, or the ERROR line. */
async function expectAnswer(conn: Connection, symbol: string, help: string): Promise<void> {
  await conn.sendLine(symbol);
  await conn.expectLine(trimmedLine(answerFor(symbol)), { help });
}

task('stock1', { port: 5000, framingProbe: { message: 'AAPL' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server answers a symbol with its price from the table, with two decimals (AAPL -> 189.50)', 2, async (t) => {
      const symbol = randomSymbol(TRAILING_ZERO);
      const { conn } = await serverSession(t);
      await expectAnswer(conn, symbol, `send the price from the page's table with two decimals: f"{price:.2f}" gives "189.50" (str(189.5) gives "189.5")`);
    });

    check('the server finds a symbol sent in lowercase with spaces around it (" tsla ")', 1, async (t) => {
      const symbol = randomSymbol();
      const { conn } = await serverSession(t);
      await conn.sendLine(` ${symbol.toLowerCase()} `);
      await conn.expectLine(trimmedLine(PRICES[symbol]), { help: 'look the symbol up as symbol.strip().upper()' });
    });

    check('the server answers an unknown symbol with a line starting with ERROR', 2, async (t) => {
      const symbol = unknownSymbol();
      const { conn } = await serverSession(t);
      await conn.sendLine(symbol);
      await conn.expectLine(ERROR_LINE, {
        help: `an unknown symbol is not in the dictionary: PRICES[symbol] raises KeyError; test "if symbol in PRICES:" and otherwise send "ERROR unknown symbol ${symbol}\\n"`,
      });
    });

    check('the server closes the connection after its answer', 1, async (t) => {
      const symbol = randomSymbol();
      const { conn } = await serverSession(t);
      await conn.sendLine(symbol);
      // The answer in any format (its format is the test above's), then the close.
      await conn.expectLine(textPattern(`a price for ${symbol}`, holdsAPrice), { help: 'answer with the price, then close' });
      await conn.expectClosed({ help: 'after sending the answer call conn.close(): one symbol, one answer, then the connection ends' });
    });
  });

  group('client', () => {
    check('the client sends the symbol given on its command line', 2, async (t) => {
      const symbol = randomSymbol(['GOOG', 'MSFT', 'AMZN', 'TSLA']);
      const { conn } = await clientAsking(t, [symbol]);
      await conn.expectLine(trimmedLineAnyCase(symbol), { help: 'take the symbol from sys.argv[1] and send it: s.sendall((symbol + "\\n").encode())' });
    });

    check('the client prints the symbol and the price it received on one line, and exits with code 0', 2, async (t) => {
      const symbol = randomSymbol();
      const price = madeUpPrice();
      const { client, conn } = await clientAsking(t, [symbol]);
      await conn.readLine();
      await conn.sendLine(price);
      conn.end();
      await client.expectOutput(quoteLine(symbol, price), { help: `${PRINT_HELP}; print what the server sent (here ${price}), not a price of your own` });
      await client.expectExit(0, { help: 'after printing the answer, close the socket and let the program end' });
    });

    check('the client shows an ERROR answer for an unknown symbol without crashing', 1, async (t) => {
      const symbol = unknownSymbol();
      const { client, conn } = await clientAsking(t, [symbol]);
      await conn.readLine();
      await conn.sendLine(`ERROR unknown symbol ${symbol}`);
      conn.end();
      const help = 'the answer may be an ERROR line instead of a number: print it as it is (do not convert it with float())';
      await client.expectOutput(ERROR_SHOWN, { help });
      await client.expectExit('any', { help });
      client.expectNoTraceback(help);
    });

    check('the client ends cleanly with a message when no server is listening', 1, async (t) => {
      const client = await t.startClient(await nobodyListening(t), { args: [randomSymbol()] });
      await expectGivesUpCleanly(client, 'when no server is listening', `connect() raises ConnectionRefusedError: ${GONE_HELP}`);
    });

    check('the client ends cleanly with a message when the server closes without answering', 1, async (t) => {
      const { client, conn } = await clientAsking(t, [randomSymbol()]);
      await conn.readLine();
      conn.end();
      await expectGivesUpCleanly(client, 'when the server closes without answering', `recv() returns b"" when the server has closed: ${GONE_HELP}`);
    });
  });

  group('end-to-end', () => {
    check('your client, asked for a symbol, prints it with the price your server gives and exits with code 0', 2, async (t) => {
      const symbol = randomSymbol();
      const asked = await nameAskedFor(t, symbol, symbolIn(SYMBOLS), asking(t));
      const server = await t.startServer();
      const client = await asking(t)(server, symbol);
      await client.expectOutput(anyPriceLine(asked), {
        help: `run "python server.py", then "python client.py ${asked}": it should print ${asked} and its price on one line`,
      });
      await client.expectExit(0, { help: 'after printing the price, the client closes its socket and ends' });
    });

    check('your client, asked for an unknown symbol, shows an error without a traceback', 1, async (t) => {
      const symbol = unknownSymbol();
      const asked = await nameAskedFor(t, symbol, symbolIn(SYMBOLS), asking(t));
      const server = await t.startServer();
      const client = await asking(t)(server, symbol);
      const help = `run "python client.py ${symbol}" against your server: the server must answer (not crash) and the client must show the error`;
      // A client that always asks for a symbol of its own cannot be asked an unknown one: it is judged on what it shows for its own.
      await client.expectOutput(asked === symbol ? ERROR_SHOWN : anyPriceLine(asked), { help });
      await client.expectExit('any', { help });
      client.expectNoTraceback(help);
    });
  });

  group('robustness', () => {
    check('the client ends the symbol it sends with a newline', 1, async (t) => {
      const symbol = randomSymbol();
      const { conn } = await clientAsking(t, [symbol]);
      // The newline alone is judged here; which symbol is sent is the client group's test.
      await conn.expectLine(ANY_LINE, {
        requireNewline: true,
        help: 'end the symbol with a newline, as the protocol page asks: s.sendall((symbol + "\\n").encode())',
      });
    });

    newlineChecks('the server ends its answer with a newline', async (conn) => {
      const symbol = randomSymbol();
      await conn.sendLine(symbol);
      // The server closes after its answer: the close must not stand in for the newline.
      const help = 'end the answer with a newline, as the protocol page asks: conn.sendall((answer + "\\n").encode())';
      const outcome = await conn.inbox.waitFor(() => (conn.inbox.unread().includes(0x0a) ? true : undefined), conn.deadlines.reply);
      if (outcome.kind !== 'found') {
        const got = conn.inbox.unread();
        const after = whyNoMore(outcome, conn.deadlines.reply, conn.inbox.endedBecause);
        throw new StudentFailure({
          sent: conn.lastSent,
          expected: `the answer ${quote(`${PRICES[symbol]}\n`)}, ended by its newline`,
          actual: got.length > 0 ? `${quote(got)} without a newline, then ${after}` : `nothing, then ${after}`,
          help,
        });
      }
      // The newline is judged here; what the answer says is the server group's test.
      await conn.expectLine(ANY_LINE, { requireNewline: true, help });
    });

    check('the server waits for the whole symbol when it arrives in pieces', 1, async (t) => {
      const symbol = randomSymbol();
      const { conn } = await serverSession(t);
      await sendLineInTwo(conn, symbol, 2);
      await expectAnswerToWhole(
        conn,
        { holds: holdsAPrice, what: `a price for ${symbol} (${PRICES[symbol]} in the page's table)`, sent: [symbol.slice(0, 2), `${symbol.slice(2)}\n`] },
        `TCP may deliver "${symbol}" as "${symbol.slice(0, 2)}" and "${symbol.slice(2)}\\n": ${READ_LINE_HELP}`,
      );
    });

    check('the server survives a client that disconnects abruptly', 1, async (t) => {
      await expectSurvives(
        t,
        (s) => abruptClient(t, s, 'GO'),
        (s) => serveOneSymbol(t, s),
        'recv() and sendall() raise ConnectionResetError (or BrokenPipeError) when the client disconnects abruptly: catch them, close that connection and go on (or end with exit code 0)',
      );
    });

    check('the server survives a client that connects and closes without sending a symbol', 1, async (t) => {
      await expectSurvives(
        t,
        (s) => silentClient(t, s),
        (s) => serveOneSymbol(t, s),
        'recv() returns b"" when the client has closed without a word: stop reading (if not chunk: break), close that connection and go on; do not look up an empty symbol',
      );
    });

    check('the client prints the whole answer when it arrives in pieces', 1, async (t) => {
      const symbol = randomSymbol();
      const price = madeUpPrice();
      const { client, conn } = await clientAsking(t, [symbol]);
      await conn.readLine();
      await sendLineInTwo(conn, price, 2);
      conn.end();
      // The price whole is judged here; printing the symbol beside it is the client group's test.
      await client.expectOutput(textPattern(`the price ${quote(price)} whole`, new RegExp(`(?<![\\d.])${price.replace('.', '\\.')}(?!\\d)`)), {
        help: `TCP may deliver "${price}" in pieces: ${READ_LINE_HELP}`,
      });
    });
  });
});
