// stock3: stock prices in JSON, one document per line both ways. The client sends
// {"symbols": ["AAPL", "XYZ"]} and a newline; the server answers {"prices": [189.5, null]}
// and a newline (same order, null for an unknown symbol); anything else gets
// {"error": "..."} and the connection goes on, until the client closes. The client
// prints each symbol with its price, closes and exits 0.
// End to end, the student's client runs against the student's server and only what the
// person sees counts; the newline framing is checked once, in the robustness group.

import { type Connection, check, expectServesOnOrEndsCleanly, group, quote, type ServerUnderTest, StudentFailure, type TestContext, task, textPattern } from '../harness/index.js';
import { newlineChecks } from './lib/newline-checks.js';
import { holdsNumber } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { expectClosesAfterClient, serverSession } from './lib/sessions.js';
import { anyPriceLine, clientAsking, ERROR_SHOWN, expectGivesUpCleanly, madeUpPrice, nobodyListening, PRICES, quoteLine, randomSymbol, randomSymbols, unknownSymbol } from './lib/stock-quotes.js';

const READ_LINE_HELP = 'one recv() returns only what has arrived so far, maybe part of a document, maybe two: keep a buffer, add every recv() to it, and call json.loads() on one whole line at a time';
const GONE_HELP = 'wrap the conversation in try/except OSError (ConnectionRefusedError, ConnectionResetError), and check for b"" from recv() before json.loads(): print a message and sys.exit(1)';
const JSON_HELP = 'build the reply as a dictionary and send json.dumps(reply) + "\\n" (str() of a dictionary is not JSON: it writes \'prices\' and None)';

/** The request the page asks for. */
function request(symbols: string[]): string {
  return JSON.stringify({ symbols });
}

/** The next line from the server, parsed as JSON; a failure says what came instead. */
async function readJsonLine(conn: Connection, help: string): Promise<unknown> {
  const line = await conn.readLine({ help });
  try {
    return JSON.parse(line);
  } catch {
    throw new StudentFailure({ sent: conn.lastSent, expected: 'one line of valid JSON', actual: `the line ${quote(line)}, which is not JSON`, help });
  }
}

/** The reply must be {"prices": [...]}: the table's price of each symbol, null for an unknown one, in order. */
async function expectPrices(conn: Connection, symbols: string[], help: string): Promise<void> {
  const want = symbols.map((s) => PRICES[s.trim().toUpperCase()] ?? null);
  const shown = `{"prices": [${want.map((p) => (p === null ? 'null' : String(Number(p)))).join(', ')}]}`;
  const reply = await readJsonLine(conn, help);
  const prices = (reply as { prices?: unknown } | null)?.prices;
  const right = Array.isArray(prices) && prices.length === want.length && prices.every((p, i) => (want[i] === null ? p === null : typeof p === 'number' && Math.abs(p - Number(want[i])) < 0.005));
  if (!right) {
    throw new StudentFailure({ sent: conn.lastSent, expected: `the reply ${shown} (numbers, not strings; null for an unknown symbol)`, actual: `the reply ${quote(JSON.stringify(reply))}`, help });
  }
}

/**
 * The reply holds the table's price of each of `symbols` (all known), as numbers in any form:
 * the robustness probes judge what was read, never the JSON the server group judges.
 */
async function expectPricesHeld(conn: Connection, symbols: string[], help: string): Promise<void> {
  const line = await conn.readLine({ help });
  if (symbols.every((s) => holdsNumber(Number(PRICES[s]))(line))) return;
  throw new StudentFailure({
    sent: conn.lastSent,
    expected: `a reply (JSON or not) holding the price of each symbol asked: ${symbols.map((s) => `${s} ${PRICES[s]}`).join(', ')}`,
    actual: `the line ${quote(line)}`,
    help,
  });
}

/** The reply must be a JSON object with an "error" member. */
async function expectErrorReply(conn: Connection, help: string): Promise<void> {
  const reply = await readJsonLine(conn, help);
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply) || !('error' in reply)) {
    throw new StudentFailure({ sent: conn.lastSent, expected: 'a reply such as {"error": "malformed JSON"}', actual: `the reply ${quote(JSON.stringify(reply))}`, help });
  }
}

/** One request answered on a fresh connection, its prices in any form: proof the server still serves. */
async function serveOneRequest(t: TestContext, server: ServerUnderTest): Promise<void> {
  const conn = await t.connect(server);
  const symbols = randomSymbols(2);
  await conn.sendLine(request(symbols));
  await expectPricesHeld(conn, symbols, JSON_HELP);
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

/** The client's request line must be {"symbols": [the symbols]}. */
async function expectRequest(conn: Connection, symbols: string[], opts: { requireNewline?: boolean; help?: string } = {}): Promise<void> {
  const help = opts.help ?? 'send json.dumps({"symbols": symbols}) + "\\n", with the symbols of the command line (sys.argv[1:])';
  const line = await conn.readLine({ help, requireNewline: opts.requireNewline });
  let got: unknown;
  try {
    got = JSON.parse(line);
  } catch {
    throw new StudentFailure({
      expected: `the line ${quote(request(symbols))}`,
      actual: `the line ${quote(line)}, which is not JSON`,
      help: `${help}; str() of a dictionary is not JSON (it writes 'symbols' in single quotes)`,
    });
  }
  const sent = (got as { symbols?: unknown } | null)?.symbols;
  if (!Array.isArray(sent) || sent.length !== symbols.length || !sent.every((s, i) => typeof s === 'string' && s.trim().toUpperCase() === symbols[i])) {
    throw new StudentFailure({ expected: `the line ${quote(request(symbols))}`, actual: `the line ${quote(line)}`, help });
  }
}

/** A made-up price as a JSON number, and how it may be printed. */
function madeUpPrices(n: number): { numbers: number[]; texts: string[] } {
  const texts = Array.from({ length: n }, () => madeUpPrice());
  return { numbers: texts.map(Number), texts };
}

task('stock3', { port: 5000, framingProbe: { message: '{"symbols": ["AAPL"]}' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server answers {"symbols": [...]} with valid JSON {"prices": [...]}, the prices of the table in the same order', 3, async (t) => {
      const symbols = randomSymbols(3);
      const { conn } = await serverSession(t);
      await conn.sendLine(request(symbols));
      await expectPrices(conn, symbols, `read the line, request = json.loads(line), then send json.dumps({"prices": [PRICES[s] for s in request["symbols"]]}) + "\\n"; ${JSON_HELP}`);
    });

    check('the server answers null for an unknown symbol in the list, and the prices of the others', 2, async (t) => {
      const [a, b] = randomSymbols(2);
      const symbols = [a, unknownSymbol(), b];
      const { conn } = await serverSession(t);
      await conn.sendLine(request(symbols));
      await expectPrices(conn, symbols, 'an unknown symbol gets null in its place (Python None, which json.dumps writes as null): PRICES.get(symbol)');
    });

    check('the server finds symbols sent in lowercase with spaces around them (" tsla ")', 1, async (t) => {
      const symbols = randomSymbols(2);
      const { conn } = await serverSession(t);
      await conn.sendLine(request(symbols.map((s) => ` ${s.toLowerCase()} `)));
      await expectPrices(conn, symbols, 'look each symbol up as symbol.strip().upper()');
    });

    check('the server answers malformed JSON with {"error": ...} and goes on answering on the same connection', 2, async (t) => {
      const { conn } = await serverSession(t);
      await conn.sendLine(`{"symbols": ["${randomSymbol()}", }`);
      await expectErrorReply(conn, 'json.loads() raises json.JSONDecodeError (a ValueError) on malformed JSON: catch it and send json.dumps({"error": "malformed JSON"}) + "\\n"');
      const symbols = randomSymbols(2);
      await conn.sendLine(request(symbols));
      await expectPrices(conn, symbols, 'after an error reply, go on reading the next line on the same connection');
    });

    check('the server answers a request without a list of symbols with {"error": ...}', 1, async (t) => {
      const { conn } = await serverSession(t);
      const help =
        'check the request before using it: if not isinstance(request, dict) or not isinstance(request.get("symbols"), list), send an error reply (request["symbols"] raises KeyError when it is missing)';
      await conn.sendLine(`{"symbol": "${randomSymbol()}"}`);
      await expectErrorReply(conn, help);
      await conn.sendLine(`{"symbols": "${randomSymbol()}"}`);
      await expectErrorReply(conn, help);
    });

    check('the server does not crash when the client closes the connection: it closes its side and carries on or ends cleanly', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const symbols = randomSymbols(2);
      await conn.sendLine(request(symbols));
      await expectPrices(conn, symbols, JSON_HELP);
      await expectClosesAfterClient(server, conn, () => serveOneRequest(t, server), 'recv() returns b"" once the client has closed: leave the loop (if not data: break) and close the connection');
    });
  });

  group('client', () => {
    check('the client sends one JSON line {"symbols": [...]} with the symbols of its command line', 2, async (t) => {
      const symbols = argumentSymbols();
      const { conn } = await clientAsking(t, symbols);
      await expectRequest(conn, symbols);
    });

    check('the client prints each symbol with its price from the JSON reply, one line each', 3, async (t) => {
      const symbols = argumentSymbols();
      const prices = madeUpPrices(symbols.length);
      const { client, conn } = await clientAsking(t, symbols);
      await expectRequest(conn, symbols);
      await conn.sendLine(JSON.stringify({ prices: prices.numbers }));
      for (const [i, symbol] of symbols.entries()) {
        await client.expectOutput(quoteLine(symbol, prices.texts[i]), {
          help: `reply = json.loads(line), then for symbol, price in zip(symbols, reply["prices"]): print(symbol, price); the grader answered ${JSON.stringify({ prices: prices.numbers })} (made-up prices: print what the server sends)`,
        });
      }
    });

    check('the client shows a null price as unknown (or ERROR) and prints the other prices', 1, async (t) => {
      const unknown = unknownSymbol();
      const known = randomSymbol();
      const price = madeUpPrice();
      const { client, conn } = await clientAsking(t, [unknown, known]);
      await expectRequest(conn, [unknown, known]);
      await conn.sendLine(`{"prices": [null, ${price}]}`);
      const help = 'a price of None (null in the JSON) means the symbol is unknown: print it as such, do not format None with :.2f';
      await client.expectOutput(ERROR_SHOWN, { help });
      await client.expectOutput(quoteLine(known, price), { help });
      client.expectNoTraceback(help);
    });

    check('the client closes the connection and exits with code 0 after the reply', 1, async (t) => {
      const symbols = argumentSymbols();
      const { client, conn } = await clientAsking(t, symbols);
      await expectRequest(conn, symbols);
      await conn.sendLine(JSON.stringify({ prices: madeUpPrices(symbols.length).numbers }));
      const help =
        'the server keeps the connection open for more requests: read the reply up to its newline, then close the socket yourself and let the program end (do not wait for the server to close)';
      await conn.expectClosed({ help });
      await client.expectExit(0, { help });
    });

    check('the client ends cleanly with a message when no server is listening', 1, async (t) => {
      const client = await t.startClient(await nobodyListening(t), { args: argumentSymbols() });
      await expectGivesUpCleanly(client, 'when no server is listening', `connect() raises ConnectionRefusedError: ${GONE_HELP}`);
    });

    check('the client ends cleanly with a message when the server closes without answering', 1, async (t) => {
      const symbols = argumentSymbols();
      const { client, conn } = await clientAsking(t, symbols);
      await conn.readLine();
      conn.end();
      await expectGivesUpCleanly(client, 'when the server closes without answering', `recv() returns b"" when the server has closed, and json.loads(b"") fails: ${GONE_HELP}`);
    });
  });

  group('end-to-end', () => {
    check('your client, asked for three symbols, prints each with the price your server gives and exits with code 0', 3, async (t) => {
      const symbols = randomSymbols(3);
      const server = await t.startServer();
      const client = await t.startClient(server, { args: symbols });
      for (const symbol of symbols) {
        await client.expectOutput(anyPriceLine(symbol), {
          help: `run "python server.py", then "python client.py ${symbols.join(' ')}": it should print each symbol with its price, one line each, in that order`,
        });
      }
      await client.expectExit(0, { help: 'after printing the prices the client closes its socket and ends' });
    });

    check('your client, asked for an unknown symbol among known ones, shows it as unknown and prints the prices of the others', 2, async (t) => {
      const [first, last] = randomSymbols(2);
      const unknown = unknownSymbol();
      const server = await t.startServer();
      const client = await t.startClient(server, { args: [first, unknown, last] });
      const help = `run "python client.py ${first} ${unknown} ${last}" against your server: the server must answer (not crash) and the client must show the unknown symbol as unknown, and the others' prices`;
      await client.expectOutput(anyPriceLine(first), { help });
      await client.expectOutput(ERROR_SHOWN, { help });
      await client.expectOutput(anyPriceLine(last), { help });
      await client.expectExit('any', { help });
      client.expectNoTraceback(help);
    });
  });

  group('robustness', () => {
    check('the client ends its JSON request with a newline', 1, async (t) => {
      const symbols = argumentSymbols();
      const { conn } = await clientAsking(t, symbols);
      // The newline alone is judged here; what the request holds is the client group's test.
      await conn.readLine({
        requireNewline: true,
        help: 'end the request with a newline, as the protocol page asks: s.sendall((json.dumps(request) + "\\n").encode()); the server reads up to the newline to know the document is complete',
      });
    });

    newlineChecks('the server ends its JSON reply with a newline', async (conn) => {
      const symbols = randomSymbols(2);
      await conn.sendLine(request(symbols));
      await conn.readLine({
        requireNewline: true,
        help: 'end the reply with a newline, as the protocol page asks: conn.sendall((json.dumps(reply) + "\\n").encode()); the client reads up to the newline to know the reply is complete',
      });
    });

    check('the server reads a JSON document split across segments whole', 2, async (t) => {
      const symbols = randomSymbols(3);
      const text = `${request(symbols)}\n`;
      const cut = text.indexOf(symbols[1]) + 2;
      const { conn } = await serverSession(t);
      await conn.sendLinePiece(text.slice(0, cut));
      await conn.waitUntilRead();
      await conn.sendLine(text.slice(cut, -1));
      await expectPricesHeld(
        conn,
        symbols,
        `TCP may deliver ${quote(text)} as ${quote(text.slice(0, cut))} and ${quote(text.slice(cut))}: json.loads() of the first piece alone fails; ${READ_LINE_HELP}`,
      );
    });

    check('the server answers two JSON requests that arrive in one segment, each on its own line', 1, async (t) => {
      // To a server that reads without the newline, two lines in one segment are one message: the page's newline, charged once.
      if (await t.newlineChargedElsewhere()) return;
      const first = randomSymbols(2);
      const second = randomSymbols(3);
      const { conn } = await serverSession(t);
      await conn.send(`${request(first)}\n${request(second)}\n`);
      const help = `two requests can arrive in one recv(): ${READ_LINE_HELP}; answer every line in the buffer before calling recv() again`;
      await expectPricesHeld(conn, first, help);
      await expectPricesHeld(conn, second, help);
    });

    check('the server survives a client that disconnects abruptly', 1, async (t) => {
      const server = await t.startServer();
      const rude = await t.connect(server);
      await rude.sendLinePiece(`{"symbols": ["${randomSymbol()}`);
      await rude.waitUntilRead();
      rude.reset();
      await expectServesOnOrEndsCleanly(server, () => serveOneRequest(t, server), {
        help: 'recv() and sendall() raise ConnectionResetError (or BrokenPipeError) when the client disconnects abruptly: catch them, close that connection and go on (or end with exit code 0)',
      });
    });

    check('the client reads a JSON reply that arrives in pieces whole', 1, async (t) => {
      const symbols = argumentSymbols();
      const prices = madeUpPrices(symbols.length);
      const { client, conn } = await clientAsking(t, symbols);
      // The request in any form: what it holds is the client group's test.
      await conn.readLine();
      const reply = `${JSON.stringify({ prices: prices.numbers })}\n`;
      // Cut inside the first price: shown whole, it proves the pieces were joined.
      const cut = reply.indexOf('[') + 2;
      await conn.sendLinePiece(reply.slice(0, cut));
      await conn.waitUntilRead();
      await conn.sendLine(reply.slice(cut, -1));
      // Then the close, as a server that is done would: reading to the close instead of the newline is the client group's test.
      conn.end();
      // The join alone is judged here: which prices are printed, and how, are the client group's tests.
      const [first] = prices.texts;
      await client.expectOutput(textPattern(`the price ${quote(first)} whole (in any form, ${first} as a number)`, holdsNumber(Number(first))), {
        help: `TCP may deliver ${quote(reply)} as ${quote(reply.slice(0, cut))} and ${quote(reply.slice(cut))}: json.loads() of the first piece alone fails; ${READ_LINE_HELP}`,
      });
    });
  });
});
