// What the stock specs (stock1 to stock3) share: the price table of the protocol pages,
// how a printed quote is recognised (the symbol and the price on one line, any
// separator, "189.5" as good as "189.50"), the student's client started against the
// grader, and a client that must end cleanly when the server is gone.

import { type Connection, type Endpoint, type FakeServer, type ProgramUnderTest, quote, randomInt, StudentFailure, type TestContext, type TextPattern, textPattern } from '../../harness/index.js';

/** The price table every stock protocol page prints. */
export const PRICES: Readonly<Record<string, string>> = { AAPL: '189.50', GOOG: '141.20', MSFT: '378.85', AMZN: '145.30', TSLA: '242.65' };
export const SYMBOLS = Object.keys(PRICES);

/** Symbols whose price ends in 0: str(189.5) gives "189.5", the page asks "189.50". */
export const TRAILING_ZERO = SYMBOLS.filter((s) => PRICES[s].endsWith('0'));

/** A symbol of the table, at random. */
export function randomSymbol(from: readonly string[] = SYMBOLS): string {
  return from[randomInt(from.length)];
}

/** `n` different symbols of the table, in random order. */
export function randomSymbols(n: number): string[] {
  const left = [...SYMBOLS];
  return Array.from({ length: n }, () => left.splice(randomInt(left.length), 1)[0]);
}

/** A symbol no table has: four letters starting with Q or Z (none of the table's). */
export function unknownSymbol(): string {
  const letters = 'BCDFHJKLNPRVWXY';
  return `${'QZ'[randomInt(2)]}${Array.from({ length: 3 }, () => letters[randomInt(letters.length)]).join('')}`;
}

/** A made-up price ("512.37"), two decimals, last one not 0: proof a client prints what it got. */
export function madeUpPrice(): string {
  return `${100 + randomInt(800)}.${randomInt(10)}${1 + randomInt(9)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "141.20" is also accepted as "141.2" (Python's str() of the float). */
function pricePattern(price: string): string {
  return escapeRegExp(price).replace(/0$/, '0?');
}

/** A printed line holding the symbol (any letter case) and the price, in either order. */
export function quoteLine(symbol: string, price: string): TextPattern {
  return textPattern(
    `a line with ${quote(symbol)} and its price ${quote(price)}`,
    new RegExp(`^(?=.*(?<![A-Za-z])${escapeRegExp(symbol)}(?![A-Za-z]))(?=.*(?<![\\d.])${pricePattern(price)}(?!\\d)).*$`, 'i'),
  );
}

/** Words a person reads as "no such symbol", in any course's wording ("Symbol not found", "Invalid symbol"). */
const SAYS_ERROR = "error|unknown|not found|invalid|no such|not available|does ?n[o']?t exist";

/** A printed line that shows an error for the symbol, in the program's own words. */
export const ERROR_SHOWN = textPattern('a line saying so, in any words ("ERROR", "unknown", "not found", "invalid"…)', new RegExp(SAYS_ERROR, 'i'));

/**
 * A printed line giving `symbol` a price from whatever table the student's server holds
 * (end to end, "AAPL: 150.0" is as right as "AAPL 189.50"): the symbol as a word and a
 * number on one line, and no word of an error.
 */
export function anyPriceLine(symbol: string): TextPattern {
  return textPattern(
    `a line with ${quote(symbol)} and a price (any number), and no word of an error`,
    new RegExp(`^(?!.*(?:${SAYS_ERROR}))(?=.*(?<![A-Za-z])${escapeRegExp(symbol)}(?![A-Za-z]))(?=.*\\d).*$`, 'i'),
  );
}

/** The answer line of the protocol: "189.50", or the ERROR line for an unknown symbol. */
export function answerFor(symbol: string): string {
  const key = symbol.trim().toUpperCase();
  return PRICES[key] ?? `ERROR unknown symbol ${key}`;
}

/** The ERROR line the page asks for: the words may differ in case, the symbol may be missing. */
export const ERROR_LINE = textPattern('a line starting with "ERROR" (in any letter case)', /^\s*ERROR\b/i);

/** The student's client started with `symbols` as its arguments, against the grader playing the server. */
export async function clientAsking(t: TestContext, symbols: string[]): Promise<{ client: ProgramUnderTest; conn: Connection; fake: FakeServer }> {
  const fake = await t.listen();
  const client = await t.startClient(fake, { args: symbols });
  const conn = await fake.accept({ from: client });
  return { client, conn, fake };
}

/**
 * The client ends by itself, without a traceback, with a message and a non-zero exit
 * code: what the page asks when no server answers or the server leaves early.
 */
export async function expectGivesUpCleanly(client: ProgramUnderTest, situation: string, help: string, within = client.deadlines.reply): Promise<void> {
  const exit = await client.exitsWithin(within);
  if (!exit) {
    throw new StudentFailure({
      expected: `${situation}, the client prints a message and ends`,
      actual: await client.stillRunning(within, 'a loop that never sees the end?'),
      help,
    });
  }
  client.expectNoTraceback(help);
  if (exit.signal || exit.code === 0) {
    throw new StudentFailure({
      expected: `${situation}, the client ends with a non-zero exit code (for example sys.exit(1)), as the protocol page asks`,
      actual: `it ${client.describeExit()}`,
      help,
    });
  }
  if (client.printed() === '') {
    throw new StudentFailure({
      expected: `${situation}, the client prints a message saying so`,
      actual: 'it printed nothing',
      help,
    });
  }
}

/** An address where nothing listens: the grader's own server, opened and closed again. */
export async function nobodyListening(t: TestContext): Promise<Endpoint> {
  const fake = await t.listen();
  const where = { host: fake.host, port: fake.port };
  fake.close();
  return where;
}
