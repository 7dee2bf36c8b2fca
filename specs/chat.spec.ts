// chat: a chat room. A client's first line is its person's name; every later line is a
// message, which the server sends to everyone else (not back to the sender) as
// "name: text". The others are told "* name joined" and "* name left". The client prints
// every line that arrives, even while its person is not typing, and ends at the end of
// its input.
// The grader's own connections join one after another and wait until the people already
// there have been told of each newcomer: then everyone is in the room and no wait is a
// guess. End to end, only what the people at the clients see counts (the wire format
// between the programs is theirs); the newline framing is checked in robustness.

import {
  type Connection,
  check,
  END_OF_INPUT,
  group,
  PAGE_NEWLINE_TEST,
  type ProgramUnderTest,
  pollUntil,
  quote,
  randomSentence,
  randomWord,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  type TextPattern,
  task,
  textPattern,
  trimmedLine,
} from '../harness/index.js';
import { serverListensCheck } from './lib/server-listens.js';
import { untilAllThreadsWait } from './lib/server-threads.js';
import { silentClient } from './lib/sessions.js';

const THREAD_HELP =
  "serve each person in a thread of their own: the thread reads the name, adds the connection to a shared list, then loops reading that person's lines and sending each one to every other connection in the list";
const LEAVE_HELP = 'when recv() returns b"" or raises ConnectionResetError the person has left: leave the loop, remove the connection from the list, close it, and tell the others "* name left"';
const CLIENT_THREAD_HELP =
  'receive in a thread of its own (threading.Thread(target=receive, daemon=True)) that prints every line as it arrives, while the main thread waits in input(): a client that only reads after input() shows nothing until its person types';
const WHOLE_LINE_HELP = 'one recv() may hold part of a line, or several lines: keep a buffer and take out one whole line (up to "\\n") at a time';

/** People's names: a capital and lowercase letters, different in every test. */
function names(count: number): string[] {
  const taken = new Set<string>();
  while (taken.size < count) {
    const w = randomWord(6);
    taken.add(w[0].toUpperCase() + w.slice(1));
  }
  return [...taken];
}

/** A message a person types: words and punctuation, no colon, never a notice word. */
function message(): string {
  return `${randomSentence(28).replace(/:/g, ';')} #${randomWord(4)}`;
}

const hasWord = (line: string, word: string): boolean => new RegExp(`(^|[^A-Za-z0-9_])${word}([^A-Za-z0-9_]|$)`).test(line);
const JOINED = /join/i;
const LEFT = /\b(left|leaves|leaving|quit|disconnected|gone|exit(ed)?)\b/i;
/** Lines a server may send besides messages: notices and greetings, passed over when waiting for a message. */
const NOTICE = /join|welcome|\bleft\b|\bleaves\b|\bquit\b|disconnected|\bgone\b|\bexit(ed)?\b/i;

const isJoin = (line: string, name: string): boolean => hasWord(line, name) && JOINED.test(line);
const isLeave = (line: string, name: string): boolean => hasWord(line, name) && LEFT.test(line);
const isMessage = (line: string, name: string, text: string): boolean => line.includes(text) && hasWord(line, name);
/** "Carol: " with nothing after it: what a server spinning on b"" sends in a storm. */
const isEmptyMessage = (line: string): boolean => /^\s*\S*\s*:?\s*$/.test(line) && !NOTICE.test(line);

interface Person {
  name: string;
  conn: Connection;
}

/**
 * Reads lines on `conn` until one passes `wanted`, passing over notices (and the lines
 * `alsoAllowed` accepts); any other line fails, with what it was.
 */
async function expectOnConn(who: Person, wanted: (line: string) => boolean, expected: string, help: string, alsoAllowed: (line: string) => boolean = () => false): Promise<string> {
  for (;;) {
    let line: string;
    try {
      line = await who.conn.readLine();
    } catch (e) {
      if (!(e instanceof StudentFailure)) throw e;
      throw new StudentFailure({ expected: `${who.name} gets ${expected}`, actual: e.details.actual, help });
    }
    if (wanted(line)) return line;
    if (NOTICE.test(line) || alsoAllowed(line)) continue;
    throw new StudentFailure({
      expected: `${who.name} gets ${expected}`,
      actual: isEmptyMessage(line) ? `${who.name} got an empty message, ${quote(line)}` : `${who.name} got ${quote(line)}`,
      help: isEmptyMessage(line) ? `a server that keeps reading a closed connection gets b"" again and again: ${LEAVE_HELP}` : help,
    });
  }
}

/**
 * The grader's people join one after another; each newcomer is announced to everyone
 * already there before the next one comes (so all are in the room once this returns).
 * Only the test of join notices (`byName`) asks that the notice name the newcomer;
 * elsewhere any join notice will do, so a notice without the name costs that test alone.
 */
async function joinRoom(t: TestContext, server: ServerUnderTest, who: string[], byName = false): Promise<Person[]> {
  const people: Person[] = [];
  for (const name of who) {
    const conn = await t.connect(server);
    await conn.sendLine(name);
    // The name read and the newcomer in the room (its thread back to waiting) before the
    // next one joins: else a busy machine lets the next join reach the room first.
    await conn.waitUntilRead();
    await untilAllThreadsWait(server);
    for (const earlier of people) {
      await expectOnConn(
        earlier,
        (l) => isJoin(l, name) || (!byName && JOINED.test(l) && !hasWord(l, earlier.name)),
        `the notice that ${name} joined (e.g. "* ${name} joined")`,
        `after reading the newcomer's first line (the name), send "* ${name} joined\\n" to everyone else; ${THREAD_HELP}`,
      );
    }
    people.push({ name, conn });
  }
  return people;
}

/**
 * `from` sends a message; every one of `to` gets it, with the sender's name (or, where
 * `byName` is false, a robustness probe, its text alone: a wrong name is the server
 * group's charge).
 */
async function sendAndExpect(from: Person, to: Person[], help = THREAD_HELP, byName = true): Promise<string> {
  const text = message();
  await from.conn.sendLine(text);
  for (const other of to) {
    await expectOnConn(other, (l) => (byName ? isMessage(l, from.name, text) : l.includes(text)), `${from.name}'s message, ${quote(`${from.name}: ${text}`)}`, help);
  }
  return text;
}

/** The student's client pointed at the grader, its name typed and received. */
async function clientInRoom(t: TestContext): Promise<{ client: ProgramUnderTest; conn: Connection; name: string }> {
  const fake = await t.listen();
  const client = await t.startClient(fake);
  const conn = await fake.accept({ from: client });
  const [name] = names(1);
  client.type(name);
  await conn.expectLine(trimmedLine(name), { help: 'the first line typed is the name: send it first, sock.sendall((name + "\\n").encode())' });
  return { client, conn, name };
}

/** A line printed that tells `name` joined. */
const joinedRe = (name: string): RegExp => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$).*join|join.*(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`, 'im');

/**
 * The student's clients, started one after another against the student's server. Two
 * clients are both in the room once one of them has printed that the other joined (the
 * one that connected first sees the other arrive): that is waited for, pair by pair,
 * before the next client starts.
 */
async function ownClientsInRoom(t: TestContext, server: ServerUnderTest, who: string[]): Promise<ProgramUnderTest[]> {
  const clients: ProgramUnderTest[] = [];
  for (const name of who) {
    const client = await t.startClient(server);
    client.type(name);
    for (const [i, earlier] of clients.entries()) {
      const seen = await pollUntil(() => (joinedRe(name).test(earlier.printedOn('stdout')) || joinedRe(who[i]).test(client.printedOn('stdout')) ? true : undefined), t.deadlines.reply);
      if (!seen) {
        throw new StudentFailure({
          expected: `${who[i]}'s client prints that ${name} joined (e.g. "* ${name} joined"), or the other way round`,
          actual: `${who[i]}'s client printed ${quote(earlier.printedOn('stdout').trim() || 'nothing')}; ${name}'s client printed ${quote(client.printedOn('stdout').trim() || 'nothing')}`,
          help: `when someone joins, everyone already in the room must see it on their screen: your server tells the others, and your client prints what arrives, even while its person is not typing`,
        });
      }
    }
    clients.push(client);
  }
  return clients;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nameAndText = (name: string, text: string): TextPattern => textPattern(`a line with ${quote(name)} and then ${quote(text)}`, new RegExp(`${name}.*${escapeRegExp(text)}`));

/** A line printed that tells `name` left. */
const leftLine = (name: string): TextPattern => textPattern(`a line with ${quote(name)} and then a word such as "left", "quit" or "disconnected"`, new RegExp(`${name}.*${LEFT.source}`, 'i'));

// A server that reads a name as one recv() gives it prints that the person joined: that shows it acted.
task('chat', { port: 5003, stopWord: END_OF_INPUT, framingProbe: { message: 'Alice', seen: 'print', another: ['Bob', 'hi'] } }, () => {
  group('server', () => {
    serverListensCheck();

    check('when a person joins, everyone already there is told their name ("* Bob joined")', 2, async (t) => {
      const server = await t.startServer();
      await joinRoom(t, server, names(3), true);
    });

    check("a message from one of three people reaches the two others, with the sender's name", 3, async (t) => {
      const server = await t.startServer();
      const [a, b, c] = await joinRoom(t, server, names(3));
      await sendAndExpect(a, [b, c], `send "${a.name}: <text>\\n" to every other connection; keep each person's name in their own thread (a local variable), not in one global variable`);
      await sendAndExpect(c, [a, b]);
    });

    check('the sender does not get its own message back', 2, async (t) => {
      const server = await t.startServer();
      const [a, b, c] = await joinRoom(t, server, names(3));
      const mine = await sendAndExpect(a, [b, c]);
      // a's next line must be b's message: a copy of its own would come first.
      const text = message();
      await b.conn.sendLine(text);
      await expectOnConn(
        a,
        (l) => isMessage(l, b.name, text),
        `${b.name}'s message, and not its own ${quote(mine)} back`,
        "send a message to every connection except the sender's: if other is not conn: other.sendall(...)",
      );
    });

    check('when a person leaves, the others are told ("* Carol left")', 2, async (t) => {
      const server = await t.startServer();
      const [a, b, c] = await joinRoom(t, server, names(3));
      c.conn.end();
      for (const other of [a, b]) await expectOnConn(other, (l) => isLeave(l, c.name), `the notice that ${c.name} left (e.g. "* ${c.name} left")`, LEAVE_HELP);
    });

    check("when a person's connection breaks, the others are told they left, and the room keeps working: each message arrives once, no empty messages", 3, async (t) => {
      const server = await t.startServer();
      const [a, b, c] = await joinRoom(t, server, names(3));
      const half = randomWord(4);
      await c.conn.send(half); // half a line, read by the server, then the connection breaks
      await c.conn.waitUntilRead();
      c.conn.reset();
      // A server that reads with one recv() sends the half line on as c's message: that is
      // its robustness bug (a message in pieces), charged there, not here.
      const halfSentOn = (l: string): boolean => isMessage(l, c.name, half);
      await expectOnConn(b, (l) => isLeave(l, c.name), `the notice that ${c.name} left`, LEAVE_HELP, halfSentOn);
      const help = `a broken connection must be removed from the list: sending to it raises an error that stops the sender's thread; ${LEAVE_HELP}`;
      // Two messages in a row: each must arrive once, and the second proves the first did not stop a thread.
      for (let i = 0; i < 2; i++) {
        const text = message();
        await a.conn.sendLine(text);
        await expectOnConn(
          b,
          (l) => isMessage(l, a.name, text),
          `${a.name}'s message ${quote(`${a.name}: ${text}`)}`,
          help,
          (l) => isLeave(l, c.name) || halfSentOn(l),
        );
      }
    });
  });

  group('client', () => {
    check('the client sends the first line typed as the name, then each line typed as a message', 2, async (t) => {
      const { client, conn } = await clientInRoom(t);
      for (let i = 0; i < 2; i++) {
        const text = message();
        client.type(text);
        await conn.expectLine(trimmedLine(text), { help: 'send each line typed, as it is: sock.sendall((text + "\\n").encode())' });
      }
    });

    check('the client prints a message that arrives while its person is not typing', 3, async (t) => {
      const { client, conn } = await clientInRoom(t);
      const [other] = names(1);
      const text = message();
      await conn.sendLine(`${other}: ${text}`);
      await client.expectOutput(nameAndText(other, text), { help: CLIENT_THREAD_HELP });
      await conn.sendLine(`* ${names(1)[0]} joined`);
      await client.expectOutput('joined', { help: CLIENT_THREAD_HELP });
    });

    check('the client prints several lines that arrive together, each one', 1, async (t) => {
      const { client, conn } = await clientInRoom(t);
      const [b, c] = names(2);
      const lines = [`* ${c} joined`, `${b}: ${message()}`, `${c}: ${message()}`];
      await conn.send(`${lines.join('\n')}\n`);
      for (const line of lines) await client.expectOutput(line, { help: CLIENT_THREAD_HELP });
    });

    check('the client closes the connection and exits with code 0 when its input ends', 2, async (t) => {
      const { client, conn } = await clientInRoom(t);
      // The one test of the page's end of input: every other test types the client's own stop word first, where it has one.
      await t.stopWords.gradePageWord('client', END_OF_INPUT, async () => {
        client.closeInput();
        await conn.readUntilClosed({ help: 'at the end of the input (input() raises EOFError) close the socket' });
        await client.expectExit(0, { help: 'catch EOFError around input(), close the socket and end; make the receiving thread a daemon (daemon=True) so it does not keep the program alive' });
        client.expectNoTraceback('catch EOFError around input(): the end of the input is how the person leaves');
      });
    });
  });

  group('end-to-end', () => {
    check("three of your clients: a line typed at one is printed by the two others, with its sender's name", 3, async (t) => {
      const server = await t.startServer();
      const who = names(3);
      const clients = await ownClientsInRoom(t, server, who);
      for (const from of [0, 2]) {
        const text = message();
        clients[from].type(text);
        for (const [i, other] of clients.entries()) {
          if (i === from) continue;
          await other.expectOutput(nameAndText(who[from], text), {
            help: `a line typed at ${who[from]}'s client must show on the others' screens, with ${who[from]}'s name: the server sends it to every other client, each client prints what arrives (in its receiving thread)`,
          });
        }
      }
    });

    check('when one of your clients ends (Ctrl+D), the others print that that person left', 2, async (t) => {
      const server = await t.startServer();
      const who = names(3);
      const clients = await ownClientsInRoom(t, server, who);
      // What the others see is judged here; how the client itself ends (exit code 0, no
      // EOFError traceback) is the client group's test.
      t.stopWords.endInput(clients[2]);
      for (const other of clients.slice(0, 2)) {
        await other.expectOutput(leftLine(who[2]), {
          help: `the others must see that ${who[2]} left (e.g. "* ${who[2]} left"): at the end of its input your client closes its socket; ${LEAVE_HELP}`,
        });
      }
    });

    check('when one of your clients is killed, the others are told it left and go on chatting, with no empty messages', 3, async (t) => {
      const server = await t.startServer();
      const who = names(3);
      const clients = await ownClientsInRoom(t, server, who);
      clients[2].signal('SIGKILL');
      await clients[2].exitsWithin(t.deadlines.reply);
      await clients[1].expectOutput(leftLine(who[2]), { help: `the others must see that ${who[2]} left; ${LEAVE_HELP}` });
      const text = message();
      clients[0].type(text);
      await clients[1].expectOutput(nameAndText(who[0], text), { help: `after ${who[2]}'s client died, the room must keep working; ${LEAVE_HELP}` });
      const empty = clients[1]
        .printedOn('stdout')
        .split('\n')
        .find((l) => new RegExp(`^\\W*${who[2]}\\W*$`).test(l.replace(/\r$/, '')) && !NOTICE.test(l));
      if (empty !== undefined) {
        throw new StudentFailure({
          expected: `no empty messages from ${who[2]} after their client died`,
          actual: `${who[1]}'s client printed ${quote(empty)}`,
          help: `a server that keeps reading a closed connection gets b"" again and again; ${LEAVE_HELP}`,
        });
      }
    });
  });

  group('robustness', () => {
    check('the client ends each message it sends with a newline', 1, async (t) => {
      const { client, conn } = await clientInRoom(t);
      const text = message();
      client.type(text);
      // Only the newline is judged here: what the line holds is the client group's test.
      await conn.expectLine(textPattern(`a line with ${quote(text)}`, new RegExp(escapeRegExp(text))), {
        requireNewline: true,
        help: 'end each message with a newline, as the protocol page asks: sock.sendall((text + "\\n").encode()); the newline is how the server knows a message is complete',
      });
    });

    check('the server sends on a message that arrives in pieces as one message', 1, async (t) => {
      const server = await t.startServer();
      const [a, b] = await joinRoom(t, server, names(2));
      const text = message();
      // To a server that reads without a newline the pieces go whole (the page's newline is charged once).
      await a.conn.sendLinePiece(text.slice(0, 5));
      await a.conn.waitUntilRead();
      await a.conn.sendLine(text.slice(5));
      // The text whole is judged here; the sender's name is the server group's test.
      await expectOnConn(b, (l) => l.includes(text), `${a.name}'s message ${quote(`${a.name}: ${text}`)} whole`, WHOLE_LINE_HELP);
    });

    check(PAGE_NEWLINE_TEST, 1, async (t) => {
      await t.expectServerWaitsForNewline();
    });

    check('the server sends on two messages that arrive in one segment as two messages', 1, async (t) => {
      // Without the newline, two messages in one segment cannot be told apart: that is the page's newline, charged once.
      if (await t.newlineChargedElsewhere()) return;
      const server = await t.startServer();
      const [a, b] = await joinRoom(t, server, names(2));
      const texts = [message(), message()];
      await a.conn.send(`${texts[0]}\n${texts[1]}\n`);
      for (const text of texts)
        await expectOnConn(
          b,
          // A name of the room in front shows it went out as a message of its own; whose name is the server group's test.
          (l) => l.includes(text) && [a.name, b.name].some((n) => hasWord(l, n)) && !texts.some((x) => x !== text && l.includes(x)),
          `${a.name}'s message ${quote(`${a.name}: ${text}`)}, on its own line`,
          WHOLE_LINE_HELP,
        );
    });

    check('the server keeps the room working after a connection that leaves without a name', 1, async (t) => {
      const server = await t.startServer();
      const [a, b] = await joinRoom(t, server, names(2));
      const ghost = await silentClient(t, server);
      await ghost.readUntilClosed({ help: LEAVE_HELP });
      await sendAndExpect(a, [b], `a connection that leaves before giving its name must not disturb the others; ${LEAVE_HELP}`, false);
    });

    check('the client prints a message that arrives in pieces as one line', 1, async (t) => {
      const { client, conn } = await clientInRoom(t);
      const [other] = names(1);
      const line = `${other}: ${message()}`;
      // The person types first: a client that reads only after input() is then in recv(),
      // so only the joining of the pieces is judged (printing unprompted is the client group's).
      const typed = message();
      client.type(typed);
      await conn.expectLine(textPattern(`a line with ${quote(typed)}`, new RegExp(escapeRegExp(typed))), { help: 'send each line typed' });
      // To a client that reads without a newline the pieces go whole (the page's newline is charged once).
      await conn.sendLinePiece(line.slice(0, 10));
      await conn.waitUntilRead();
      await conn.sendLine(line.slice(10));
      await client.expectOutput(line, { help: WHOLE_LINE_HELP });
    });
  });
});
