// echo: the server sends back every byte a client sends, unchanged, for as long as the
// client stays connected, and closes when the client closes. The client sends each line
// typed at it (with its newline), prints the echo, and at the end of its input closes
// and exits 0.
// End to end, the student's client runs against the student's server and only what the
// person sees counts (the wire format between them is theirs); the newline framing the
// page asks for is checked once, in the robustness group.

import {
  ANY_LINE,
  type Connection,
  check,
  describeBytes,
  END_OF_INPUT,
  expectSameBytes,
  group,
  type ProgramUnderTest,
  quote,
  randomBytes,
  randomSentence,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  task,
  whyNoMore,
} from '../harness/index.js';
import { serverListensCheck } from './lib/server-listens.js';
import { abruptClient, expectSurvives, serverSession, startPair, typedLineSent } from './lib/sessions.js';

const ECHO_LOOP_HELP =
  'keep the connection open and echo in a loop: while True: data = conn.recv(4096); if not data: break; conn.sendall(data). One recv() returns only what has arrived so far, never "the whole message"';
const READ_WHOLE_LINE = 'one recv() may return only part of the echo: keep calling recv() and adding to a buffer until it holds the "\\n", then print the line';
const FRAMING_HELP =
  'end each message with a newline, as the protocol page asks: sock.sendall((text + "\\n").encode()); the newline is how the echo (and anyone reading it) knows where the message ends';

/** Waits until `size` bytes have come back, and returns exactly those. */
async function readBytes(conn: Connection, size: number, what: string, help: string): Promise<Buffer> {
  const outcome = await conn.inbox.waitFor(() => (conn.inbox.unread().length >= size ? true : undefined), conn.deadlines.reply);
  const got = conn.inbox.unread();
  if (outcome.kind !== 'found') {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: what,
      actual: `only ${describeBytes(got)}, then ${whyNoMore(outcome, conn.deadlines.reply, conn.inbox.endedBecause)}`,
      help,
    });
  }
  const data = Buffer.from(got.subarray(0, size));
  conn.inbox.consume(size);
  return data;
}

/** Sends `data` and checks exactly those bytes come back. */
async function expectEcho(conn: Connection, data: Buffer | string, help: string): Promise<void> {
  const bytes = Buffer.from(data);
  await conn.send(bytes);
  const what = `the same ${bytes.length} bytes back`;
  const got = await readBytes(conn, bytes.length, what, help);
  expectSameBytes(got, bytes, { what, sent: conn.lastSent, help });
}

/** Where the last of `parts` ends in `text` when they all appear there one after another; -1 when one is missing. */
function endOfPartsInOrder(text: string, parts: string[]): number {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    if (found < 0) return -1;
    at = found + part.length;
  }
  return at;
}

/**
 * Every byte of `parts` comes back, in order, whatever the server puts around them: a
 * robustness probe judges that nothing was lost; a byte-exact echo (nothing added) is the
 * server group's test.
 */
async function expectEchoedAmong(conn: Connection, parts: string[], help: string, sent = conn.lastSent): Promise<void> {
  const outcome = await conn.inbox.waitFor(() => {
    const text = conn.inbox.unreadText();
    const end = endOfPartsInOrder(text, parts);
    return end < 0 ? undefined : Buffer.byteLength(text.slice(0, end));
  }, conn.deadlines.reply);
  if (outcome.kind !== 'found') {
    throw new StudentFailure({
      sent,
      expected: `${quote(parts.join(''))} back, every byte of it in order (anything added around it is judged by the server group, not here)`,
      actual: `only ${describeBytes(conn.inbox.unread())}, then ${whyNoMore(outcome, conn.deadlines.reply, conn.inbox.endedBecause)}`,
      help,
    });
  }
  conn.inbox.consume(outcome.value);
}

/** A fresh client gets a line echoed (anything added around it aside): proof that the server still serves. */
async function serveOneLine(t: TestContext, server: ServerUnderTest): Promise<void> {
  const conn = await t.connect(server);
  const line = `${randomSentence(30)}\n`;
  await conn.send(line);
  await expectEchoedAmong(conn, [line], 'the server must go back to accept() for the next client');
}

/**
 * Plays the page's server until the line typed at the client arrives: a line of the
 * client's own before it (a greeting) is echoed whole. What the client sends is the client
 * group's test; a probe of the client only needs its typed line to reach the grader.
 */
async function echoUntilTyped(conn: Connection, line: string): Promise<void> {
  for (let others = 0; others < 3; others++) {
    const got = await conn.readLine();
    if (got === line) return;
    await conn.sendLine(got);
  }
  await conn.expectLine(line);
}

/** The student's client pointed at the grader, and its connection. */
async function clientConnected(t: TestContext): Promise<{ client: ProgramUnderTest; conn: Connection }> {
  const fake = await t.listen();
  const client = await t.startClient(fake);
  const conn = await fake.accept({ from: client });
  return { client, conn };
}

/** Types `line` into the client, checks it arrives, and sends `reply` back as its echo. */
async function clientTurn(client: ProgramUnderTest, conn: Connection, line: string, reply = line): Promise<void> {
  await typedLineSent(client, conn, line, line, reply, 'read a line with input() and send it: sock.sendall((text + "\\n").encode())');
}

const PAIR_HELP =
  'each line typed at your client must be printed back by it: the client sends the whole line, the server sends every byte back, the client reads until the end of the line and prints it';

task('echo', { port: 5001, stopWord: END_OF_INPUT }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server sends a line back unchanged', 2, async (t) => {
      const { conn } = await serverSession(t);
      await expectEcho(conn, `${randomSentence(40)}\n`, 'send back exactly what you received: conn.sendall(data)');
    });

    check('the server echoes several messages on one connection, each when it arrives', 3, async (t) => {
      const { conn } = await serverSession(t);
      for (let i = 0; i < 4; i++) await expectEcho(conn, `${randomSentence(20 + i * 15)}\n`, ECHO_LOOP_HELP);
    });

    check('the server echoes a 200 KiB message (far more than 64 KiB) byte for byte', 3, async (t) => {
      const { conn } = await serverSession(t);
      await expectEcho(conn, `${randomSentence(200 * 1024)}\n`, ECHO_LOOP_HELP);
    });

    check('the server echoes every byte unchanged, even bytes that are not text (0 to 255)', 2, async (t) => {
      const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(3000), Buffer.from('\n')]);
      const { conn } = await serverSession(t);
      await expectEcho(conn, bytes, 'echo the bytes as they are: conn.sendall(data), no decode()/encode(), no strip()');
    });

    check('the server closes the connection when the client closes its side', 1, async (t) => {
      const { conn } = await serverSession(t);
      await expectEcho(conn, `${randomSentence(25)}\n`, 'send back exactly what you received: conn.sendall(data)');
      conn.end();
      await conn.expectClosed({ help: 'recv() returns b"" once the client has closed: leave the loop and call conn.close()' });
    });

    check('the server serves the next client after the first one leaves', 2, async (t) => {
      const server = await t.startServer();
      const first = await t.connect(server);
      await expectEcho(first, `${randomSentence(25)}\n`, 'send back exactly what you received: conn.sendall(data)');
      first.end();
      await first.expectClosed();
      const second = await t.connect(server);
      await expectEcho(second, `${randomSentence(25)}\n`, 'put accept() in a loop: after one client leaves, go back to accept() for the next (while True: conn, addr = server.accept() ...)');
    });
  });

  group('client', () => {
    check('the client sends the line typed at it', 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      const line = randomSentence(30);
      client.type(line);
      await conn.expectLine(line, { help: 'read the line with input() and send it: sock.sendall((text + "\\n").encode())' });
      client.expectRunning('after sending, wait for the echo: the server has not answered yet');
    });

    check('the client prints what the server sends back', 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      const line = randomSentence(30);
      // Not the typed line: the client must print what it received.
      const reply = `${line} ${randomSentence(10)}`;
      await clientTurn(client, conn, line, reply);
      await client.expectOutput(reply, { help: 'print what recv() returned, decoded: print(data.decode().rstrip("\\n")), not the text you sent' });
    });

    check('the client sends and prints several lines, one after another, on one connection', 3, async (t) => {
      const { client, conn } = await clientConnected(t);
      for (let i = 0; i < 3; i++) {
        const line = randomSentence(25 + i * 10);
        await clientTurn(client, conn, line);
        await client.expectOutput(line, { help: 'loop: input() a line, send it, read its echo, print it; keep the same connection for every line' });
      }
    });

    check('the client prints a 100 KiB echo whole, read until its newline', 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      const line = randomSentence(100 * 1024);
      client.type(line);
      // The whole line; its newline is the robustness group's test.
      const help = 'send the whole line: sock.sendall((text + "\\n").encode())';
      const got = await readBytes(conn, line.length, `the typed line of ${line.length} bytes`, help);
      expectSameBytes(got, line, { what: 'the typed line', help });
      await conn.send(line.slice(0, 1000));
      await conn.waitUntilRead();
      await conn.sendLine(line.slice(1000));
      await client.expectOutput(line, { help: READ_WHOLE_LINE });
    });

    check('the client closes the connection and exits with code 0 when its input ends', 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      const line = randomSentence(30);
      await clientTurn(client, conn, line);
      await client.expectOutput(line);
      // The one test of the page's end of input: every other test types the client's own stop word first, where it has one.
      await t.stopWords.gradePageWord('client', END_OF_INPUT, async () => {
        client.closeInput();
        await conn.readUntilClosed({ help: 'at the end of the input (input() raises EOFError), close the socket' });
        conn.end();
        await client.expectExit(0, { help: 'catch EOFError around input(), then close the socket and let the program end normally' });
        client.expectNoTraceback('catch EOFError around input(): the end of the input is how the person says "done"');
      });
    });
  });

  group('end-to-end', () => {
    check('lines typed at your client are printed back by it, unchanged, one after another', 3, async (t) => {
      const { client } = await startPair(t);
      for (let i = 0; i < 3; i++) {
        const line = `${randomSentence(30 + i * 20)}  #${i} (100%)`;
        client.type(line);
        await client.expectOutput(line, { help: PAIR_HELP });
      }
    });

    check('a 100 KiB line typed at your client is printed back whole', 2, async (t) => {
      const { client } = await startPair(t);
      const line = randomSentence(100 * 1024);
      client.type(line);
      await client.expectOutput(line, { help: `${PAIR_HELP}; a line can be much longer than one recv()` });
    });

    check('at the end of its input your client ends, and your server serves the next client', 2, async (t) => {
      const { server, client } = await startPair(t);
      const line = randomSentence(40);
      client.type(line);
      await client.expectOutput(line, { help: PAIR_HELP });
      t.stopWords.endInput(client);
      // That it ends is judged here; its exit code and traceback are the client group's test.
      await client.expectExit('any', { help: 'catch EOFError around input(), close the socket and let the program end normally' });
      const next = await t.startClient(server);
      const again = randomSentence(40);
      next.type(again);
      await next.expectOutput(again, { help: 'after one client leaves, your server must go back to accept() for the next' });
    });
  });

  group('robustness', () => {
    check('the client ends each message it sends with a newline', 1, async (t) => {
      const { client, conn } = await clientConnected(t);
      const line = randomSentence(30);
      client.type(line);
      // Its message in any words (what it sends is the client group's test), ended by its newline.
      await conn.expectLine(ANY_LINE, { requireNewline: true, help: FRAMING_HELP });
    });

    check('the server echoes two messages that arrive in one segment', 1, async (t) => {
      const { conn } = await serverSession(t);
      const lines = [`${randomSentence(20)}\n`, `${randomSentence(20)}\n`];
      await conn.send(lines.join(''));
      await expectEchoedAmong(conn, lines, 'echo every byte received, not only the first line of it');
    });

    check('the server echoes a message that arrives in pieces', 1, async (t) => {
      const { conn } = await serverSession(t);
      const line = `${randomSentence(30)}\n`;
      await conn.send(line.slice(0, 5));
      await conn.waitUntilRead();
      const rest = line.slice(5);
      await conn.send(rest);
      // The two pieces back together, nothing between them (a newline or a prefix per recv() breaks the message); what comes around it is the server group's.
      await expectEchoedAmong(conn, [line], ECHO_LOOP_HELP, `${quote(line.slice(0, 5))}, then ${quote(rest)}`);
    });

    check('the server keeps serving after a client disconnects abruptly', 1, async (t) => {
      await expectSurvives(
        t,
        (s) => abruptClient(t, s, 'half a mess'),
        (s) => serveOneLine(t, s),
        'recv() and sendall() raise ConnectionResetError when a client vanishes: catch it (try/except), close that connection and go back to accept()',
      );
    });

    check('the client prints the whole echo when it arrives in pieces', 1, async (t) => {
      const { client, conn } = await clientConnected(t);
      const line = randomSentence(40);
      client.type(line);
      await echoUntilTyped(conn, line);
      await conn.send(line.slice(0, 6));
      await conn.waitUntilRead();
      await conn.sendLine(line.slice(6));
      await client.expectOutput(line, { help: READ_WHOLE_LINE });
    });
  });
});
