// ack-v2: the improved echo of seed 004. The server answers every line with
// "Server received: <line>"; after "bye" (any case) it answers, then closes the
// connection itself (first), and waits for the next client: it serves clients one after
// another until stopped, and with SO_REUSEADDR it can be restarted at once. The client
// sends each line typed at it and prints the answer; "quit" or "exit" end it, "bye" is
// sent and then ends it, and so do the end of its input (Ctrl+D) and Ctrl+C (SIGINT):
// always with code 0 and no traceback.
// The grader plays the other side: t.connect() is the client, t.listen() the server.

import { readFileSync } from 'node:fs';
import {
  type Connection,
  check,
  expectServesOnOrEndsCleanly,
  group,
  type ProgramUnderTest,
  pollUntil,
  quote,
  randomSentence,
  type ServerUnderTest,
  SkipTest,
  StudentFailure,
  type TestContext,
  type TextPattern,
  task,
  textPattern,
} from '../harness/index.js';
import { expectCleanExit } from './lib/ends-or-serves-on.js';
import { newlineChecks } from './lib/newline-checks.js';
import { expectAnswerToWhole, sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { untilAllThreadsWait } from './lib/server-threads.js';
import { clientSession, expectServerCloses, serverSession, typedLineSent } from './lib/sessions.js';

const PORT = 65432;
const PREFIX = 'Server received: ';
const answerTo = (message: string): string => `${PREFIX}${message}`;

const ANSWER_HELP = 'answer every line with the prefix: conn.sendall(("Server received: " + message + "\\n").encode())';
const SEND_LINE_HELP = 'send each typed line with a newline at the end: sock.sendall((message + "\\n").encode())';
const FRAMING_HELP =
  'end every message with a newline, as the protocol page asks: sendall((text + "\\n").encode()); without it a program that reads whole lines (another student\'s, or the grader) cannot tell where a message ends';
const WHOLE_LINE_HELP = 'TCP may deliver a line in pieces: keep a buffer, add what recv() returns, and take out one line per "\\n" found';
const BYE_HELP = 'when the message is bye (message.strip().lower() == "bye"), answer it, then conn.close() that client and go back to accept()';
const NEXT_CLIENT_HELP = 'put accept() in a loop: after one client is done (bye, or recv() returned b""), close its socket and accept() the next';

/** An answer to `message` in any words: it holds the message. */
const holding = (message: string): TextPattern => textPattern(`an answer holding ${quote(message)} (the page's is ${quote(answerTo(message))})`, (line) => line.includes(message));

/**
 * The next line must answer `message`: with the page's prefix when `exact`, else in any
 * words that hold the message (the prefix is one test's, not every test's).
 */
async function expectAnswer(conn: Connection, message: string, help: string, requireNewline = false, exact = false): Promise<void> {
  await conn.expectLine(exact ? answerTo(message) : holding(message), { help, requireNewline });
}

/** The grader's connection sends `message` and expects its answer (with the page's prefix when `exact`). */
async function exchange(conn: Connection, message = randomSentence(24), help = ANSWER_HELP, exact = false): Promise<void> {
  await conn.sendLine(message);
  await expectAnswer(conn, message, help, false, exact);
}

/** The server closes the connection; its answer to bye (or to the server's own stop word) just before is fine. */
async function expectClosedAfterBye(t: TestContext, conn: Connection, help: string): Promise<void> {
  const rest = (await conn.readUntilClosed({ help })).toString('utf8').trim();
  if (rest !== '' && !rest.split(/\r?\n/).every((l) => t.stopWords.is(l.trim().replace(PREFIX.trim(), '')))) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `${quote(answerTo(t.stopWords.of('server')))} (or nothing), then the server closes the connection`,
      actual: `it sent ${quote(rest)} before closing`,
      help,
    });
  }
}

/** One turn against the client: the typed line is sent, its answer is printed. */
async function clientTurn(client: ProgramUnderTest, conn: Connection, message = randomSentence(24)): Promise<void> {
  await typedLineSent(client, conn, message, message, answerTo(message), `the client sends each line typed at it; ${SEND_LINE_HELP}`);
  await client.expectOutput(answerTo(message), { help: 'print the answer the server sends: print(reply)' });
}

/**
 * A turn at the client, the answer read and the client waiting again (at its prompt):
 * what it prints is the client group's test, never a condition of the tests of its end.
 */
async function unprintedClientTurn(client: ProgramUnderTest, conn: Connection): Promise<void> {
  const message = randomSentence(24);
  await typedLineSent(client, conn, message, message, answerTo(message), `the client sends each line typed at it; ${SEND_LINE_HELP}`);
  await conn.waitUntilRead();
  await untilAllThreadsWait(client);
}

/** A quit word typed at the client ends it with code 0 (sending the word first is allowed). */
async function expectQuitWordEnds(client: ProgramUnderTest, conn: Connection, word: string): Promise<void> {
  client.type(word);
  // A client that sends the word anyway still gets its answer, as from a real server.
  void conn
    .readLine({ within: 1000 })
    .then((line) => conn.sendLine(answerTo(line)))
    .catch(() => undefined);
  await expectCleanExit(client, `"${word}" ends the client: if message.strip().lower() in ("quit", "exit"): close the socket and leave the loop`);
}

const PAIR_HELP =
  'a line typed at your client must come back on its screen in the server\'s answer (the page\'s is "Server received: <line>"): the client sends the line, the server receives it whole and answers it, the client prints the answer';

/** One message as the person at the client sees it: the server's answer holds it, in the pair's own words. */
async function pairTurn(client: ProgramUnderTest): Promise<void> {
  const message = randomSentence(24);
  client.type(message);
  await client.expectOutput(message, { help: PAIR_HELP });
}

/** True once the network of `netPid` holds a TIME_WAIT connection on the task's port. */
function timeWaitOnPort(netPid: number): true | undefined {
  for (const table of ['tcp', 'tcp6']) {
    let text = '';
    try {
      text = readFileSync(`/proc/${netPid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const row of text.split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      if (cols.length < 4) continue;
      const localPort = parseInt(cols[1].split(':')[1] ?? '', 16);
      if (localPort === PORT && cols[3] === '06') return true;
    }
  }
  return undefined;
}

task('ack-v2', { port: PORT, stopWord: 'bye', clientStopWords: ['quit', 'exit'], framingProbe: { message: 'hello' } }, () => {
  group('server', () => {
    serverListensCheck();

    check(`the server answers each message with "${PREFIX}" and the message, for several messages on one connection`, 3, async (t) => {
      const { conn } = await serverSession(t);
      for (let i = 0; i < 3; i++) await exchange(conn, randomSentence(24), ANSWER_HELP, true);
    });

    check('the server prints each message it receives', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const message = randomSentence(30);
      await exchange(conn, message);
      await server.expectOutput(message, { help: 'print each message received: print("Received:", message)' });
    });

    check('the server closes the connection after the client sends bye', 2, async (t) => {
      const { conn } = await serverSession(t);
      await exchange(conn);
      await conn.sendLine(t.stopWords.of('server'));
      await expectClosedAfterBye(t, conn, BYE_HELP);
    });

    check('the server also ends the session on "BYE" (any letter case)', 1, async (t) => {
      const { conn } = await serverSession(t);
      await exchange(conn);
      // The one test of the page's own word: every other test speaks the server's.
      await t.stopWords.gradePageWord('server', 'BYE', async (bye) => {
        await conn.sendLine(bye);
        await expectClosedAfterBye(t, conn, 'compare without case: if message.strip().lower() == "bye":');
      });
    });

    check('after a client says bye, the server serves the next client', 1, async (t) => {
      const server = await t.startServer();
      const first = await t.connect(server);
      await exchange(first);
      await first.sendLine(t.stopWords.of('server'));
      await expectClosedAfterBye(t, first, BYE_HELP);
      const second = await t.connect(server);
      await exchange(second, randomSentence(24), NEXT_CLIENT_HELP);
    });
  });

  group('client', () => {
    check("the client sends each line typed at it and prints the server's answer, for several messages", 3, async (t) => {
      const { client, conn } = await clientSession(t);
      for (let i = 0; i < 3; i++) await clientTurn(client, conn);
    });

    check('the client sends bye typed at it, then exits with code 0', 2, async (t) => {
      const { client, conn } = await clientSession(t);
      await clientTurn(client, conn);
      const bye = t.stopWords.of('client');
      await typedLineSent(client, conn, bye, bye, answerTo(bye), `${bye} is sent to the server, so it knows you leave; ${SEND_LINE_HELP}`);
      conn.end();
      await expectCleanExit(client, `after sending ${bye} (and reading its answer), close the socket and leave the loop: the program ends`);
    });

    check('the client exits with code 0 when quit is typed at it', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      await clientTurn(client, conn);
      // The page's words at the client: charged here only where the server was not (one charge a task).
      await t.stopWords.gradePageWord('client', 'quit', (quit) => expectQuitWordEnds(client, conn, quit));
    });

    check('the client exits with code 0 when exit is typed at it', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      await clientTurn(client, conn);
      await expectQuitWordEnds(client, conn, t.stopWords.of('client', 'exit'));
    });
  });

  group('end-to-end', () => {
    check("each line typed at the client comes back on its screen in the server's answer", 3, async (t) => {
      const server = await t.startServer();
      const client = await t.startClient(server);
      for (let i = 0; i < 3; i++) await pairTurn(client);
    });

    check('bye typed at the client ends it with code 0, and the server then serves the client run again', 2, async (t) => {
      const server = await t.startServer();
      for (let run = 0; run < 2; run++) {
        const client = await t.startClient(server);
        await pairTurn(client);
        const bye = t.stopWords.of('client');
        client.type(bye);
        await expectCleanExit(client, run === 0 ? `after ${bye}, close the socket and let the client end` : NEXT_CLIENT_HELP);
      }
    });

    check('quit typed at the client ends it with code 0, and the server then serves the client run again', 1, async (t) => {
      const server = await t.startServer();
      for (let run = 0; run < 2; run++) {
        const client = await t.startClient(server);
        await pairTurn(client);
        client.type(t.stopWords.of('client', 'quit'));
        await expectCleanExit(
          client,
          run === 0 ? 'quit ends the client: close the socket and leave the loop' : `a client that leaves without bye: recv() returns b"" on the server; ${NEXT_CLIENT_HELP}`,
        );
      }
    });
  });

  group('robustness', () => {
    newlineChecks('the server ends each answer with a newline', async (conn) => {
      const message = randomSentence(24);
      await conn.sendLine(message);
      await expectAnswer(conn, message, FRAMING_HELP, true);
    });

    check('the client ends each message it sends with a newline', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      const message = randomSentence(24);
      client.type(message);
      await conn.expectLine(message, { requireNewline: true, help: FRAMING_HELP });
    });

    check('the server answers a message that arrives in two pieces once, whole', 1, async (t) => {
      const { conn } = await serverSession(t);
      const message = randomSentence(30);
      await sendLineInTwo(conn, message, 7);
      await expectAnswerToWhole(conn, { holds: message, what: `the whole message ${quote(message)}`, sent: [message.slice(0, 7), `${message.slice(7)}\n`] }, WHOLE_LINE_HELP);
    });

    check('the client ends cleanly when its input is closed (Ctrl+D), with code 0, no traceback and no busy loop', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      await unprintedClientTurn(client, conn);
      client.closeInput();
      await expectCleanExit(client, 'input() raises EOFError on Ctrl+D (every time it is called again): catch it (except EOFError:), close the socket and end');
    });

    check('the client ends cleanly on Ctrl+C (SIGINT) at its prompt, with code 0 and no traceback', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      await unprintedClientTurn(client, conn);
      client.signal('SIGINT');
      await expectCleanExit(client, 'Ctrl+C raises KeyboardInterrupt wherever the program waits: catch it (except KeyboardInterrupt:), close the socket and end with code 0');
    });

    check.alone('a client that leaves without bye does not make the server busy-loop: it closes that connection and serves the next client', 1, async (t) => {
      const server = await t.startServer();
      const first = await t.connect(server);
      await exchange(first);
      first.end();
      const help = 'recv() returns b"" once the client has left, and keeps returning it: then stop reading, close that socket and go back to accept() (if not data: break)';
      await expectServerCloses(server, first, help);
      // Serving the next client is the server group's test: a server that ends cleanly after its client is fine here.
      const how = await expectServesOnOrEndsCleanly(server, async () => exchange(await t.connect(server), randomSentence(24), NEXT_CLIENT_HELP), { help });
      if (how === 'served' && (await server.isSpinning())) {
        throw new StudentFailure({ expected: 'the server waits quietly for its next message', actual: 'it keeps using the CPU all the time: a busy loop', help });
      }
    });

    check('a client that vanishes (connection reset) does not crash the server: it serves the next client, with no traceback', 1, async (t) => {
      const server = await t.startServer();
      const first = await t.connect(server);
      await exchange(first);
      first.reset();
      const help = 'recv() raises ConnectionResetError when a client vanishes: catch it (except ConnectionError:), close that socket and serve the next client';
      // Serving the next client is the server group's test: a server that ends cleanly is fine here.
      await expectServesOnOrEndsCleanly(server, async () => exchange(await t.connect(server), randomSentence(24), help), { help });
      server.expectNoTraceback(help);
    });

    // Last of all: a server that cannot start again here is not started again by later tests.
    check('stopped right after serving a client and started again at once, the server listens again on the same port (SO_REUSEADDR)', 2, async (t) => {
      if ((await t.net()).mode === 'none') throw new SkipTest('this machine gives the grader no network of its own, so a restart cannot use the same port');
      const { server, conn } = await serverSession(t);
      await exchange(conn);
      await conn.sendLine(t.stopWords.of('server'));
      let closedAfterBye = true;
      try {
        await expectClosedAfterBye(t, conn, `${BYE_HELP}: the server closes first, which leaves the port in TIME_WAIT for a minute`);
      } catch (e) {
        if (!(e instanceof StudentFailure)) throw e;
        // Closing after bye is the server group's test: stopping the server closes its end first all the same.
        closedAfterBye = false;
        conn.note('the server did not close after bye: the grader stops it, which closes its end of the connection first');
        await server.kill();
      }
      conn.destroy();
      // The server closed first: its end of the connection now waits in TIME_WAIT on the port.
      const timeWait = await pollUntil(() => timeWaitOnPort(conn.netPid), 3000);
      conn.note(`${timeWait ? "the server's end of the connection is in TIME_WAIT" : 'no TIME_WAIT seen on the port'}; the grader stops the server and starts it again`);
      if (closedAfterBye) await server.kill();
      let again: ServerUnderTest;
      try {
        again = await t.startServer();
      } catch (e) {
        if (!(e instanceof StudentFailure)) throw e;
        throw new StudentFailure({
          expected: `the restarted server listens on port ${PORT} again at once`,
          actual: e.details.actual,
          help: 'a port whose last connection the server closed stays taken (TIME_WAIT) for a minute unless the socket allows reuse: sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) before bind()',
        });
      }
      await exchange(await t.connect(again));
    });
  });
});
