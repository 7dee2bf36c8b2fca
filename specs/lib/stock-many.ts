// The checks shared by stock4 to stock7: a stock quote server that answers one symbol
// per line ("AAPL\n" -> "189.50\n", "XYZ\n" -> "ERROR unknown symbol XYZ\n") to many
// clients at once, and its client (symbols on the command line, one printed line per
// answer). Each spec adds the checks that are its step's point (one thread, a thread per
// client, prices that move, "disconnect") and calls these for the rest.

import {
  ANY_LINE,
  type Connection,
  check,
  type FakeServer,
  type ProgramUnderTest,
  quote,
  randomInt,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  type TextPattern,
  textPattern,
} from '../../harness/index.js';
import { busyServerHint, withHintFromEvidence } from './busy-server.js';
import { expectAnswerToWhole, holdsAPrice } from './pieces.js';
import { untilAllThreadsWait } from './server-threads.js';
import { silentClient } from './sessions.js';
import { anyPriceLine, ERROR_SHOWN, PRICES, SYMBOLS } from './stock-quotes.js';

export { PRICES, SYMBOLS };

export interface StockOptions {
  /** Environment for the student's server in every check here (stock6: a long STOCK_INTERVAL, so the table holds). */
  serverEnv?: Record<string, string>;
  /** stock7: the client sends "disconnect" after its symbols and waits for BYE. */
  disconnect?: boolean;
}

export const READ_LINE_HELP = 'TCP may deliver a line in pieces, or two lines in one piece: keep the bytes received so far in a buffer, and answer each complete line (up to "\\n") in turn';

/** `count` symbols of the table, in a random order, each at most once. */
export function someSymbols(count: number): string[] {
  const pool = [...SYMBOLS];
  const picked: string[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(randomInt(pool.length), 1)[0]);
  return picked;
}

/** A symbol that is not in the table. */
export function unknownSymbol(): string {
  return `X${'QWZYVKJ'[randomInt(7)]}${'QWZYVKJ'[randomInt(7)]}${randomInt(10)}`;
}

/** A made-up price with two decimals whose last digit is not 0 ("312.47"). */
export function madeUpPrice(): string {
  return `${100 + randomInt(800)}.${1 + randomInt(9)}${1 + randomInt(9)}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A printed line holding `symbol` (any case, as a word) and `price` ("189.50"; "189.5"
 * too, as print(float(...)) shows it), in either order, with any separator.
 */
export function quoteLine(symbol: string, price: string): TextPattern {
  const number = escapeRegExp(price).replace(/0$/, '0?');
  const p = `(?<![\\d.])${number}(?!\\d)`;
  const s = `\\b${escapeRegExp(symbol)}\\b`;
  return textPattern(`a line with ${quote(symbol)} and its price ${quote(price)}`, new RegExp(`${s}.*${p}|${p}.*${s}`, 'i'));
}

/** An error shown by the client, in its own words: ERROR, unknown, not found, invalid… */
export const SHOWS_ERROR = ERROR_SHOWN;

/** End to end, any table's price: what the student's own server gives is right. */
function anyPrices(symbols: string[]): Record<string, TextPattern> {
  return Object.fromEntries(symbols.map((s) => [s, anyPriceLine(s)]));
}

/** The same number written another way ("189.5" for "189.50"): the two decimals are one test's, not every test's. */
const samePrice = (line: string, price: string): boolean => /^-?\d+(\.\d+)?$/.test(line.trim()) && Number(line.trim()) === Number(price);

/** Sends `symbol` and expects its price line: exactly `price` when `exact`, else the same number in any decimals. */
export async function expectQuote(conn: Connection, symbol: string, price: string, help?: string, exact = false): Promise<void> {
  const why = help ?? 'answer each symbol with its price and two decimals, then a newline: conn.sendall(f"{price:.2f}\\n".encode())';
  await conn.sendLine(symbol);
  const line = await conn.readLine({ help: why });
  if (line.trim() !== price && !(!exact && samePrice(line, price))) {
    throw new StudentFailure({ sent: conn.lastSent, expected: `the line ${quote(price)} (the price of ${symbol.trim().toUpperCase()})`, actual: `the line ${quote(line)}`, help: why });
  }
}

/** Two fresh clients, one after the other, each get a price: proof that the server still serves. */
export async function expectStillServes(t: TestContext, server: ServerUnderTest, help: string): Promise<void> {
  // Two new clients, one after the other, the first leaving before the second comes (a
  // server that serves one client at a time may): a server that closed its listening
  // socket while its accept() was under way still takes one more connection, never a
  // second; asking whether it still runs instead would race its dying.
  for (const [symbol] of [someSymbols(1), someSymbols(1)]) {
    const conn = await t.connect(server);
    await conn.sendLine(symbol);
    // Any price answers: its digits and decimals are the server group's own tests (one bug, one charge).
    const line = await conn.readLine({ help });
    if (!holdsAPrice(line)) {
      throw new StudentFailure({ sent: conn.lastSent, expected: `a price for ${symbol} (${PRICES[symbol]} in the page's table), in any format`, actual: `the line ${quote(line)}`, help });
    }
    conn.end();
  }
}

/** The student's client started with `symbols` as its arguments, and its connection to the grader. */
export async function clientAsking(t: TestContext, symbols: string[]): Promise<{ client: ProgramUnderTest; conn: Connection; fake: FakeServer }> {
  const fake = await t.listen();
  const client = await t.startClient(fake, { args: symbols });
  const conn = await fake.accept({ from: client, help: 'connect to HOST:PORT from the environment' });
  return { client, conn, fake };
}

/** The client sends `symbol` (any case, spaces around allowed) as its next line. */
export async function expectAsks(conn: Connection, symbol: string, help?: string, requireNewline = false): Promise<void> {
  const line = await conn.readLine({ help, requireNewline });
  if (line.trim().toUpperCase() !== symbol.toUpperCase()) {
    throw new StudentFailure({
      expected: `the client sends the line ${quote(symbol)}, the next symbol of its command line`,
      actual: `the line ${quote(line)}`,
      help: help ?? 'send each symbol of sys.argv[1:] on its own line, one at a time, and wait for its answer before sending the next',
    });
  }
}

/** Answers each symbol the client asks with `answers[i]`, in turn. */
export async function answerClient(conn: Connection, symbols: string[], answers: string[]): Promise<void> {
  for (const [i, symbol] of symbols.entries()) {
    await expectAsks(conn, symbol);
    await conn.sendLine(answers[i]);
  }
}

/** After its last answer: stock7's client says "disconnect" (or the submission's own stop word; answered BYE here); the others close. */
export async function expectClientFinishes(t: TestContext, conn: Connection, disconnect: boolean): Promise<void> {
  if (disconnect) {
    const line = await conn.readLine({ help: 'after the last answer, send the line "disconnect"' });
    if (!t.stopWords.is(line)) {
      throw new StudentFailure({
        expected: 'the line "disconnect" after the last answer',
        actual: `the line ${quote(line)}`,
        help: 'after the last symbol\'s answer, send b"disconnect\\n" and wait for BYE',
      });
    }
    await conn.sendLine('BYE');
    conn.end();
    return;
  }
  await conn.expectClosed({ help: 'after the last answer, close the socket (s.close()): the server is waiting for more symbols until you do' });
}

/** The client ends by itself, says something, exits non-zero and shows no traceback. */
export async function expectEndsCleanly(client: ProgramUnderTest, why: string): Promise<void> {
  const help = `${why}: catch the error (ConnectionRefusedError, an empty recv(), ConnectionResetError, BrokenPipeError), print a message and sys.exit(1)`;
  if (!(await client.exitsWithin(client.deadlines.reply))) {
    throw new StudentFailure({ expected: 'the client prints a message and exits', actual: await client.stillRunning(client.deadlines.reply), help });
  }
  client.expectNoTraceback(help);
  const exit = client.exitInfo;
  if (!exit || exit.code === 0 || exit.code === null) {
    throw new StudentFailure({ expected: 'the client exits with a non-zero code', actual: `it ${client.describeExit()}`, help });
  }
  if (!client.printed()) throw new StudentFailure({ expected: 'the client prints a message saying what went wrong', actual: 'it printed nothing', help });
}

/** The server group's checks that every step shares. */
export function serverBasics(opts: StockOptions = {}): void {
  const env = opts.serverEnv ?? {};
  check('the server starts and listens on PORT', 1, async (t) => {
    await t.startServer({ env, pagePort: true });
  });

  check('the server answers every symbol of the table with its price, two decimals', 2, async (t) => {
    const server = await t.startServer({ env });
    const conn = await t.connect(server);
    for (const symbol of someSymbols(5)) await expectQuote(conn, symbol, PRICES[symbol], undefined, true);
  });

  check('the server answers an unknown symbol with "ERROR unknown symbol <SYMBOL>" and goes on answering on that connection', 2, async (t) => {
    const server = await t.startServer({ env });
    const conn = await t.connect(server);
    const unknown = unknownSymbol();
    await conn.sendLine(unknown);
    await conn.expectLine(`ERROR unknown symbol ${unknown}`, {
      help: 'look the symbol up with prices.get(symbol): prices[symbol] raises KeyError for an unknown one, which ends the thread (or the server) and drops the connection',
    });
    await expectQuote(conn, 'AAPL', PRICES.AAPL, 'after an unknown symbol the connection stays open and the next symbol is answered');
  });

  check('the server matches symbols in any letter case, with spaces around them (" aapl ")', 1, async (t) => {
    const server = await t.startServer({ env });
    const conn = await t.connect(server);
    const [symbol] = someSymbols(1);
    await expectQuote(conn, `  ${symbol.toLowerCase()} `, PRICES[symbol], 'symbol = line.strip().upper() before looking it up');
  });
}

/** The client group's checks that every step shares. */
export function clientBasics(opts: StockOptions = {}): void {
  const disconnect = opts.disconnect ?? false;

  check('the client sends each symbol of its command line, one per line', 2, async (t) => {
    const symbols = someSymbols(3);
    const { conn } = await clientAsking(t, symbols);
    await answerClient(
      conn,
      symbols,
      symbols.map(() => madeUpPrice()),
    );
  });

  check('the client prints the symbol and the price it received on one line, for every symbol', 2, async (t) => {
    const symbols = someSymbols(3);
    const answers = symbols.map(() => madeUpPrice());
    const { client, conn } = await clientAsking(t, symbols);
    await answerClient(conn, symbols, answers);
    for (const [i, symbol] of symbols.entries()) {
      await client.expectOutput(quoteLine(symbol, answers[i]), { help: `print the symbol and what the server answered, e.g. print(symbol, reply) -> "${symbol} ${answers[i]}"` });
    }
  });

  check('the client shows an ERROR answer to an unknown symbol and goes on with the next symbol', 1, async (t) => {
    const unknown = unknownSymbol();
    const symbols = [unknown, 'MSFT'];
    const answers = [`ERROR unknown symbol ${unknown}`, madeUpPrice()];
    const { client, conn } = await clientAsking(t, symbols);
    await answerClient(conn, symbols, answers);
    await client.expectOutput(SHOWS_ERROR, { help: 'print the ERROR answer as it came, e.g. "XQZ1 ERROR unknown symbol XQZ1"' });
    await client.expectOutput(quoteLine('MSFT', answers[1]), { help: 'an ERROR answer is one answer like any other: go on with the next symbol' });
  });

  check(
    disconnect
      ? 'the client sends "disconnect" after its last answer, and exits with code 0 once the server says BYE and closes'
      : 'the client closes the connection after its last answer and exits with code 0',
    1,
    async (t) => {
      const symbols = someSymbols(2);
      const { client, conn } = await clientAsking(t, symbols);
      await answerClient(
        conn,
        symbols,
        symbols.map(() => madeUpPrice()),
      );
      await expectClientFinishes(t, conn, disconnect);
      await client.expectExit(0, {
        help: disconnect ? 'after BYE (or the server closing), close the socket and let the program end' : 'close the socket after the last answer and let the program end normally',
      });
      client.expectNoTraceback();
    },
  );

  check('the client prints a message and exits with a non-zero code, without a traceback, when no server is listening', 1, async (t) => {
    const fake = await t.listen();
    const port = fake.port;
    fake.close();
    const client = await t.startClient({ host: '127.0.0.1', port }, { args: ['AAPL'] });
    await expectEndsCleanly(client, 'nothing listens on HOST:PORT, so connect() raises ConnectionRefusedError');
  });

  check('the client prints a message and exits with a non-zero code, without a traceback, when the server closes before answering', 1, async (t) => {
    const symbols = someSymbols(3);
    const { client, conn } = await clientAsking(t, symbols);
    await expectAsks(conn, symbols[0]);
    conn.end();
    await expectEndsCleanly(client, 'the server closed the connection without answering: recv() returned b""');
  });
}

/** What a person sees running the student's client against the student's server. */
export async function expectOwnClientShows(client: ProgramUnderTest, symbols: string[], prices: Record<string, string | TextPattern>, help: string): Promise<void> {
  for (const symbol of symbols) {
    const want = prices[symbol];
    await client.expectOutput(typeof want === 'string' ? quoteLine(symbol, want) : want, { help });
  }
  await client.expectExit(0, { help: 'after the last price, the client closes its socket and ends' });
  client.expectNoTraceback('run your server, then your client with these symbols, and read the traceback');
}

export const OWN_PAIR_HELP = 'run your server, then python client.py with these symbols: each symbol must be printed with its price, on one line';

/** The end-to-end group's checks that every step shares. */
export function endToEndBasics(opts: StockOptions = {}): void {
  const env = opts.serverEnv ?? {};
  check('your client shows the price of each symbol on its command line, from your server, and exits with code 0', 2, async (t) => {
    const symbols = someSymbols(4);
    const server = await t.startServer({ env });
    const client = await t.startClient(server, { args: symbols });
    await expectOwnClientShows(client, symbols, anyPrices(symbols), OWN_PAIR_HELP);
  });

  check('your client shows an error for an unknown symbol from your server, and still the prices of the others', 1, async (t) => {
    const unknown = unknownSymbol();
    const server = await t.startServer({ env });
    const client = await t.startClient(server, { args: ['GOOG', unknown, 'TSLA'] });
    await client.expectOutput(anyPriceLine('GOOG'), { help: OWN_PAIR_HELP });
    await client.expectOutput(SHOWS_ERROR, { help: `the person must see that ${unknown} is unknown: a line saying so ("error", "unknown", "not found"…)` });
    await expectOwnClientShows(client, ['TSLA'], anyPrices(['TSLA']), 'an unknown symbol must not stop the client or the server');
  });
}

/** Robustness checks every step shares. */
export function robustnessBasics(opts: StockOptions = {}): void {
  const env = opts.serverEnv ?? {};
  check('the client ends each symbol it sends with a newline', 1, async (t) => {
    const symbols = someSymbols(2);
    const { conn } = await clientAsking(t, symbols);
    // The newline alone is judged here; which symbol is sent is the client group's test.
    await conn.readLine({ requireNewline: true, help: 'end every symbol with "\\n": s.sendall((symbol + "\\n").encode()); the server reads up to the newline' });
  });

  check('the server ends each answer with a newline', 1, async (t) => {
    // A server that reads without the newline is charged once for the page's newline (the spec's own test of it).
    if (await t.newlineChargedElsewhere()) return;
    const server = await t.startServer({ env });
    const conn = await t.connect(server);
    await conn.sendLine('TSLA');
    // The newline is judged here; the answer's format is the server group's test.
    await conn.expectLine(ANY_LINE, { requireNewline: true, help: 'end every answer with "\\n": conn.sendall((answer + "\\n").encode()); the client reads up to the newline' });
  });

  check('the server answers a symbol that arrives in two pieces', 1, async (t) => {
    const server = await t.startServer({ env });
    const conn = await t.connect(server);
    await conn.sendLinePiece('MS');
    await conn.waitUntilRead();
    await conn.sendLine('FT');
    await expectAnswerToWhole(conn, { holds: holdsAPrice, what: `a price for MSFT (${PRICES.MSFT} in the page's table)`, sent: ['MS', 'FT\n'] }, READ_LINE_HELP);
  });

  check('the server answers two symbols that arrive together, in order', 1, async (t) => {
    // To a server that reads without the newline, two lines together are one message: the page's newline, charged once.
    if (await t.newlineChargedElsewhere()) return;
    const server = await t.startServer({ env });
    const conn = await t.connect(server);
    await conn.send('AMZN\nGOOG\n');
    // Each answer on its own line, the number right; its decimals are the server group's test.
    for (const symbol of ['AMZN', 'GOOG']) {
      await conn.expectLine(
        textPattern(`the price of ${symbol}, ${quote(PRICES[symbol])}`, (line) => line.trim() === PRICES[symbol] || samePrice(line, PRICES[symbol])),
        { help: READ_LINE_HELP },
      );
    }
  });

  check('the server keeps serving after a client connects and leaves without a word', 1, async (t) => {
    const server = await t.startServer({ env });
    const quiet = await silentClient(t, server);
    await quiet.readUntilClosed({ help: 'when recv() returns b"" the client has left: close that connection (and remove it from your list)' });
    await expectStillServes(t, server, 'a client that leaves must end only its own connection: stop reading from it and close it, and keep serving the others');
  });

  check('the server keeps serving, without a traceback, after a client disconnects abruptly in the middle of a symbol', 1, async (t) => {
    const server = await t.startServer({ env });
    const gone = await t.connect(server);
    await gone.sendLinePiece('GO');
    await gone.waitUntilRead();
    gone.reset();
    const help = 'recv() raises ConnectionResetError when a client vanishes: catch it (try/except OSError), close that connection and keep serving the others';
    await expectStillServes(t, server, help);
    await untilAllThreadsWait(server);
    server.expectNoTraceback(help);
  });

  check('the server answers a line of bytes that are not text with an ERROR line and goes on answering on that connection', 1, async (t) => {
    const help = 'data.decode() raises UnicodeDecodeError on bytes that are not UTF-8: decode with data.decode(errors="replace") and answer ERROR like any unknown symbol';
    const server = await t.startServer({ env });
    try {
      await expectErrorThenServes(t, server, Buffer.from([0xff, 0xfe, 0x41, 0x80, 0x0a]), help);
    } catch (e) {
      // A server that fails an ordinary unknown symbol the same way is charged once, by the server group's test of it.
      if (!(e instanceof StudentFailure) || !(await failsAnUnknownSymbol(t, server, env))) throw e;
      t.transcript.add(
        'grader',
        "your server fails an ordinary unknown symbol too: that is charged once, in the server group's test of an unknown symbol; here only bytes that are not text are judged",
      );
    }
  });
}

/** `line` (ending in its newline) is answered with an error line in any words, and the connection then answers AAPL. */
async function expectErrorThenServes(t: TestContext, server: ServerUnderTest, line: Buffer, help: string): Promise<void> {
  const conn = await t.connect(server);
  await conn.send(line);
  const answer = await conn.readLine({ help });
  // An error in any words: the page's "ERROR" is the server group's test.
  if (!/error|unknown|not found|invalid|no such/i.test(answer)) {
    throw new StudentFailure({ sent: conn.lastSent, expected: "a line saying it is an error (the page's starts with ERROR)", actual: `the line ${quote(answer)}`, help });
  }
  await expectQuote(conn, 'AAPL', PRICES.AAPL, help);
}

/**
 * The server (a fresh one if `server` ended: it waits for that, so a server on its way
 * out is never taken for one that fails) fails an ordinary unknown symbol: no error line,
 * or no answer after it.
 */
async function failsAnUnknownSymbol(t: TestContext, server: ServerUnderTest, env: Record<string, string>): Promise<boolean> {
  const ended = await server.exitsWithin(server.deadlines.reply);
  try {
    await expectErrorThenServes(t, ended ? await t.startServer({ env }) : server, Buffer.from(`${unknownSymbol()}\n`), '');
    return false;
  } catch (e) {
    if (e instanceof StudentFailure) return true;
    throw e;
  }
}

/** Connects `count` clients; each one is answered a price before the next connects, and all stay connected. */
export async function connectMany(t: TestContext, server: ServerUnderTest, count: number, help: string): Promise<Connection[]> {
  const conns: Connection[] = [];
  for (let i = 0; i < count; i++) {
    const conn = await t.connect(server);
    conns.push(conn);
    const symbol = SYMBOLS[i % SYMBOLS.length];
    await expectQuote(conn, symbol, PRICES[symbol], `client ${i + 1} of ${count}, connected while the others stay connected, got no answer; ${help}`);
  }
  return conns;
}

/** Every one of `conns`, in reverse order, is answered once more. */
export async function expectAllAnswered(conns: Connection[], help: string): Promise<void> {
  for (const [i, conn] of [...conns.entries()].reverse()) {
    const symbol = SYMBOLS[(i + 2) % SYMBOLS.length];
    await expectQuote(conn, symbol, PRICES[symbol], `client ${i + 1} asked again and got no answer; ${help}`);
  }
}

/** A held client (connected, has said half a symbol) does not stop another from being served, then is served itself. */
export async function interleavedClients(t: TestContext, server: ServerUnderTest, help: string): Promise<void> {
  const a = await t.connect(server);
  await a.sendLinePiece('AA');
  await a.waitUntilRead({ help: `the server should accept() every client at once and read what it sends; ${help}` });
  const b = await t.connect(server);
  await expectQuote(b, 'GOOG', PRICES.GOOG, `client A has sent "AA" and waits; client B sent "GOOG\\n" and got no answer; ${help}`);
  await a.sendLine('PL');
  // An answer, whatever it says: whether the two halves were read as one symbol is the robustness group's test.
  await a.readLine({ help: 'client A, which finished its symbol last, must still be answered' });
}

/** A client connected and silent does not stop another from being answered; it is served itself afterwards. */
export async function silentClientDoesNotBlock(t: TestContext, server: ServerUnderTest, help: string): Promise<void> {
  const silent = await t.connect(server);
  await silent.waitUntilRead({ help: 'the server should accept() every connection at once' });
  const other = await t.connect(server);
  await expectQuote(other, 'AMZN', PRICES.AMZN, `one client is connected and silent; a second client sent "AMZN\\n" and got no answer; ${help}`);
  await expectQuote(silent, 'TSLA', PRICES.TSLA, 'the silent client was kept waiting, not dropped: once it asks, it must be answered');
}

/** End to end: someone else's client sits connected and silent; two of the student's clients started together both show their prices. */
export function twoOwnClientsBesideASilentOne(help: string, env: Record<string, string> = {}): void {
  check('while another client sits connected and silent, two of your clients started together both show their prices', 2, async (t) => {
    const server = await t.startServer({ env });
    const silent = await t.connect(server);
    await silent.waitUntilRead({ help: 'the server should accept() every connection at once' });
    const asks = [someSymbols(3), someSymbols(3)];
    const clients = await Promise.all(asks.map((symbols) => t.startClient(server, { args: symbols })));
    for (const [i, client] of clients.entries()) {
      await withHintFromEvidence(
        () => expectOwnClientShows(client, asks[i], anyPrices(asks[i]), OWN_PAIR_HELP),
        () => busyServerHint(t, client, server, help),
      );
    }
  });
}
