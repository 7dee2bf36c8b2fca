// The checks shared by message and message-threaded: a "Message received" server and an
// interactive client. Each line the client sends (typed at it) is printed by the server
// and answered with the line "Message received"; "exit" (any case) is answered too, then
// the server closes that connection and the client ends with code 0. The server never
// ends by itself: after one client it serves the next (message-threaded: several at once).
// The grader plays the other side: t.connect() is the client, t.listen() the server.

import {
  ANY_LINE,
  type Connection,
  check,
  expectServesOnOrEndsCleanly,
  group,
  type ProgramUnderTest,
  pollUntil,
  quote,
  randomSentence,
  type ServerUnderTest,
  StudentFailure,
  type TextPattern,
  task,
  textPattern,
  trimmedLineAnyCase,
} from '../../harness/index.js';
import { expectCleanExit } from './ends-or-serves-on.js';
import { newlineChecks } from './newline-checks.js';
import { sendLineInTwo } from './pieces.js';
import { serverListensCheck } from './server-listens.js';
import { untilAllThreadsWait } from './server-threads.js';
import { clientSession, expectServerCloses, serverSession, startPair, typedLineSent } from './sessions.js';

export const REPLY = 'Message received';
const isReply = (line: string): boolean => line.trim() === REPLY;

const REPLY_HELP = `answer every message with the line "${REPLY}": conn.sendall(b"${REPLY}\\n")`;
const SEND_LINE_HELP = 'send each typed line with a newline at the end: sock.sendall((message + "\\n").encode())';
const FRAMING_HELP =
  'end every message with a newline, as the protocol page asks: sendall((text + "\\n").encode()); without it a program that reads whole lines (another student\'s, or the grader) cannot tell where a message ends';
const WHOLE_LINE_HELP = 'TCP may deliver a line in pieces, or two lines at once: keep a buffer, add what recv() returns, and take out one line per "\\n" found';
const EXIT_HELP = 'when the message is exit (message.strip().lower() == "exit"), answer it, then leave the loop and conn.close() that client';
const NEXT_CLIENT_HELP = 'put accept() in a loop: after one client is done (exit, or recv() returned b""), close its socket and accept() the next';

/**
 * The next line must answer: "Message received" when `exact`, else an answer in any
 * words (the wording is one test's, not every test's).
 */
async function expectReply(conn: Connection, help: string, requireNewline = false, exact = false): Promise<void> {
  await conn.expectLine(exact ? REPLY : ANY_LINE, { help, requireNewline });
}

/** The grader's connection sends `message` and expects an answer ("Message received" when `exact`). */
async function exchange(conn: Connection, message = randomSentence(24), help = REPLY_HELP, exact = false): Promise<void> {
  await conn.sendLine(message);
  await expectReply(conn, help, false, exact);
}

/** The server closes the connection; one answer sent just before (to exit) is fine. */
async function expectClosedAfterExit(conn: Connection, help: string): Promise<void> {
  const rest = (await conn.readUntilClosed({ help })).toString('utf8').trim();
  if (rest !== '' && !rest.split(/\r?\n/).every(isReply) && rest.split(/\r?\n/).length > 1) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `"${REPLY}" (or nothing), then the server closes the connection`,
      actual: `it sent ${quote(rest)} before closing`,
      help,
    });
  }
}

/** The server must not be burning the CPU while it waits for clients. */
async function expectNotSpinning(server: ServerUnderTest, help: string): Promise<void> {
  if (await server.isSpinning()) {
    throw new StudentFailure({
      expected: 'the server waits quietly for the next client (in accept() or recv())',
      actual: 'it keeps using the CPU all the time: a busy loop',
      help,
    });
  }
}

/** One turn against the client: the typed line is sent, the reply is printed. */
async function clientTurn(client: ProgramUnderTest, conn: Connection, message = randomSentence(24)): Promise<void> {
  await typedLineSent(client, conn, message, message, REPLY, `the client sends each line typed at it; ${SEND_LINE_HELP}`);
  await client.expectOutput(REPLY, { help: 'print the reply the server sends: print("Server response:", reply)' });
}

const PAIR_HELP =
  'a line typed at your client must show on your server\'s screen, and the client must print the server\'s "Message received": the client sends the line, the server receives it whole, prints it and answers';

/** The server's answer as the person at the client sees it, in the pair's own words: the page's, the message echoed, or a word that says it arrived. */
function answerShown(message: string): TextPattern {
  return textPattern(
    `${quote(REPLY)}, or the server's answer in its own words`,
    (line) => line.includes(REPLY) || line.includes(message) || (/receiv|\back\b|\bgot\b/i.test(line) && !/:\s*$/.test(line)),
  );
}

/** One message as the people see it: printed by the server, answered on the client's screen. */
async function pairTurn(server: ServerUnderTest, client: ProgramUnderTest): Promise<void> {
  const message = randomSentence(24);
  client.type(message);
  await server.expectOutput(message, { help: PAIR_HELP });
  await client.expectOutput(answerShown(message), { help: PAIR_HELP });
}

/** One turn against the client, printing unjudged (for the tests of how the client ends). */
async function unprintedClientTurn(client: ProgramUnderTest, conn: Connection): Promise<void> {
  const message = randomSentence(24);
  await typedLineSent(client, conn, message, message, REPLY, `the client sends each line typed at it; ${SEND_LINE_HELP}`);
  await conn.waitUntilRead();
}

export function messageTask(id: string, threaded: boolean): void {
  task(id, { port: 5000, stopWord: 'exit', framingProbe: { message: 'hello' } }, () => {
    group('server', () => {
      serverListensCheck();

      check(`the server answers "${REPLY}" to each message, for several messages on one connection`, 3, async (t) => {
        // The page's wording is judged here only.
        const { conn } = await serverSession(t);
        for (let i = 0; i < 3; i++) await exchange(conn, randomSentence(24), REPLY_HELP, true);
      });

      check('the server prints each message it receives', 1, async (t) => {
        const { server, conn } = await serverSession(t);
        const message = randomSentence(30);
        await exchange(conn, message);
        await server.expectOutput(message, { help: 'print each message received: print("Received message:", message)' });
      });

      check(`the server answers an empty line with "${REPLY}" too`, 1, async (t) => {
        // Without a newline an empty message is no bytes at all: nothing to send a server that reads without one.
        if (await t.newlineChargedElsewhere()) return;
        const { conn } = await serverSession(t);
        await exchange(conn, '', `an empty line is a message like any other: answer it (only recv() returning b"" means the client left); ${REPLY_HELP}`);
        await exchange(conn);
      });

      check('the server closes the connection after the client sends exit', 2, async (t) => {
        const { conn } = await serverSession(t);
        await exchange(conn);
        await conn.sendLine(t.stopWords.of('server'));
        await expectClosedAfterExit(conn, EXIT_HELP);
      });

      check('the server also ends the session on "EXIT" (any letter case)', 1, async (t) => {
        const { conn } = await serverSession(t);
        await exchange(conn);
        // The one test of the page's own word: every other test speaks the server's.
        await t.stopWords.gradePageWord('server', 'EXIT', async (exit) => {
          await conn.sendLine(exit);
          await expectClosedAfterExit(conn, 'compare without case: if message.strip().lower() == "exit":');
        });
      });

      check('after a client sends exit, the server serves the next client', 2, async (t) => {
        const server = await t.startServer();
        const first = await t.connect(server);
        await exchange(first);
        await first.sendLine(t.stopWords.of('server'));
        await expectClosedAfterExit(first, EXIT_HELP);
        const second = await t.connect(server);
        await exchange(second, randomSentence(24), NEXT_CLIENT_HELP);
      });

      if (threaded) {
        check('the server answers a second client while the first one is still connected', 3, async (t) => {
          const server = await t.startServer();
          const first = await t.connect(server);
          await exchange(first);
          const second = await t.connect(server);
          await exchange(second, randomSentence(24), 'serve each client in a thread of its own: threading.Thread(target=handle_client, args=(conn, addr)).start(), then go straight back to accept()');
          await exchange(first, randomSentence(24), 'the first client is still connected: its thread must go on answering it');
        });

        check('when one of two connected clients sends exit, the other one is still answered', 1, async (t) => {
          const server = await t.startServer();
          const first = await t.connect(server);
          const second = await t.connect(server);
          await exchange(first);
          await exchange(second);
          await first.sendLine(t.stopWords.of('server'));
          await expectClosedAfterExit(first, EXIT_HELP);
          await exchange(second, randomSentence(24), 'exit ends only the connection of the client that sent it: close that socket only, and let the other threads go on');
        });
      }
    });

    group('client', () => {
      check("the client sends each line typed at it and prints the server's reply, for several messages", 3, async (t) => {
        const { client, conn } = await clientSession(t);
        for (let i = 0; i < 3; i++) await clientTurn(client, conn);
      });

      check('the client sends exit typed at it, then exits with code 0', 2, async (t) => {
        const { client, conn } = await clientSession(t);
        await clientTurn(client, conn);
        const exit = t.stopWords.of('client');
        await typedLineSent(client, conn, exit, exit, REPLY, `send the ${exit} itself, so the server knows you leave; ${SEND_LINE_HELP}`);
        conn.end();
        await client.expectExit(0, { help: `after sending ${exit} (and reading its reply), close the socket and leave the loop: the program ends` });
      });

      check('the client also ends on "Exit" typed at it (any letter case)', 1, async (t) => {
        const { client, conn } = await clientSession(t);
        await clientTurn(client, conn);
        const exit = t.stopWords.of('client', 'Exit');
        await typedLineSent(client, conn, exit, trimmedLineAnyCase(exit), REPLY, SEND_LINE_HELP);
        conn.end();
        await client.expectExit(0, { help: 'compare without case: if message.strip().lower() == "exit":' });
      });

      check('an empty line typed at the client does not hang it: the next message is still sent and answered', 1, async (t) => {
        const { client, conn } = await clientSession(t);
        client.type('');
        const message = randomSentence(24);
        client.type(message);
        // An empty line sent as "\n" gets its answer, as every line does; skipping it is fine too.
        let answers = 0;
        for (;;) {
          const line = await conn.readLine({
            help: 'an empty line must still be sent as "\\n": sock.sendall(b"") sends nothing, and then recv() waits for an answer that never comes',
          });
          await conn.sendLine(REPLY);
          answers++;
          if (line.trim() === message) break;
          if (line.trim() !== '') {
            throw new StudentFailure({ sent: conn.lastSent, expected: `an empty line, then ${quote(message)}`, actual: `the line ${quote(line)}` });
          }
        }
        for (let i = 0; i < answers; i++) await client.expectOutput(REPLY, { help: 'print each reply the server sends' });
      });
    });

    group('end-to-end', () => {
      check(`each message typed at the client is printed by the server, and the client prints "${REPLY}" for it`, 3, async (t) => {
        const { server, client } = await startPair(t);
        for (let i = 0; i < 3; i++) await pairTurn(server, client);
      });

      check('exit typed at the client ends it with code 0, and the server then serves the client run again', 2, async (t) => {
        const server = await t.startServer();
        for (let run = 0; run < 2; run++) {
          const client = await t.startClient(server);
          await pairTurn(server, client);
          const exit = t.stopWords.of('client');
          client.type(exit);
          await expectCleanExit(client, run === 0 ? `after ${exit}, close the socket and let the client end` : NEXT_CLIENT_HELP);
        }
      });

      if (threaded) {
        check(`two clients run at the same time are both answered "${REPLY}"`, 2, async (t) => {
          const server = await t.startServer();
          const first = await t.startClient(server);
          await pairTurn(server, first);
          const second = await t.startClient(server);
          await pairTurn(server, second);
          await pairTurn(server, first);
        });
      }
    });

    group('robustness', () => {
      newlineChecks('the server ends each reply with a newline', async (conn) => {
        await conn.sendLine(randomSentence(24));
        // The newline is judged here; the wording is the server group's test.
        await expectReply(conn, FRAMING_HELP, true);
      });

      check('the client ends each message it sends with a newline', 1, async (t) => {
        const { client, conn } = await clientSession(t);
        const message = randomSentence(24);
        client.type(message);
        await conn.expectLine(message, { requireNewline: true, help: FRAMING_HELP });
      });

      check('the server answers a message that arrives in two pieces once, and prints it whole', 1, async (t) => {
        const { server, conn } = await serverSession(t);
        const message = randomSentence(30);
        await sendLineInTwo(conn, message, 7);
        // Joined is what counts here: one answer, in any words, and the message printed whole.
        await conn.readLine({ help: WHOLE_LINE_HELP });
        await server.expectOutput(message, { help: WHOLE_LINE_HELP });
        // A second answer, to the pieces answered apart, is there once the server has gone back to waiting
        // (closing on exit, or when the client leaves, is the server group's test: not asked here).
        await untilAllThreadsWait(server);
        const rest = conn.inbox
          .unread()
          .toString('utf8')
          .split(/\r?\n/)
          .filter((l) => l.trim() !== '');
        if (rest.length > 0) {
          throw new StudentFailure({
            sent: `${quote(message.slice(0, 7))}, then ${quote(`${message.slice(7)}\n`)}`,
            expected: 'one answer for the message',
            actual: `${rest.length + 1} answers: the pieces were answered as separate messages`,
            help: WHOLE_LINE_HELP,
          });
        }
      });

      check('the server answers two messages that arrive together in one segment, one answer each', 1, async (t) => {
        // To a server that reads without the newline, two lines together are one message: the page's newline, charged once.
        if (await t.newlineChargedElsewhere()) return;
        const { conn } = await serverSession(t);
        await conn.send(`${randomSentence(20)}\n${randomSentence(20)}\n`);
        await expectReply(conn, WHOLE_LINE_HELP);
        await expectReply(conn, `two messages came in one recv(): ${WHOLE_LINE_HELP}`);
      });

      check('the client prints a whole reply that arrives in two pieces', 1, async (t) => {
        const { client, conn } = await clientSession(t);
        client.type(randomSentence(20));
        await conn.readLine();
        await sendLineInTwo(conn, REPLY, 5);
        await client.expectOutput(REPLY, { help: WHOLE_LINE_HELP });
      });

      check.alone('a client that leaves without exit does not make the server busy-loop: it closes that connection and serves the next client', 1, async (t) => {
        const server = await t.startServer();
        const first = await t.connect(server);
        await exchange(first);
        first.end();
        const help = 'recv() returns b"" once the client has left, and keeps returning it: then stop reading, close that socket and go back to accept() (if not data: break)';
        await expectServerCloses(server, first, help);
        // Serving the next client is the server group's test: a server that then ends cleanly is fine here.
        const how = await expectServesOnOrEndsCleanly(server, async () => exchange(await t.connect(server), randomSentence(24), NEXT_CLIENT_HELP), { help });
        if (how === 'served') await expectNotSpinning(server, help);
      });

      check('a client that vanishes (connection reset) does not crash the server: it serves the next client, with no traceback', 1, async (t) => {
        const server = await t.startServer();
        const idle = server.threadCount() ?? 0;
        const first = await t.connect(server);
        await exchange(first);
        first.reset();
        // A thread that served the vanished client ends (with its traceback, if any) before the server is judged.
        await pollUntil(() => ((server.threadCount() ?? 0) <= idle ? true : undefined), 1000);
        const help = 'recv() raises ConnectionResetError when a client vanishes: catch it (except ConnectionError:), close that socket and serve the next client';
        // Serving the next client is the server group's test: a server that then ends cleanly is fine here.
        await expectServesOnOrEndsCleanly(server, async () => exchange(await t.connect(server), randomSentence(24), help), { help });
        server.expectNoTraceback(help);
      });

      check('the client ends cleanly when its input is closed (Ctrl+D), with code 0 and no busy loop', 1, async (t) => {
        const { client, conn } = await clientSession(t);
        await unprintedClientTurn(client, conn);
        client.closeInput();
        await expectCleanExit(client, 'input() raises EOFError on Ctrl+D (every time it is called again): catch it (except EOFError:), close the socket and end like exit');
      });

      check('the client ends without a traceback when the server closes the connection', 1, async (t) => {
        const { client, conn } = await clientSession(t);
        await unprintedClientTurn(client, conn);
        client.type(randomSentence(20));
        await conn.readLine();
        conn.end();
        const help = 'recv() returns b"" when the server has left: say so and end instead of asking input() again';
        try {
          await client.expectExit('any', { help });
        } finally {
          client.expectNoTraceback(help);
        }
      });
    });
  });
}
