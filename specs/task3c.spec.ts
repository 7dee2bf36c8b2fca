// task3c: the client sends a line of lowercase text, the server sends it back in
// uppercase and closes. One line per connection, ended by a newline.
// End to end, the student's client runs against the student's server and only what the
// person sees counts (the wire format between them is theirs); the newline framing the
// page asks for is checked once, in the robustness group.

import {
  ANY_LINE,
  type Connection,
  check,
  group,
  type ProgramUnderTest,
  quote,
  randomInt,
  randomSentence,
  randomWord,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  type TextPattern,
  task,
  textPattern,
  whyNoMore,
} from '../harness/index.js';
import { expectAnswerToWhole } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { abruptClient, expectSurvives, serverSession } from './lib/sessions.js';

const READ_WHOLE_LINE = 'one recv() returns only what has arrived so far: keep calling recv() and collecting bytes until the newline arrives (or recv() returns b"")';
const FRAMING_HELP =
  'end the message with a newline, as the protocol page asks: sendall((text + "\\n").encode()); without it a program that reads until the end of the line (another student\'s, or the grader) waits for ever';
const READ_WHOLE_REPLY = 'one recv() may return only part of the reply: keep reading until the server closes (recv() returns b""), then print it all';

/** Three random lowercase words. */
function lowercaseLine(): string {
  return `${randomWord(5)} ${randomWord(3)} ${randomWord(7)}`;
}

/** Letters outside a-z may be uppercased (Python's str.upper) or left alone (bytes.upper). */
function acceptableUppercase(line: string): string[] {
  const full = line.toUpperCase();
  const asciiOnly = line.replace(/[a-z]+/g, (s) => s.toUpperCase());
  return full === asciiOnly ? [full] : [full, asciiOnly];
}

/** The server's reply line must be one of the acceptable uppercase forms of `line`. */
async function expectUppercaseOf(conn: Connection, line: string, help: string): Promise<void> {
  const wanted = acceptableUppercase(line);
  const got = await conn.readLine({ help });
  if (!wanted.includes(got)) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `the line ${wanted.map((w) => quote(w)).join(' or ')}`,
      actual: `the line ${quote(got)}`,
      help,
    });
  }
}

/** A line holding `line` in any letter case: a robustness probe judges that the text came back, its uppercasing and wording are the server group's. */
function anyCaseOf(line: string): TextPattern {
  return textPattern(`a line holding ${quote(line.toUpperCase())} (in any letter case, words of its own around it allowed)`, (got) => got.toUpperCase().includes(line.toUpperCase()));
}

/** A fresh client gets its line back (in any case): proof that the server still serves. */
async function serveOneLine(t: TestContext, server: ServerUnderTest): Promise<void> {
  const line = lowercaseLine();
  const conn = await t.connect(server);
  await conn.sendLine(line);
  await conn.expectLine(anyCaseOf(line));
}

/** The letters of a text, in capitals: what a probe of reading whole compares, leaving digits and punctuation to the server group. */
function lettersOf(text: string): string {
  return text.toUpperCase().replace(/[^A-Z]/g, '');
}

/** The reply holds every letter of `line`, in order, in any case, words of its own around it allowed: the whole line was read, however it was converted. */
async function expectWholeLineBack(conn: Connection, line: string, help: string): Promise<void> {
  const got = await conn.readLine({ help });
  if (!lettersOf(got).includes(lettersOf(line))) {
    throw new StudentFailure({
      sent: `a line of ${line.length} characters: ${quote(line)}`,
      expected: `the whole line back, in uppercase: ${quote(line.toUpperCase())} (only its letters are compared here, in any case)`,
      actual: `a line of ${got.length} characters: ${quote(got)}`,
      help,
    });
  }
}

/** The student's client, started with `line` typed on its input, and its connection. */
async function clientSending(t: TestContext, line: string): Promise<{ client: ProgramUnderTest; conn: Connection }> {
  const fake = await t.listen();
  const client = await t.startClient(fake);
  client.type(line);
  const conn = await fake.accept({ from: client });
  return { client, conn };
}

/** The student's server, and the student's client pointed at it with `line` typed on its input. */
async function pairTyping(t: TestContext, line: string): Promise<ProgramUnderTest> {
  const server = await t.startServer();
  const client = await t.startClient(server);
  client.type(line);
  return client;
}

/** What the person at the client sees: the line, in uppercase. */
const PAIR_HELP =
  'the person types a line at your client and must see it printed back in uppercase: the client sends all of it, the server uppercases all of it and sends it back, the client receives all of it and prints it';

task('task3c', { port: 12000 }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server sends back a lowercase line in uppercase', 2, async (t) => {
      const line = lowercaseLine();
      const { conn } = await serverSession(t);
      await conn.sendLine(line);
      await conn.expectLine(line.toUpperCase(), { help: 'read the line, then conn.sendall(data.upper()) (or data.decode().upper().encode())' });
    });

    check('the server leaves digits, punctuation, spaces and capitals unchanged', 1, async (t) => {
      const line = `Order #${randomWord(4)} 66: pay $12.50 (tax 7%) -> ok? [yes/no] {a_b} 'q' "r" @x ~ | \\ ; < > = + * & ^ ! ${randomInt(100000)}`;
      const { conn } = await serverSession(t);
      await conn.sendLine(line);
      await conn.expectLine(line.toUpperCase(), { help: "only lowercase letters change: use Python's upper() instead of changing character codes yourself" });
    });

    check('the server uppercases a line longer than 1024 bytes (1025 characters)', 2, async (t) => {
      const line = randomSentence(1025);
      const { conn } = await serverSession(t);
      await conn.sendLine(line);
      await conn.expectLine(line.toUpperCase(), { help: `a line can be longer than recv(1024): ${READ_WHOLE_LINE}` });
    });

    check('the server keeps letters like é, ж and 日 intact (uppercasing them is allowed)', 1, async (t) => {
      const line = `café naïve жук ñandú 日本 ☕ ${randomWord(4)}`;
      const { conn } = await serverSession(t);
      await conn.sendLine(line);
      await expectUppercaseOf(conn, line, 'the text is UTF-8: decode the whole line with data.decode() (or use bytes.upper()), and send the result encoded back to UTF-8');
    });

    check('the server closes the connection after answering', 1, async (t) => {
      const line = lowercaseLine();
      const { conn } = await serverSession(t);
      await conn.sendLine(line);
      await conn.expectLine(line.toUpperCase());
      await conn.expectClosed({ help: 'after sending the answer call conn.close(): the client waits for the close to know the reply is complete' });
    });
  });

  group('client', () => {
    check('the client sends the line typed on its input', 2, async (t) => {
      const line = lowercaseLine();
      const { conn } = await clientSending(t, line);
      await conn.expectText(line, { help: 'read the text with input() and send it: s.sendall((text + "\\n").encode())' });
    });

    check("the client prints the server's reply", 2, async (t) => {
      const line = lowercaseLine();
      // Not only the uppercase line: the client must print what it received.
      const reply = `${line.toUpperCase()} ${randomWord().toUpperCase()}`;
      const { client, conn } = await clientSending(t, line);
      await conn.expectText(line);
      await conn.sendLine(reply);
      conn.end();
      await client.expectOutput(reply, { help: 'print what the server sent, decoded: print(reply.decode()), not your own text.upper()' });
    });

    check('the client exits with code 0 after the server closes', 1, async (t) => {
      const line = lowercaseLine();
      const { client, conn } = await clientSending(t, line);
      await conn.expectText(line);
      await conn.sendLine(line.toUpperCase());
      conn.end();
      await client.expectExit(0, { help: 'once recv() returns b"" the server is done: close the socket and let the program end' });
    });
  });

  group('end-to-end', () => {
    check('a line typed at the client is printed back by it in uppercase, digits and punctuation unchanged', 2, async (t) => {
      const line = `${randomSentence(48)} #${randomWord(3)} 12.50, ok? (7%)`;
      const client = await pairTyping(t, line);
      await client.expectOutput(line.toUpperCase(), { help: PAIR_HELP });
    });

    check('a line of more than 1 KiB typed at the client is printed back whole, in uppercase', 1, async (t) => {
      const line = randomSentence(1500);
      const client = await pairTyping(t, line);
      await client.expectOutput(line.toUpperCase(), { help: `${PAIR_HELP}; a line can be longer than one recv(1024)` });
    });

    check('the client exits with code 0 after printing the uppercase line', 1, async (t) => {
      const line = lowercaseLine();
      const client = await pairTyping(t, line);
      await client.expectOutput(line.toUpperCase(), { help: PAIR_HELP });
      await client.expectExit(0, { help: 'once the reply is printed the client is done: the server closes the connection, the client closes its socket and the program ends' });
    });
  });

  group('robustness', () => {
    check('the client ends its message with a newline', 1, async (t) => {
      const { conn } = await clientSending(t, lowercaseLine());
      // Its message in any words: sending the typed line is the client group's test.
      await conn.expectLine(ANY_LINE, { requireNewline: true, help: FRAMING_HELP });
    });

    check('the server ends its reply with a newline', 1, async (t) => {
      const line = lowercaseLine();
      const { conn } = await serverSession(t);
      await conn.sendLine(line);
      // The server closes after its reply: a close must not stand in for the newline here.
      const help = 'end the reply with a newline, as the protocol page asks: conn.sendall((text.upper() + "\\n").encode())';
      const outcome = await conn.inbox.waitFor(() => (conn.inbox.unread().includes(0x0a) ? true : undefined), t.deadlines.reply);
      if (outcome.kind !== 'found') {
        const got = conn.inbox.unread();
        throw new StudentFailure({
          sent: conn.lastSent,
          expected: `a reply ended by its newline, such as ${quote(`${line.toUpperCase()}\n`)}`,
          actual: `${got.length > 0 ? `${quote(got)} without a newline` : 'nothing'}, then ${whyNoMore(outcome, t.deadlines.reply, conn.inbox.endedBecause)}`,
          help,
        });
      }
      // A reply ended by its newline, in any words: what it says is the server group's test.
    });

    check('the server waits for the whole line when it arrives in pieces', 1, async (t) => {
      const { conn } = await serverSession(t);
      for (const piece of ['hel', 'lo wor']) {
        await conn.send(piece);
        await conn.waitUntilRead();
      }
      await conn.send('ld\n');
      // Joined is judged in any letter case: the uppercasing is the server group's test.
      const whole = { holds: (line: string) => line.toUpperCase().includes('HELLO WORLD'), what: '"HELLO WORLD" (in any letter case)', sent: ['hel', 'lo wor', 'ld\n'] };
      await expectAnswerToWhole(conn, whole, `TCP may deliver a line in pieces: ${READ_WHOLE_LINE}`);
    });

    check('the server handles a letter like é split between two pieces', 1, async (t) => {
      const line = `café ${randomWord(5)}`;
      const bytes = Buffer.from(`${line}\n`);
      const cut = Buffer.byteLength('caf') + 1; // inside the two bytes of é
      const { conn } = await serverSession(t);
      await conn.send(bytes.subarray(0, cut));
      await conn.waitUntilRead();
      await conn.send(bytes.subarray(cut));
      // The é whole, in any letter case: the uppercasing is the server group's test.
      await conn.expectLine(anyCaseOf(line), { help: 'a piece can end in the middle of a letter: collect the bytes of the whole line first, then decode() once' });
    });

    check('the server uppercases a 5000-character line', 1, async (t) => {
      const line = randomSentence(5000);
      const { conn } = await serverSession(t);
      await conn.sendLine(line);
      await expectWholeLineBack(conn, line, `no single recv() size fits every line: ${READ_WHOLE_LINE}`);
    });

    check('the server survives a client that disconnects abruptly', 1, async (t) => {
      await expectSurvives(
        t,
        (s) => abruptClient(t, s, 'hel'),
        (s) => serveOneLine(t, s),
        'recv() and sendall() raise ConnectionResetError (or BrokenPipeError) when the client disconnects abruptly: catch them, close that connection and go on',
      );
    });

    check('the client prints the whole reply when it arrives in pieces', 1, async (t) => {
      const line = lowercaseLine();
      const reply = line.toUpperCase();
      const { client, conn } = await clientSending(t, line);
      await conn.readLine(); // its message in any words: what it sends is the client group's test
      await conn.send(reply.slice(0, 4));
      await conn.waitUntilRead();
      await conn.sendLine(reply.slice(4));
      conn.end();
      await client.expectOutput(reply, { help: READ_WHOLE_REPLY });
    });

    check('the client prints a reply longer than 1024 bytes in full', 1, async (t) => {
      const line = randomSentence(2000);
      const { client, conn } = await clientSending(t, line);
      await conn.readLine(); // its message in any words: what it sends is the client group's test
      await conn.sendLine(line.toUpperCase());
      conn.end();
      await client.expectOutput(line.toUpperCase(), { help: READ_WHOLE_REPLY });
    });
  });
});
