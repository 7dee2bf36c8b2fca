// stock2: many stock symbols on one connection. The client sends one symbol per line;
// the server answers each, in order, with one line: the price from the page's table, two
// decimals ("189.50\n"), or "ERROR unknown symbol XYZ\n", until the client closes. The
// client prints each symbol with its answer, closes, and exits 0.
// End to end, the student's client runs against the student's server and only what the
// person sees counts; the newline framing is checked once, in the robustness group.

import {
  ANY_LINE,
  type Connection,
  check,
  expectServesOnOrEndsCleanly,
  group,
  quote,
  randomInt,
  type ServerUnderTest,
  type TestContext,
  type TextPattern,
  task,
  textPattern,
  trimmedLine,
  trimmedLineAnyCase,
} from '../harness/index.js';
import { nameAskedFor, symbolIn } from './lib/asked-for.js';
import { expectNewlineIfAnswered, newlineChecks } from './lib/newline-checks.js';
import { expectAnswerToWhole, holdsAPrice, sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { expectClosesAfterClient, serverSession } from './lib/sessions.js';
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
  randomSymbols,
  SYMBOLS,
  unknownSymbol,
} from './lib/stock-quotes.js';

const READ_LINE_HELP = 'one recv() returns only what has arrived so far, maybe part of a line, maybe two lines: keep a buffer, add every recv() to it, and take out one line per "\\n"';
const LOOP_HELP = 'keep the connection open and answer in a loop: read a line, answer it, read the next one, until recv() returns b"" (the client closed)';
const GONE_HELP = 'wrap the conversation in try/except OSError (ConnectionRefusedError, ConnectionResetError), and check for b"" from recv(): print a message and sys.exit(1)';

/** Sends `symbol` on `conn` and expects the page's answer to it. */
async function expectAnswer(conn: Connection, symbol: string, help?: string): Promise<void> {
  await conn.sendLine(symbol);
  await conn.expectLine(trimmedLine(answerFor(symbol)), { help });
}

/** A price for `symbol` in any format: the robustness probes leave the format to the server group. */
const aPriceFor = (symbol: string): TextPattern => textPattern(`a price for ${symbol}`, holdsAPrice);

/** One symbol asked on a fresh connection, a price answered: proof the server still serves. */
async function serveOneSymbol(t: TestContext, server: ServerUnderTest): Promise<void> {
  const conn = await t.connect(server);
  const symbol = randomSymbol();
  await conn.sendLine(symbol);
  await conn.expectLine(aPriceFor(symbol));
}

/**
 * The symbol the client asks for first when given `symbols`: undefined when it is
 * `symbols[0]`; else the client asks for its own (hard-coded), and that first one is the
 * one it is graded on end to end (see lib/asked-for.ts).
 */
async function ownSymbolsAsked(t: TestContext, symbols: string[]): Promise<string[] | undefined> {
  const asked = await nameAskedFor(t, symbols[0], symbolIn(SYMBOLS), (to) => t.startClient(to, { args: symbols }));
  return asked === symbols[0] ? undefined : [asked];
}

/** Symbols for the client's command line, never the default AAPL GOOG MSFT. */
function argumentSymbols(): string[] {
  const first = randomSymbol(['AMZN', 'TSLA']);
  return [
    first,
    ...randomSymbols(5)
      .filter((s) => s !== first)
      .slice(0, 2),
  ];
}

/** Plays the server for `symbols`: reads each line, answers the price made up for it. */
async function answerEach(conn: Connection, symbols: string[], prices: string[]): Promise<void> {
  for (const [i, symbol] of symbols.entries()) {
    await conn.expectLine(trimmedLineAnyCase(symbol), {
      help: `send each symbol of the command line in turn, one per line: for symbol in sys.argv[1:]: s.sendall((symbol + "\\n").encode())`,
    });
    await conn.sendLine(prices[i]);
  }
}

task('stock2', { port: 5000, framingProbe: { message: 'AAPL' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server answers every symbol of the table on one connection, in order, with two decimals', 3, async (t) => {
      const { conn } = await serverSession(t);
      for (const symbol of randomSymbols(SYMBOLS.length)) {
        await expectAnswer(conn, symbol, `${LOOP_HELP}; send the price with two decimals: f"{price:.2f}" gives "189.50"`);
      }
    });

    check('the server finds symbols sent in lowercase with spaces around them (" tsla ")', 1, async (t) => {
      const { conn } = await serverSession(t);
      for (const symbol of randomSymbols(2)) {
        await conn.sendLine(` ${symbol.toLowerCase()} `);
        await conn.expectLine(trimmedLine(PRICES[symbol]), { help: 'look the symbol up as symbol.strip().upper()' });
      }
    });

    check('the server answers an unknown symbol with a line starting with ERROR, and goes on answering on the same connection', 2, async (t) => {
      const symbol = unknownSymbol();
      const { conn } = await serverSession(t);
      await expectAnswer(conn, randomSymbol());
      await conn.sendLine(symbol);
      await conn.expectLine(ERROR_LINE, {
        help: `an unknown symbol is not in the dictionary: PRICES[symbol] raises KeyError; test "if symbol in PRICES:" and otherwise send "ERROR unknown symbol ${symbol}\\n"`,
      });
      await expectAnswer(conn, randomSymbol(), 'after an ERROR answer, go on reading the next symbol on the same connection');
    });

    check('the server does not crash when the client closes the connection: it closes its side and carries on or ends cleanly', 2, async (t) => {
      const { server, conn } = await serverSession(t);
      await expectAnswer(conn, randomSymbol());
      await expectClosesAfterClient(
        server,
        conn,
        () => serveOneSymbol(t, server),
        'recv() returns b"" once the client has closed: leave the loop (if not data: break) and close the connection; do not look up an empty symbol',
      );
    });
  });

  group('client', () => {
    check('the client sends every symbol from its command line, one per line', 2, async (t) => {
      const symbols = argumentSymbols();
      const { conn } = await clientAsking(t, symbols);
      const prices = symbols.map(() => madeUpPrice());
      await answerEach(conn, symbols, prices);
    });

    check('the client prints every answer with its symbol on one line, in order', 3, async (t) => {
      const symbols = argumentSymbols();
      const prices = symbols.map(() => madeUpPrice());
      const { client, conn } = await clientAsking(t, symbols);
      await answerEach(conn, symbols, prices);
      for (const [i, symbol] of symbols.entries()) {
        await client.expectOutput(quoteLine(symbol, prices[i]), {
          help: `print each answer as it comes, with its symbol: print(symbol, answer); the grader answered ${symbols.map((s, j) => `${s} ${prices[j]}`).join(', ')} (made-up prices: print what the server sends)`,
        });
      }
    });

    check('the client closes the connection and exits with code 0 after the last answer', 1, async (t) => {
      const symbols = argumentSymbols();
      const { client, conn } = await clientAsking(t, symbols);
      await answerEach(
        conn,
        symbols,
        symbols.map(() => madeUpPrice()),
      );
      const help = 'the server keeps the connection open for more symbols: after the answer to the last one, close the socket yourself and let the program end (do not wait for the server to close)';
      await conn.expectClosed({ help });
      await client.expectExit(0, { help });
    });

    check('the client shows an ERROR answer for an unknown symbol and goes on with the next symbol', 1, async (t) => {
      const unknown = unknownSymbol();
      const known = randomSymbol();
      const price = madeUpPrice();
      const { client, conn } = await clientAsking(t, [unknown, known]);
      await conn.expectLine(trimmedLineAnyCase(unknown));
      await conn.sendLine(`ERROR unknown symbol ${unknown}`);
      await conn.expectLine(trimmedLineAnyCase(known), { help: 'an ERROR answer is an answer too: print it and go on with the next symbol' });
      await conn.sendLine(price);
      const help = 'the answer may be an ERROR line instead of a number: print it as it is (do not convert it with float()), then go on';
      await client.expectOutput(ERROR_SHOWN, { help });
      await client.expectOutput(quoteLine(known, price), { help });
      client.expectNoTraceback(help);
    });

    check('the client ends cleanly with a message when no server is listening', 1, async (t) => {
      const client = await t.startClient(await nobodyListening(t), { args: argumentSymbols() });
      await expectGivesUpCleanly(client, 'when no server is listening', `connect() raises ConnectionRefusedError: ${GONE_HELP}`);
    });

    check('the client ends cleanly with a message when the server closes before the last answer', 1, async (t) => {
      const symbols = argumentSymbols();
      const { client, conn } = await clientAsking(t, symbols);
      await answerEach(conn, symbols.slice(0, 1), [madeUpPrice()]);
      await conn.readLine();
      conn.end();
      await expectGivesUpCleanly(client, 'when the server closes before answering every symbol', `recv() returns b"" when the server has closed: ${GONE_HELP}`);
    });
  });

  group('end-to-end', () => {
    check('your client, asked for three symbols, prints each with the price your server gives, in order, and exits with code 0', 3, async (t) => {
      // Never the default AAPL GOOG MSFT first, so a client's own list shows at its first symbol.
      const symbols = argumentSymbols();
      // A client that asks for symbols of its own (hard-coded) is graded on what it prints for them.
      const own = await ownSymbolsAsked(t, symbols);
      const server = await t.startServer();
      const client = await t.startClient(server, { args: symbols });
      for (const symbol of own ?? symbols) {
        await client.expectOutput(anyPriceLine(symbol), {
          help: `run "python server.py", then "python client.py ${symbols.join(' ')}": it should print each symbol with its price, one line each, in that order`,
        });
      }
      await client.expectExit(0, { help: 'after the last price the client closes its socket and ends' });
    });

    check('your client, asked for an unknown symbol between two known ones, shows an error for it and the prices of the others', 2, async (t) => {
      const first = randomSymbol(['AMZN', 'TSLA']);
      const last = randomSymbol(SYMBOLS.filter((x) => x !== first));
      const unknown = unknownSymbol();
      const own = await ownSymbolsAsked(t, [first, unknown, last]);
      const server = await t.startServer();
      const client = await t.startClient(server, { args: [first, unknown, last] });
      const help = `run "python client.py ${first} ${unknown} ${last}" against your server: the server must answer the unknown symbol (not crash) and the client must show the error, then go on`;
      // A client that always asks for its own symbols cannot be asked an unknown one: it is judged on what it shows for its own.
      for (const shown of own ? own.map(anyPriceLine) : [anyPriceLine(first), ERROR_SHOWN, anyPriceLine(last)]) await client.expectOutput(shown, { help });
      await client.expectExit('any', { help });
      client.expectNoTraceback(help);
    });
  });

  group('robustness', () => {
    check('the client ends each symbol it sends with a newline', 1, async (t) => {
      const symbols = argumentSymbols();
      const { conn } = await clientAsking(t, symbols);
      for (let i = 0; i < 2; i++) {
        // The newline alone is judged here; which symbols are sent is the client group's test.
        await conn.expectLine(ANY_LINE, {
          requireNewline: true,
          help: 'end every symbol with a newline, as the protocol page asks: s.sendall((symbol + "\\n").encode()); the server reads up to the newline to know the symbol is complete',
        });
        await conn.sendLine(madeUpPrice());
      }
    });

    newlineChecks('the server ends each answer with a newline', async (conn) => {
      const help = 'end every answer with a newline, as the protocol page asks: conn.sendall((answer + "\\n").encode()); the client reads up to the newline to know the answer is complete';
      // The newline is judged here; what the answer says is the server group's test.
      await conn.sendLine(randomSymbol());
      await conn.expectLine(ANY_LINE, { requireNewline: true, help });
      // No answer at all to a second symbol (a crash on an unknown one, one symbol per connection) is the server group's charge.
      await conn.sendLine(unknownSymbol());
      await expectNewlineIfAnswered(conn, help);
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

    check('the server answers two symbols that arrive in one segment, each on its own line', 1, async (t) => {
      // To a server that reads without the newline, two lines in one segment are one message: the page's newline, charged once above.
      if (await t.newlineChargedElsewhere()) return;
      const [a, b] = randomSymbols(2);
      const { conn } = await serverSession(t);
      await conn.send(`${a}\n${b}\n`);
      const help = `"${a}\\n${b}\\n" can arrive in one recv(): ${READ_LINE_HELP}; answer every line in the buffer before calling recv() again`;
      await conn.expectLine(aPriceFor(a), { help });
      await conn.expectLine(aPriceFor(b), { help });
    });

    check('the server survives a client that disconnects abruptly', 1, async (t) => {
      const server = await t.startServer();
      const rude = await t.connect(server);
      const first = randomSymbol();
      await rude.sendLine(first);
      await rude.expectLine(aPriceFor(first));
      await rude.sendLinePiece(randomSymbol().slice(0, 1 + randomInt(3)));
      await rude.waitUntilRead();
      rude.reset();
      await expectServesOnOrEndsCleanly(server, () => serveOneSymbol(t, server), {
        help: 'recv() and sendall() raise ConnectionResetError (or BrokenPipeError) when the client disconnects abruptly: catch them, close that connection and go on (or end with exit code 0)',
      });
    });

    check('the client prints an answer that arrives in pieces whole', 1, async (t) => {
      const [symbol] = argumentSymbols();
      const price = madeUpPrice();
      const { client, conn } = await clientAsking(t, [symbol]);
      await conn.readLine();
      await sendLineInTwo(conn, price, 2);
      // The price whole is judged here; printing the symbol beside it is the client group's test.
      await client.expectOutput(textPattern(`the price ${quote(price)} whole`, new RegExp(`(?<![\\d.])${price.replace('.', '\\.')}(?!\\d)`)), {
        help: `TCP may deliver "${price}\\n" in pieces: ${READ_LINE_HELP}`,
      });
    });
  });
});
