// task4: a two-way chat over TCP. Turns alternate: the client speaks, the server answers,
// one line each. BYE (any letter case) from either side ends the chat: the sender sends
// it and closes, the receiver closes too, and both programs exit 0.
// The grader plays the other side: t.connect() is the client, t.listen() the server, and
// what a person would type goes into the program's stdin. End to end, it runs the
// student's client against the student's server and only types and reads their
// screens: the wire format between them is theirs, and so is who speaks first (the
// grader types at whichever program waits for its person). The newline framing the page
// asks for is checked once, in the robustness group.

import {
  type Connection,
  check,
  group,
  PAGE_NEWLINE_TEST,
  type ProgramUnderTest,
  quote,
  randomSentence,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  task,
  trimmedLine,
  trimmedLineAnyCase,
  whoSpeaksFirst,
} from '../harness/index.js';
import { expectCleanExit, expectEndsOrServesOn } from './lib/ends-or-serves-on.js';
import { serverListensCheck } from './lib/server-listens.js';
import { clientSession, serverSession, typedLineSent } from './lib/sessions.js';

const SEND_LINE_HELP = 'send what was typed with a newline at the end: sock.sendall((message + "\\n").encode())';
const FRAMING_HELP =
  'end every message with a newline, as the protocol page asks: sock.sendall((message + "\\n").encode()); without it a program that reads whole lines (another student\'s, or the grader) cannot tell where your message ends';
const WHOLE_LINE_HELP = 'TCP may deliver a line in pieces: keep calling recv() and adding to a buffer until it holds a "\\n", then take the line out of it';

/** The peer closes the connection; a BYE (any case, or the submission's own stop word) sent just before is fine. */
async function expectHangUp(t: TestContext, conn: Connection, help: string): Promise<void> {
  const rest = (await conn.readUntilClosed({ help })).toString('utf8').trim();
  if (rest !== '' && !t.stopWords.is(rest)) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `the ${conn.peer} closes the connection (sending BYE first is fine)`,
      actual: `it sent ${quote(rest)} before closing`,
      help,
    });
  }
}

/** After its chat the server ends cleanly or serves the next client: one that takes the next client's line. */
async function expectServerEndsOrServesOn(t: TestContext, server: ServerUnderTest, help: string): Promise<void> {
  await expectEndsOrServesOn(
    t,
    server,
    async () => {
      const text = randomSentence(20);
      const next = await t.connect(server);
      await next.sendLine(text);
      await server.expectOutput(text);
    },
    help,
  );
}

/** One turn against the server: the client's line is printed, the typed reply comes back. */
async function serverTurn(server: ServerUnderTest, conn: Connection): Promise<void> {
  const message = randomSentence(24);
  const reply = randomSentence(24);
  await conn.sendLine(message);
  await server.expectOutput(message, { help: 'print each line the client sends: print("Client:", message)' });
  server.type(reply);
  await conn.expectLine(trimmedLine(reply), { help: `the server sends what is typed at it after printing the client's line; ${SEND_LINE_HELP}` });
}

/**
 * One turn against the client, printing unjudged: the typed line is sent, the reply is
 * read (for the tests of how the client ends, whatever it prints).
 */
async function unprintedClientTurn(client: ProgramUnderTest, conn: Connection): Promise<void> {
  const message = randomSentence(24);
  await typedLineSent(client, conn, message, trimmedLine(message), randomSentence(24), `the client sends each line typed at it; ${SEND_LINE_HELP}`);
  await conn.waitUntilRead();
}

/** One turn against the client: the typed line is sent, the server's reply is printed. */
async function clientTurn(client: ProgramUnderTest, conn: Connection): Promise<void> {
  const message = randomSentence(24);
  const reply = randomSentence(24);
  await typedLineSent(client, conn, message, trimmedLine(message), reply, `the client sends each line typed at it; ${SEND_LINE_HELP}`);
  await client.expectOutput(reply, { help: 'print each line the server sends: print("Server:", reply)' });
}

type Speaker = 'client' | 'server';

interface Pair {
  server: ServerUnderTest;
  client: ProgramUnderTest;
  /** Who the chat lets speak first: its own choice, seen in which program waits for its person. */
  first: Speaker;
}

/** The student's server, the student's client pointed at it, and who of them speaks first (the page's client, when neither is seen waiting). */
async function startPair(t: TestContext): Promise<Pair> {
  const server = await t.startServer();
  const client = await t.startClient(server);
  const first = (await whoSpeaksFirst(server, client)) ?? 'client';
  if (first === 'server') t.transcript.add('grader', 'the server waits for its person and the client for the server: the server speaks first in this chat');
  return { server, client, first };
}

/** A line typed at one program shows on the other's screen. */
async function say(pair: Pair, from: Speaker, line = randomSentence(24)): Promise<void> {
  const [sender, receiver] = from === 'client' ? [pair.client, pair.server] : [pair.server, pair.client];
  sender.type(line);
  await receiver.expectOutput(line, {
    help: `a line typed at your ${from} must show on your ${receiver.role}'s screen: the ${from} sends it, the ${receiver.role} receives it whole and prints it`,
  });
}

/** One turn as the two people see it, in the chat's own order: each one's typed line shows on the other's screen. */
async function pairTurn(pair: Pair): Promise<void> {
  await say(pair, pair.first);
  await say(pair, pair.first === 'client' ? 'server' : 'client');
}

/** Until it is the client's person's turn: in a chat where the server speaks first, the server's person types a line. */
async function clientsTurn(pair: Pair): Promise<void> {
  if (pair.first === 'server') await say(pair, 'server');
}

/** After BYE both programs end their chat: the client exits with code 0 and no traceback, the server too, or it serves the next client. */
async function expectBothEnd(t: TestContext, server: ServerUnderTest, client: ProgramUnderTest, help: { server: string | (() => string); client: string }): Promise<void> {
  await expectCleanExit(client, help.client);
  await expectServerEndsOrServesOn(t, server, typeof help.server === 'string' ? help.server : help.server());
}

const SERVER_BYE_TEST = 'BYE typed at the server ends both programs with code 0';

/**
 * After the client's own word, typed at it: where the two programs end on different words
 * (learned from their source), they do not understand each other's last word, which is
 * charged once, in SERVER_BYE_TEST; here only the client's end is judged. Otherwise both end.
 */
async function expectEndAfterClientWord(t: TestContext, server: ServerUnderTest, client: ProgramUnderTest, help: { server: string | (() => string); client: string }): Promise<void> {
  const [clientWord, serverWord] = [t.stopWords.of('client'), t.stopWords.of('server')];
  if (clientWord.toLowerCase() === serverWord.toLowerCase()) return expectBothEnd(t, server, client, help);
  t.transcript.add('grader', `your client ends on ${clientWord} and your server on ${serverWord}: that is charged once, in "${SERVER_BYE_TEST}"; here only your client's end is judged`);
  await expectCleanExit(client, help.client);
}

/**
 * The server's hint once BYE was typed at the client: the server is blamed for not ending
 * only when it printed the BYE, the proof that it received it; otherwise nothing shows
 * the BYE ever reached it, and the hint names both possibilities. Where the two programs
 * end on different words (learned from their source), that is the cause, and neither is blamed alone.
 */
function serverHelpAfterClientBye(server: ServerUnderTest, ending: string, word = 'BYE', serverWord = word): () => string {
  return () => {
    if (serverWord.toLowerCase() !== word.toLowerCase()) {
      return `your client ends the chat with ${word}, but your server ends it on ${serverWord}: the two programs must end on the same word`;
    }
    const printed = server.unreadOutput();
    const lastWord = printed.split(/\r?\n/).some((line) => line.trim().toLowerCase().endsWith(word.toLowerCase()));
    if (lastWord) return `your server printed the ${word} it received but did not end: ${ending}`;
    return `your client ended, but your server never printed a ${word} and did not end: check that your client sends the ${word} before it closes, and that your server also ends when recv() returns b"" (the client has left)`;
  };
}

// A server that reads a message as one recv() gives it prints it at once: that shows it acted.
task('task4', { port: 54, stopWord: 'BYE', framingProbe: { message: 'hello', seen: 'print' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server prints what the client sends and sends back what is typed at it, for several turns', 3, async (t) => {
      const { server, conn } = await serverSession(t);
      for (let turn = 0; turn < 3; turn++) await serverTurn(server, conn);
    });

    check('the server closes the connection when the client sends BYE', 2, async (t) => {
      const { server, conn } = await serverSession(t);
      await serverTurn(server, conn);
      const bye = t.stopWords.of('server');
      await conn.sendLine(bye);
      await expectHangUp(t, conn, `when the line received is ${bye}, leave the chat loop and call conn.close(); do not wait for input() first`);
    });

    check('the server sends BYE typed at it, then closes the connection', 2, async (t) => {
      const { server, conn } = await serverSession(t);
      await serverTurn(server, conn);
      await conn.sendLine(randomSentence(20));
      const bye = t.stopWords.of('server');
      server.type(bye);
      await conn.expectLine(trimmedLineAnyCase(bye), { help: `send the ${bye} itself first: ${SEND_LINE_HELP}` });
      await expectHangUp(t, conn, `after sending ${bye}, leave the chat loop and call conn.close()`);
    });

    check('the server exits with code 0 once the chat has ended', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      await serverTurn(server, conn);
      const bye = t.stopWords.of('server');
      await conn.sendLine(bye);
      await expectHangUp(t, conn, `when the line received is ${bye}, call conn.close()`);
      await server.expectExit(0, { help: 'this server holds one chat: after it, close both sockets and let the program end (no while True around accept())' });
    });

    check('the server also ends the chat on "Bye" from the client (any letter case)', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      await serverTurn(server, conn);
      // The one test of the page's own word: every other test speaks the server's.
      await t.stopWords.gradePageWord('server', 'Bye', async (bye) => {
        await conn.sendLine(bye);
        await expectHangUp(t, conn, 'compare without case: if message.strip().upper() == "BYE":');
      });
    });
  });

  group('client', () => {
    check('the client sends what is typed at it and prints what the server answers, for several turns', 3, async (t) => {
      const { client, conn } = await clientSession(t);
      for (let turn = 0; turn < 3; turn++) await clientTurn(client, conn);
    });

    check('the client sends BYE typed at it, then closes and exits with code 0', 2, async (t) => {
      const { client, conn } = await clientSession(t);
      await clientTurn(client, conn);
      const bye = t.stopWords.of('client');
      client.type(bye);
      await conn.expectLine(trimmedLineAnyCase(bye), { help: `send the ${bye} itself first: ${SEND_LINE_HELP}` });
      await expectHangUp(t, conn, `after sending ${bye}, leave the chat loop and call sock.close()`);
      await client.expectExit(0, { help: `after ${bye}, close the socket and let the program end` });
    });

    check('the client exits with code 0 when the server sends BYE', 2, async (t) => {
      const { client, conn } = await clientSession(t);
      await clientTurn(client, conn);
      client.type(randomSentence(20));
      await conn.readLine();
      const bye = t.stopWords.of('client');
      await conn.sendLine(bye);
      await client.expectExit(0, {
        help: `check every line the server sends too: when it is ${bye}, close the socket and leave the loop instead of asking for input() again`,
      });
    });

    check('the client also ends the chat when "bye" is typed at it (any letter case)', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      await clientTurn(client, conn);
      const bye = t.stopWords.of('client', 'bye');
      client.type(bye);
      await conn.expectLine(trimmedLineAnyCase(bye), { help: SEND_LINE_HELP });
      await expectHangUp(t, conn, 'compare without case: if message.strip().upper() == "BYE":');
      await client.expectExit(0, { help: 'compare without case: if message.strip().upper() == "BYE":' });
    });
  });

  group('end-to-end', () => {
    check('lines typed at the client are printed by the server, and lines typed at the server by the client, for several turns', 3, async (t) => {
      const pair = await startPair(t);
      for (let turn = 0; turn < 3; turn++) await pairTurn(pair);
    });

    check('BYE typed at the client ends both programs with code 0', 2, async (t) => {
      const pair = await startPair(t);
      const { server, client } = pair;
      await pairTurn(pair);
      await clientsTurn(pair);
      const bye = t.stopWords.of('client');
      client.type(bye);
      await expectEndAfterClientWord(t, server, client, {
        client: `after sending ${bye}, close the socket and let the program end`,
        server: serverHelpAfterClientBye(server, `when the message received is ${bye}, close the connection and end: do not ask input() again`, bye, t.stopWords.of('server')),
      });
    });

    check(SERVER_BYE_TEST, 2, async (t) => {
      const pair = await startPair(t);
      const { server, client } = pair;
      // The server's person types BYE on their turn: after the client's first line, or at once where the server speaks first.
      if (pair.first === 'client') await say(pair, 'client', randomSentence(20));
      const bye = t.stopWords.of('server');
      const clientWord = t.stopWords.of('client');
      server.type(bye);
      await expectBothEnd(t, server, client, {
        client:
          clientWord.toLowerCase() === bye.toLowerCase()
            ? `check every message the server sends too: when it is ${bye}, close the socket and end instead of asking input() again`
            : `your server ends the chat with ${bye}, but your client ends it on ${clientWord}: the two programs must end on the same word`,
        server: `after sending ${bye}, close the connection and let the program end`,
      });
    });

    check('"bye" in lowercase, typed at the client, ends both programs too', 1, async (t) => {
      const pair = await startPair(t);
      const { server, client } = pair;
      await pairTurn(pair);
      await clientsTurn(pair);
      const bye = t.stopWords.of('client', 'bye');
      client.type(bye);
      const help = 'compare without case, on both sides: if message.strip().upper() == "BYE":';
      await expectEndAfterClientWord(t, server, client, { client: help, server: serverHelpAfterClientBye(server, help, bye, t.stopWords.of('server')) });
    });
  });

  group('robustness', () => {
    check('the server ends each message it sends with a newline', 1, async (t) => {
      if (await t.newlineChargedElsewhere()) return;
      const { server, conn } = await serverSession(t);
      const message = randomSentence(24);
      const reply = randomSentence(24);
      await conn.sendLine(message);
      await server.expectOutput(message);
      server.type(reply);
      await conn.expectLine(trimmedLine(reply), { requireNewline: true, help: FRAMING_HELP });
    });

    check('the client ends each message it sends with a newline', 1, async (t) => {
      const { conn, client } = await clientSession(t);
      const message = randomSentence(24);
      client.type(message);
      await conn.expectLine(trimmedLine(message), { requireNewline: true, help: FRAMING_HELP });
    });

    check(PAGE_NEWLINE_TEST, 1, async (t) => {
      await t.expectServerWaitsForNewline();
    });

    check('the server reads a whole line that arrives in two pieces', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      const message = randomSentence(30);
      // To a server that reads without a newline the pieces go whole (the page's newline is charged once).
      await conn.sendLinePiece(message.slice(0, 7));
      await conn.waitUntilRead();
      await conn.sendLine(message.slice(7));
      await server.expectOutput(message, { help: WHOLE_LINE_HELP });
    });

    check('the client prints a whole reply that arrives in two pieces', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      const reply = randomSentence(30);
      client.type(randomSentence(20));
      await conn.readLine();
      // To a client that reads without a newline the pieces go whole (the page's newline is charged once).
      await conn.sendLinePiece(reply.slice(0, 7));
      await conn.waitUntilRead();
      await conn.sendLine(reply.slice(7));
      await client.expectOutput(reply, { help: WHOLE_LINE_HELP });
    });

    check('the server ends cleanly when the client leaves without BYE', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      await serverTurn(server, conn);
      conn.end();
      await expectServerEndsOrServesOn(t, server, 'recv() returns b"" when the client has left: then stop the chat instead of asking for input()');
    });

    check('the server ends without a traceback when the client resets the connection', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      await serverTurn(server, conn);
      conn.reset();
      const help = 'recv() raises ConnectionResetError when the client vanishes: catch it (except ConnectionError:) and end the chat';
      await expectServerEndsOrServesOn(t, server, help);
      server.expectNoTraceback(help);
    });

    check('the server ends cleanly when its input is closed (Ctrl+D)', 1, async (t) => {
      const { server, conn } = await serverSession(t);
      await conn.sendLine(randomSentence(20));
      server.closeInput();
      const help = 'input() raises EOFError on Ctrl+D: catch it (except EOFError:), close the connection and end like BYE';
      await expectHangUp(t, conn, help);
      await expectServerEndsOrServesOn(t, server, help);
    });

    check('the client ends cleanly when the server leaves without BYE', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      await unprintedClientTurn(client, conn);
      client.type(randomSentence(20));
      await conn.readLine();
      conn.end();
      await expectCleanExit(client, 'recv() returns b"" when the server has left: then stop the chat instead of asking for input()');
    });

    check('the client ends without a traceback when the server resets the connection', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      client.type(randomSentence(20));
      await conn.readLine();
      conn.reset();
      const help = 'recv() raises ConnectionResetError when the server vanishes: catch it (except ConnectionError:) and end the chat';
      await expectCleanExit(client, help);
    });

    check('the client ends cleanly when its input is closed (Ctrl+D)', 1, async (t) => {
      const { client, conn } = await clientSession(t);
      await unprintedClientTurn(client, conn);
      client.closeInput();
      const help = 'input() raises EOFError on Ctrl+D: catch it (except EOFError:), close the socket and end like BYE';
      await expectHangUp(t, conn, help);
      await expectCleanExit(client, help);
    });
  });
});
