// ack: the basic acknowledgment exchange of seed 004. The client sends one message (its
// command-line arguments, or "Hello, server" without any) as one line; the server, which
// serves one client, prints it, answers the line "ACK: <message>", closes the connection
// and exits 0; the client prints the answer and exits 0.
// The grader plays the other side: t.connect() is the client, t.listen() the server.
// End to end only what a person sees counts: what each prints, and the exit codes.

import {
  ANY_LINE,
  type Connection,
  check,
  expectServesOnOrEndsCleanly,
  group,
  type ProgramUnderTest,
  quote,
  randomSentence,
  randomWord,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  task,
  textPattern,
} from '../harness/index.js';
import { expectCleanExit, expectEndsOrServesOn } from './lib/ends-or-serves-on.js';
import { newlineChecks } from './lib/newline-checks.js';
import { sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { serverSession } from './lib/sessions.js';

const DEFAULT_MESSAGE = 'Hello, server';
const ackOf = (text: string): string => `ACK: ${text}`;

const ACK_HELP = 'read the message line, then answer it: conn.sendall(("ACK: " + message + "\\n").encode())';
const FRAMING_HELP =
  'end the message with a newline, as the protocol page asks: sendall((text + "\\n").encode()); without it a program that reads until the end of the line (another student\'s, or the grader) cannot tell where it ends';
const WHOLE_LINE_HELP = 'one recv() returns only what has arrived so far: keep calling recv() and adding to a buffer until it holds a "\\n" (or recv() returns b"")';

/** Three random words: a message that shows whether it was sent and printed whole. */
function message(): string {
  return `${randomWord(5)} ${randomWord(4)} ${randomWord(6)}`;
}

/** The server's answer line must be exactly the acknowledgment of `sent`. */
async function expectAck(conn: Connection, sent: string, help = ACK_HELP): Promise<void> {
  await conn.expectLine(ackOf(sent), { help });
}

/** The grader listens as the server; the student's client connects with `args`. */
async function clientSending(t: TestContext, args: string[]): Promise<{ client: ProgramUnderTest; conn: Connection }> {
  const fake = await t.listen();
  const client = await t.startClient(fake, { args });
  const conn = await fake.accept({ from: client });
  return { client, conn };
}

/**
 * The server's answer, in any words: the tests of closing and exiting judge those alone,
 * so a server that words its ack its own way loses the wording test only.
 */
async function expectSomeAnswer(conn: Connection): Promise<string> {
  return conn.readLine({ help: `answer the message with one line: ${ACK_HELP}` });
}

/** A fresh client gets its message answered, in any words: proof that the server still serves (the wording is the server group's test). */
async function serveOne(t: TestContext, server: ServerUnderTest): Promise<void> {
  const conn = await t.connect(server);
  await conn.sendLine(message());
  await expectSomeAnswer(conn);
}

/**
 * The pieces of `text` were read as one message: the answer holds it whole (in any words),
 * or, when the answer is in words of the server's own that do not repeat it, the server
 * prints it whole. The wording of the answer is the server group's test.
 */
async function expectJoined(server: ServerUnderTest, conn: Connection, whole: Whole, help: string): Promise<void> {
  const answer = await conn.readLine({ help });
  if (answer.includes(whole.text)) return;
  try {
    await server.expectOutput(whole.text, { help });
  } catch (e) {
    if (!(e instanceof StudentFailure)) throw e;
    const printed = server.printedOn('stdout').trim();
    throw new StudentFailure({
      sent: whole.sent,
      expected: `${whole.what} in the answer (in any words) or in what the server prints: the pieces read as one message`,
      actual: `the answer ${quote(answer)}, and the server printed ${printed ? quote(printed) : 'nothing'}`,
      help,
    });
  }
}

interface Whole {
  /** The message sent in pieces. */
  text: string;
  /** It in words, for the failure ("the whole message "…""). */
  what: string;
  /** How it was sent, shown as `sent:`. */
  sent: string;
}

task('ack', { port: 65432, framingProbe: { message: 'hello' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server answers a message with "ACK: " and the message', 3, async (t) => {
      const { conn } = await serverSession(t);
      const text = message();
      await conn.sendLine(text);
      await expectAck(conn, text);
    });

    check('the server prints the message it received', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const text = message();
      await conn.sendLine(text);
      await server.expectOutput(text, { help: 'print the message: print("Received:", message)' });
    });

    check('the server closes the connection after its answer', 1, async (t) => {
      const { conn } = await serverSession(t);
      const text = message();
      await conn.sendLine(text);
      await expectSomeAnswer(conn);
      await conn.expectClosed({ help: 'after sending the acknowledgment, conn.close(): the server takes one message only' });
    });

    check('the server exits with code 0 once it has answered its client', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const text = message();
      await conn.sendLine(text);
      await expectSomeAnswer(conn);
      await expectCleanExit(server, 'this server serves one client: after answering it, close both sockets and let the program end (no while True around accept())');
    });
  });

  group('client', () => {
    check('the client sends its command-line arguments as one line', 2, async (t) => {
      const words = [randomWord(5), randomWord(4), randomWord(6)];
      const { conn } = await clientSending(t, words);
      await conn.expectLine(words.join(' '), {
        help: 'the message is the arguments joined by spaces: message = " ".join(sys.argv[1:]) or "Hello, server"',
      });
    });

    check("the client prints the server's answer and exits with code 0", 2, async (t) => {
      const text = message();
      const { client, conn } = await clientSending(t, text.split(' '));
      await conn.readLine();
      await conn.sendLine(ackOf(text));
      conn.end();
      await client.expectOutput(ackOf(text), { help: 'print what the server answers: print("Received from server:", reply)' });
      await expectCleanExit(client, 'after printing the answer, close the socket and let the program end');
    });

    check(`without arguments the client sends "${DEFAULT_MESSAGE}"`, 1, async (t) => {
      const { conn } = await clientSending(t, []);
      await conn.expectLine(DEFAULT_MESSAGE, {
        help: `the predefined message is used when no argument is given: message = " ".join(sys.argv[1:]) or "${DEFAULT_MESSAGE}"`,
      });
    });
  });

  group('end-to-end', () => {
    check("the client run with a message prints the server's acknowledgment of it, the server prints the message, and both exit with code 0", 3, async (t) => {
      const text = message();
      const server = await t.startServer();
      const client = await t.startClient(server, { args: text.split(' ') });
      const help = "the message given to your client must show on your server's screen, and the acknowledgment (with the message) on your client's screen";
      await server.expectOutput(text, { help });
      // The ack in the student's own words: the message, or a word that says it arrived ("ACK", "received", "got").
      // A label alone ("Received from server:" and nothing after it) is not an acknowledgment.
      await client.expectOutput(
        textPattern(`${quote(text)} or an acknowledgment such as "ACK" or "received"`, (line) => line.includes(text) || (/\back\b|receiv|\bgot\b/i.test(line) && !/:\s*$/.test(line))),
        { help },
      );
      await expectCleanExit(client, 'after printing the answer, the client ends');
      const answersNext = async (): Promise<void> => {
        const next = await t.connect(server);
        await next.sendLine(message());
        await expectSomeAnswer(next);
      };
      await expectEndsOrServesOn(t, server, answersNext, 'after answering its one client, the server ends');
    });
  });

  group('robustness', () => {
    newlineChecks('the server ends its answer with a newline', async (conn) => {
      const text = message();
      await conn.sendLine(text);
      // The answer's end: its newline, the close (a line cut by the close has no newline
      // either), or the server going on to wait. When it closes is judged elsewhere.
      const line = await conn.expectLine(ANY_LINE, { requireNewline: true, help: FRAMING_HELP });
      const got = conn.inbox.all().toString('utf8');
      if (!got.includes(`${line}\n`) && !got.includes(`${line}\r\n`)) {
        throw new StudentFailure({
          sent: conn.lastSent,
          expected: `${quote(`${ackOf(text)}\n`)}, ended by a newline`,
          actual: `${quote(got)}, then the connection closed`,
          help: FRAMING_HELP,
        });
      }
    });

    check('the client ends its message with a newline', 1, async (t) => {
      const words = [randomWord(5), randomWord(4)];
      const { conn } = await clientSending(t, words);
      // The newline alone is judged here; what the line holds is the client group's test.
      await conn.expectLine(ANY_LINE, { requireNewline: true, help: FRAMING_HELP });
    });

    check('the server acknowledges a message that arrives in two pieces, whole', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const text = message();
      await sendLineInTwo(conn, text, 4);
      await expectJoined(server, conn, { text, what: `the whole message ${quote(text)}`, sent: `${quote(text.slice(0, 4))}, then ${quote(`${text.slice(4)}\n`)}` }, WHOLE_LINE_HELP);
    });

    check('the server acknowledges a message longer than 1024 bytes, whole', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const text = randomSentence(1500);
      await conn.sendLine(text);
      await expectJoined(server, conn, { text, what: `the whole message (${Buffer.byteLength(text)} bytes)`, sent: quote(`${text}\n`) }, `a message can be longer than recv(1024): ${WHOLE_LINE_HELP}`);
    });

    check('the client prints the whole answer when it arrives in two pieces', 1, async (t) => {
      const text = message();
      const { client, conn } = await clientSending(t, text.split(' '));
      await conn.readLine();
      const ack = ackOf(text);
      await sendLineInTwo(conn, ack, 6);
      conn.end();
      await client.expectOutput(ack, { help: `${WHOLE_LINE_HELP}; then print it all` });
    });

    check('a client that vanishes (connection reset) before its message does not crash the server with a traceback', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      await conn.waitUntilRead();
      conn.reset();
      await expectServesOnOrEndsCleanly(server, () => serveOne(t, server), {
        help: 'recv() raises ConnectionResetError when the client vanishes: catch it (except ConnectionError:) and end cleanly (or serve the next client)',
      });
      server.expectNoTraceback('recv() raises ConnectionResetError when the client vanishes: catch it (except ConnectionError:)');
    });
  });
});
