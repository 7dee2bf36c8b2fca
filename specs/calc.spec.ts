// calc: a calculator server (seed 002 #5) on TCP port 5005. The client sends one
// expression a line, "NUMBER OP NUMBER" (spaces optional; integers and decimals, a leading
// minus allowed; OP one of + - * /; no precedence, since there is one operator); the server
// answers each with one line, the result or "ERROR <reason>", and keeps the connection
// open until the client closes it. The client sends the lines typed on its input, prints
// each reply, and at the end of its input closes and exits 0. The server never runs its
// input as code: expressions that would create a file if evaluated leave no file behind.

import { readdirSync } from 'node:fs';
import {
  ANY_LINE,
  type Connection,
  check,
  END_OF_INPUT,
  group,
  type ProgramUnderTest,
  quote,
  randomBytes,
  randomInt,
  type ServerUnderTest,
  StudentFailure,
  seconds,
  type TestContext,
  type TextPattern,
  task,
  textPattern,
} from '../harness/index.js';
import { newlineChecks } from './lib/newline-checks.js';
import { expectAnswerToWhole, holdsNumber, sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { serverSession } from './lib/sessions.js';

/** A number as the server writes it: 5, 5.0, -3.75, 1.5e-05 (Python's str of int or float). */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const ERROR_LINE = /^error\b/i;

/** Close enough: a float may carry the last bits of rounding (0.1 + 0.2). */
function sameNumber(got: number, want: number): boolean {
  return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

/** An expression, what it is worth, and the words of why (for the failure). */
interface Case {
  expr: string;
  value: number;
}

function int(lo: number, hi: number): number {
  return lo + randomInt(hi - lo + 1);
}

/** A decimal with two places, as text and as a number: "12.34". */
function decimal(lo: number, hi: number): { text: string; value: number } {
  const cents = int(lo * 100, hi * 100);
  const text = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  return { text, value: Number(text) };
}

/** A name no file has, for the code that must not run. */
function pwnedName(): string {
  return `pwned_${randomBytes(4).toString('hex')}`;
}

/** The server's next line is `value` written as a number (5, 5.0 or 5.000 for 5). */
async function expectResult(conn: Connection, c: Case, help: string): Promise<void> {
  const line = (await conn.readLine({ help })).trim();
  const got = NUMBER.test(line) ? Number(line) : NaN;
  if (!Number.isFinite(got) || !sameNumber(got, c.value)) {
    throw new StudentFailure({
      sent: quote(`${c.expr}\n`),
      expected: `the line ${quote(String(c.value))} (the result; ${Number.isInteger(c.value) ? `${c.value}.0 is fine too` : 'as a decimal number'})`,
      actual: `the line ${quote(line)}`,
      help: ERROR_LINE.test(line) ? `${quote(c.expr)} is a valid expression: ${help}` : help,
    });
  }
}

/** The server's next line starts with ERROR. */
async function expectError(conn: Connection, expr: string, why: string, help: string): Promise<void> {
  const line = (await conn.readLine({ help })).trim();
  if (!ERROR_LINE.test(line)) {
    throw new StudentFailure({
      sent: quote(`${expr}\n`),
      expected: `a line starting with ERROR (${why})`,
      actual: `the line ${quote(line)}`,
      help,
    });
  }
}

/**
 * After something that may have crashed or confused the server, the connection still gets
 * the next expression (`c`, a product unless given) answered; a server that died is
 * reported as such, as not doing what `expected` says.
 */
async function expectStillAnswers(conn: Connection, server: ServerUnderTest, help: string, c: Case = product(), expected = 'the server keeps running and answers the next expression'): Promise<void> {
  await conn.sendLine(c.expr);
  try {
    await expectResult(conn, c, help);
  } catch (e) {
    if (!(e instanceof StudentFailure) || !(await server.exitsWithin(1000))) throw e;
    throw new StudentFailure({ sent: quote(`${c.expr}\n`), expected, actual: `it ${server.describeExit()}`, help });
  }
}

/** A product of two small numbers. */
function product(): Case {
  const a = int(2, 40);
  const b = int(2, 40);
  return { expr: `${a} * ${b}`, value: a * b };
}

/** Integer cases, one per operator; "/" gives a decimal when it does not divide evenly. */
function integerCases(): Case[] {
  const [a, b, c, d, e, f] = [int(10, 999), int(10, 999), int(2, 99), int(100, 999), int(2, 999), int(2, 99)];
  const divisor = 2 * int(1, 20);
  const dividend = divisor * int(1, 50) + divisor / 2; // never a whole result: x.5
  return [
    { expr: `${a} + ${b}`, value: a + b },
    { expr: `${c} - ${d}`, value: c - d },
    { expr: `${e} * ${f}`, value: e * f },
    { expr: `${dividend} / ${divisor}`, value: dividend / divisor },
  ];
}

/** Decimal and negative cases. */
function decimalCases(): Case[] {
  const [a, b, c, d] = [decimal(1, 99), decimal(1, 99), decimal(-50, -1), decimal(1, 9)];
  const n = int(2, 9);
  return [
    { expr: `${a.text} + ${b.text}`, value: a.value + b.value },
    { expr: `${c.text} * ${d.text}`, value: c.value * d.value },
    { expr: `${n} / 4`, value: n / 4 },
    { expr: `0.1 + 0.2`, value: 0.3 },
    { expr: `${a.text} - -${n}`, value: a.value + n },
  ];
}

const RESULT_HELP = 'read the line, split it into number, operator, number, and compute with float() (or int() when there is no "."); "/" is true division: 7 / 2 is 3.5';
const ERROR_HELP =
  'anything that is not NUMBER OP NUMBER gets b"ERROR bad expression\\n": check the line with a regular expression, or catch ValueError around the parsing, and keep the connection open';
const ZERO_HELP = 'check the divisor before dividing (or catch ZeroDivisionError) and send b"ERROR division by zero\\n"; the connection stays open';
const NO_EVAL_HELP =
  'never eval() or exec() the line: eval runs any Python the client sends (here, code that creates a file). Parse it: re.fullmatch(r"\\s*(-?\\d+(?:\\.\\d+)?)\\s*([-+*/])\\s*(-?\\d+(?:\\.\\d+)?)\\s*", line), then float() the numbers';
const NEXT_HELP = 'after answering, go back to recv() on the same connection: one connection carries many expressions, until the client closes it';

/** Files whose name starts with "pwned" in a folder. */
function pwnedFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('pwned'));
}

/** Expressions that would create these files (or import a module) if evaluated as Python. */
function codeInjections(names: [string, string, string]): string[] {
  return [`__import__('os').system('touch ${names[0]}')`, `open('${names[1]}', 'w')`, `__import__('pathlib').Path('${names[2]}').touch() or 1 + 1`, `exec("import os")`];
}

/** What a line printed by the client must look like to show `value`. */
function showsNumber(value: number): TextPattern {
  const text = String(value).replace('.', '\\.').replace('-', '\\-');
  const frac = Number.isInteger(value) ? '(\\.0+)?' : '0*';
  const also = Number.isInteger(value) ? ` (or ${quote(`${value}.0`)})` : '';
  return textPattern(`a line showing the number ${quote(String(value))}${also}`, new RegExp(`(^|[^\\d.])${text}${frac}($|[^\\d])`));
}

/** What a line printed by the client must look like to show an error. */
const SHOWS_ERROR = textPattern('a line saying something went wrong (a word such as "error", "invalid", "cannot" or "unknown")', /error|invalid|zero|cannot|can't|bad|not|wrong|illegal|unknown/i);

/** The student's client with these lines typed, then its input closed. */
async function ownClientTyping(t: TestContext, server: ServerUnderTest, lines: string[]): Promise<ProgramUnderTest> {
  const client = await t.startClient(server);
  for (const line of lines) client.type(line);
  t.stopWords.endInput(client);
  return client;
}

/** The student's client against the grader's server, with `first` typed (a client may connect only once it has a line). */
async function clientTyping(t: TestContext, first: string): Promise<{ client: ProgramUnderTest; conn: Connection }> {
  const fake = await t.listen();
  const client = await t.startClient(fake);
  client.type(first);
  const conn = await fake.accept({ from: client });
  await conn.expectLine(first, { help: 'send the line as it was typed, with a newline: s.sendall((expr + "\\n").encode())' });
  return { client, conn };
}

const CLIENT_LOOP_HELP = 'loop: read a line with input(), send it with its newline, read the reply up to its newline, print it; stop when input() raises EOFError';

task('calc', { port: 5005, stopWord: END_OF_INPUT, framingProbe: { message: '2 + 3' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server computes integer expressions with + - * / ("2 + 3" gives 5, "7 / 2" gives 3.5)', 2, async (t) => {
      const { conn } = await serverSession(t);
      for (const c of integerCases()) {
        await conn.sendLine(c.expr);
        await expectResult(conn, c, RESULT_HELP);
      }
    });

    check('the server computes with decimal and negative numbers ("1.5 + 2.25", "-4.5 * 2")', 2, async (t) => {
      const { conn } = await serverSession(t);
      for (const c of decimalCases()) {
        await conn.sendLine(c.expr);
        await expectResult(conn, c, 'numbers may have a decimal point and a leading minus: convert them with float(), not int()');
      }
    });

    check('the server accepts expressions without spaces or with extra spaces ("12*3", "  8 -   5 ")', 1, async (t) => {
      const { conn } = await serverSession(t);
      const [a, b, c, d] = [int(10, 99), int(2, 9), int(10, 99), int(1, 9)];
      for (const x of [
        { expr: `${a}*${b}`, value: a * b },
        { expr: `  ${c} -   ${d} `, value: c - d },
        { expr: `${d}.5+${b}`, value: d + 0.5 + b },
      ]) {
        await conn.sendLine(x.expr);
        await expectResult(conn, x, 'spaces around the operator are optional: split with a regular expression, not with line.split()');
      }
    });

    check('the server answers several expressions on one connection, then serves the next client', 1, async (t) => {
      const server = await t.startServer();
      const first = await t.connect(server);
      const cases = integerCases();
      for (const c of cases.slice(0, 3)) {
        await first.sendLine(c.expr);
        await expectResult(first, c, NEXT_HELP);
      }
      first.end();
      await first.expectClosed({ help: 'when recv() returns b"" the client has left: close that connection and accept() the next' });
      const second = await t.connect(server);
      await second.sendLine(cases[3].expr);
      await expectResult(second, cases[3], 'after one client leaves, go back to accept() for the next (a while True loop around accept)');
    });

    check('the server answers ERROR to a division by zero and then answers the next expression', 2, async (t) => {
      const { server, conn } = await serverSession(t);
      for (const expr of [`${int(1, 99)} / 0`, `${int(1, 9)}.5 / 0.0`]) {
        await conn.sendLine(expr);
        await expectError(conn, expr, 'a division by zero has no result', ZERO_HELP);
      }
      await expectStillAnswers(conn, server, ZERO_HELP);
    });

    check('the server answers ERROR to malformed input ("2 +", "abc", an empty line, "2 ** 3", "1 2") and then answers the next expression', 2, async (t) => {
      const { server, conn } = await serverSession(t);
      // Without a newline an empty line is no bytes at all: a server that reads without one is not sent it.
      const empty = (await t.serverFraming()) === 'bare' ? [] : [''];
      for (const expr of [`${int(1, 9)} +`, 'abc', ...empty, `${int(2, 9)} ** 3`, `${int(1, 9)} ${int(1, 9)}`, `${int(1, 9)} + ${int(1, 9)} + ${int(1, 9)}`, '+']) {
        await conn.sendLine(expr);
        await expectError(conn, expr, 'it is not NUMBER OP NUMBER', ERROR_HELP);
      }
      await expectStillAnswers(conn, server, ERROR_HELP);
    });

    check('the server never runs its input as code: expressions that would create a file or import a module get ERROR, and nothing is created', 2, async (t) => {
      const { server, conn } = await serverSession(t);
      const names: [string, string, string] = [pwnedName(), pwnedName(), pwnedName()];
      const replies: Array<[string, string]> = [];
      for (const expr of codeInjections(names)) {
        await conn.sendLine(expr);
        replies.push([expr, (await conn.readLine({ help: ERROR_HELP })).trim()]);
      }
      // What happened on the machine first: that is the worst of it.
      const created = pwnedFiles(server.dir);
      if (created.length > 0) {
        throw new StudentFailure({
          sent: codeInjections(names)
            .map((e) => quote(e))
            .join(', '),
          expected: 'the server treats these lines as text, and nothing happens on the machine',
          actual: `the server ran them as code: it created ${created.map((n) => quote(n)).join(', ')} in its folder`,
          help: NO_EVAL_HELP,
        });
      }
      for (const [expr, reply] of replies) {
        if (ERROR_LINE.test(reply)) continue;
        throw new StudentFailure({
          sent: quote(`${expr}\n`),
          expected: 'a line starting with ERROR (it is Python code, not NUMBER OP NUMBER)',
          actual: `the line ${quote(reply)}${NUMBER.test(reply) || reply === 'None' || reply.startsWith('<') ? ': what Python returns when it runs that code' : ''}`,
          help: NO_EVAL_HELP,
        });
      }
      await expectStillAnswers(conn, server, NO_EVAL_HELP);
    });
  });

  group('client', () => {
    check("the client sends each typed expression as a line and prints the server's answer", 2, async (t) => {
      const cases = integerCases();
      const { client, conn } = await clientTyping(t, cases[0].expr);
      for (const [i, c] of cases.slice(0, 2).entries()) {
        if (i > 0) {
          client.type(c.expr);
          await conn.expectLine(c.expr, { help: 'send each line as it was typed, with a newline, on the same connection' });
        }
        await conn.sendLine(String(c.value));
        await client.expectOutput(showsNumber(c.value), { help: `print the reply line the server sent (${quote(String(c.value))}); ${CLIENT_LOOP_HELP}` });
      }
    });

    check('the client prints an ERROR reply and goes on with the next expression', 1, async (t) => {
      const { client, conn } = await clientTyping(t, `${int(1, 99)} / 0`);
      await conn.sendLine('ERROR division by zero');
      await client.expectOutput(textPattern('a line with "division by zero" (in any letter case)', /division by zero/i), { help: 'print the reply as it is, ERROR lines too' });
      const c = integerCases()[2];
      client.type(c.expr);
      await conn.expectLine(c.expr, { help: 'an ERROR reply is an answer like any other: print it and read the next expression' });
      await conn.sendLine(String(c.value));
      await client.expectOutput(showsNumber(c.value));
    });

    check('at the end of its input the client closes the connection and exits with code 0', 1, async (t) => {
      const c = integerCases()[0];
      const { client, conn } = await clientTyping(t, c.expr);
      await conn.sendLine(String(c.value));
      await client.expectOutput(showsNumber(c.value));
      const help = 'at the end of input, input() raises EOFError (or "for line in sys.stdin" ends): catch it, close the socket and end normally';
      // The one test of the page's end of input: every other test types the client's own stop word first, where it has one.
      await t.stopWords.gradePageWord('client', END_OF_INPUT, async () => {
        client.closeInput();
        await conn.expectClosed({ help });
        await client.expectExit(0, { help });
        client.expectNoTraceback(help);
      });
    });
  });

  group('end-to-end', () => {
    check('your client and server compute integer and decimal expressions: each result printed, in order, then the client ends at the end of input', 2, async (t) => {
      const [a, b, c, d, e] = [int(10, 99), int(10, 99), int(2, 30), int(1, 40), int(1, 40)];
      const cases: Case[] = [
        { expr: `${a} + ${b}`, value: a + b },
        { expr: `${c} - ${a + b}`, value: c - a - b },
        { expr: `${a} * ${c}`, value: a * c },
        { expr: `${2 * d + 1} / 2`, value: d + 0.5 },
        { expr: `${d}.5 + ${e}.25`, value: d + e + 0.75 },
      ];
      const server = await t.startServer();
      const client = await ownClientTyping(
        t,
        server,
        cases.map((x) => x.expr),
      );
      for (const x of cases) {
        await client.expectOutput(showsNumber(x.value), { help: `${quote(x.expr)} is ${x.value}: your client must print what your server computed, in the order typed` });
      }
      // That it ends is judged here; its exit code and a traceback at the end of input are the client group's test.
      await client.expectExit('any', { help: 'at the end of input (EOFError), close the socket and end normally' });
    });

    check('your client shows an error for a division by zero and for malformed input, then goes on with the next expression', 2, async (t) => {
      const [a, b] = [int(2, 40), int(2, 40)];
      const server = await t.startServer();
      const client = await ownClientTyping(t, server, [`${a} / 0`, 'abc', `${a} * ${b}`]);
      const help = 'the person must see a message for each bad line (your server answers it with an error, your client prints it) and the session goes on';
      await client.expectOutput(SHOWS_ERROR, { help: `${a} / 0: ${help}` });
      await client.expectOutput(SHOWS_ERROR, { help: `abc: ${help}` });
      await client.expectOutput(showsNumber(a * b), { help });
      await client.expectExit('any', { help: 'at the end of input (EOFError), close the socket and end normally' });
      server.expectRunning('a bad expression must not end the server');
    });

    check('code typed at your client is not run by your server: an error is shown and no file is created', 1, async (t) => {
      const names: [string, string, string] = [pwnedName(), pwnedName(), pwnedName()];
      const server = await t.startServer();
      const client = await ownClientTyping(t, server, [...codeInjections(names), '2 + 2']);
      await client.expectOutput(SHOWS_ERROR, { help: NO_EVAL_HELP });
      await client.expectOutput(showsNumber(4), { help: 'after the bad lines, "2 + 2" must still be answered' });
      await client.expectExit('any');
      const created = [...pwnedFiles(server.dir), ...pwnedFiles(client.dir)];
      if (created.length > 0) {
        throw new StudentFailure({
          sent: `typed at the client: ${codeInjections(names)
            .map((x) => quote(x))
            .join(', ')}`,
          expected: 'nothing happens on the machine: these lines are errors, not code to run',
          actual: `the programs ran them: ${created.map((n) => quote(n)).join(', ')} appeared`,
          help: NO_EVAL_HELP,
        });
      }
      server.expectRunning(NO_EVAL_HELP);
    });

    check('with no server running, your client prints one line saying so and exits with a non-zero code (no traceback)', 1, async (t) => {
      const fake = await t.listen();
      const to = { host: fake.host, port: fake.port };
      fake.close();
      const refused = await t.refusedConnects();
      const client = await t.startClient(to);
      client.type('1 + 1');
      client.closeInput();
      const help = 'put connect() in try/except OSError (ConnectionRefusedError is one): print one line such as "cannot reach the calculator server" and sys.exit(1)';
      if (!(await client.exitsWithin(t.deadlines.reply)))
        throw new StudentFailure({ expected: 'the client gives up and ends', actual: `it was still running ${seconds(t.deadlines.reply)} later`, help });
      client.expectNoTraceback(help);
      await t.expectTriedToConnect(refused, help);
      const printed = client.printed();
      const exit = client.exitInfo;
      if (!printed || !exit || exit.code === 0 || exit.code === null) {
        throw new StudentFailure({
          expected: 'the client prints a line saying it cannot reach the server and exits with a non-zero code',
          actual: `it printed ${printed ? quote(printed) : 'nothing'} and ${client.describeExit()}`,
          help,
        });
      }
    });
  });

  group('robustness', () => {
    check('the client ends each expression it sends with a newline', 1, async (t) => {
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const c = integerCases()[0];
      client.type(c.expr);
      const conn = await fake.accept({ from: client });
      await conn.expectLine(c.expr, {
        requireNewline: true,
        help: 'end each expression with a newline, s.sendall((expr + "\\n").encode()): the newline is how the server knows the expression is complete',
      });
    });

    newlineChecks('the server ends each reply with a newline', async (conn) => {
      const c = integerCases()[0];
      await conn.sendLine(c.expr);
      const line = await conn.expectLine(ANY_LINE, { requireNewline: true, help: 'send the reply as a line, conn.sendall((str(result) + "\\n").encode()): the client reads up to the newline' });
      if (!sameNumber(Number(line.trim()), c.value)) throw new StudentFailure({ sent: quote(`${c.expr}\n`), expected: `the line ${quote(String(c.value))}`, actual: `the line ${quote(line)}` });
    });

    check('the server waits for the whole expression when it arrives in pieces', 1, async (t) => {
      const { conn } = await serverSession(t);
      const [a, b] = [int(10, 99), int(10, 99)];
      await conn.sendLinePiece(`${a} +`);
      await conn.waitUntilRead();
      await conn.sendLine(` ${b}`);
      await expectAnswerToWhole(
        conn,
        { holds: holdsNumber(a + b), what: `the result of ${a} + ${b}, ${a + b}`, sent: [`${a} +`, ` ${b}\n`] },
        'TCP may deliver a line in pieces: keep calling recv() and collecting bytes until the newline arrives, then compute',
      );
    });

    check('the server answers two expressions sent in one piece, in order', 1, async (t) => {
      // To a server that reads without the newline, two lines in one piece are one message: the page's newline, charged once.
      if (await t.newlineChargedElsewhere()) return;
      const { conn } = await serverSession(t);
      const [x, y] = integerCases();
      await conn.send(`${x.expr}\n${y.expr}\n`);
      const help = 'one recv() may hold several lines: split what you received at each newline and answer every complete line, keeping the rest for later';
      await expectResult(conn, x, help);
      await expectResult(conn, y, help);
    });

    check('the server answers a 5000-byte line with one ERROR and then answers the next expression', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const long = `${'1 + '.repeat(1249)}100`;
      await conn.sendLine(long);
      const help = 'a line may be longer than one recv(1024): collect bytes until the newline, then answer the whole line once (here: ERROR, it has many operators)';
      await expectError(conn, `${long.slice(0, 20)}… (5000 bytes)`, 'it is not NUMBER OP NUMBER', help);
      await expectStillAnswers(conn, server, help);
    });

    check('the server keeps serving after a client disconnects abruptly in the middle of a line', 1, async (t) => {
      const server = await t.startServer();
      const first = await t.connect(server);
      await first.sendLinePiece(`${int(1, 9)} *`);
      await first.waitUntilRead();
      first.reset();
      const second = await t.connect(server);
      const help = 'recv() raises ConnectionResetError when a client vanishes: catch OSError, close that connection and accept() the next';
      const a = int(2, 40);
      await expectStillAnswers(second, server, help, { expr: `${a} + ${a}`, value: 2 * a }, 'the server keeps running and serves the next client');
    });

    check('the client waits for the whole reply when it arrives in pieces', 1, async (t) => {
      const a = int(100, 999);
      const b = int(100, 999);
      const value = a * b;
      const { client, conn } = await clientTyping(t, `${a} * ${b}`);
      const text = String(value);
      await sendLineInTwo(conn, text, 2);
      await client.expectOutput(showsNumber(value), { help: 'one recv() may return part of the reply: keep reading until the newline arrives, then print the whole line' });
    });
  });
});
