// guess: a guessing game. Every connection is a game with its own secret number from 1
// to 100. The client sends one guess a line; the server answers HIGHER (the secret is
// higher than the guess), LOWER, or CORRECT and then closes; a line that is not a whole
// number from 1 to 100 gets a line starting with ERROR and the game goes on. The client
// sends each line typed at it, prints each reply, and ends after CORRECT.
// The grader plays binary search and checks every hint against all the others: a server
// whose hints fit no single number lies. End to end, only what the person at the client
// sees counts (the wire format between the two programs is theirs); the newline framing
// the page asks for is checked once, in the robustness group.

import {
  ANY_LINE,
  type Connection,
  check,
  END_OF_INPUT,
  expectServesOnOrEndsCleanly,
  group,
  type ProgramUnderTest,
  quote,
  randomInt,
  randomWord,
  StudentFailure,
  type TestContext,
  type TextPattern,
  task,
  textPattern,
  trimmedLine,
} from '../harness/index.js';
import { busyServerHint, withHintFromEvidence } from './lib/busy-server.js';
import { newlineChecks } from './lib/newline-checks.js';
import { sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { serverSession } from './lib/sessions.js';

const LOW = 1;
const HIGH = 100;
/** Binary search finds any number from 1 to 100 in at most 7 guesses. */
const BOUND = 7;

type Hint = 'HIGHER' | 'LOWER' | 'CORRECT';

const THREAD_HELP = 'serve each player in its own thread (threading.Thread(target=play, args=(conn,)).start() after accept()), and pick the secret inside that thread: secret = random.randint(1, 100)';
const HINT_HELP = 'answer each guess with exactly one word on its own line: HIGHER when the secret is higher than the guess, LOWER when it is lower, CORRECT when equal';
const LOOP_HELP = 'read guesses in a loop, each one up to its newline (keep a buffer: one recv() may hold half a guess, or two guesses), and answer every one';

/** The hint a line of the server's holds, when it is just the word (any case, spaces around). */
function hintLine(line: string): Hint | undefined {
  const word = line.trim().toUpperCase();
  return word === 'HIGHER' || word === 'LOWER' || word === 'CORRECT' ? word : undefined;
}

/**
 * The hint a line means, in the page's words or the program's own ("Too low, guess
 * higher!", "You win"): one meaning, or undefined. Only the test of the page's reply words
 * asks for HIGHER, LOWER or CORRECT alone; every other test reads hints this way.
 */
function hintMeant(line: string): Hint | undefined {
  const exact = hintLine(line);
  if (exact) return exact;
  const meant = new Set<Hint>();
  if (/\b(higher|too low)\b/i.test(line)) meant.add('HIGHER');
  if (/\b(lower|too high)\b/i.test(line)) meant.add('LOWER');
  if (/\b(correct|you win|you won|you got it)\b/i.test(line)) meant.add('CORRECT');
  return meant.size === 1 ? [...meant][0] : undefined;
}

/** A line printed by a client that holds a hint word. */
const ANY_HINT = textPattern('a line with the word HIGHER, LOWER or CORRECT (in any letter case), or the same in its own words ("Too low!")', (l) => hintMeant(l) !== undefined);
const printedHint = (hint: Hint): TextPattern => textPattern(`a line with the word ${hint} (in any letter case)`, new RegExp(`\\b${hint}\\b`, 'i'));
/** A reply line of the server's that is a hint word and nothing else. */
const HINT_REPLY = textPattern('the line "HIGHER", "LOWER" or "CORRECT" (any letter case, spaces around it allowed)', (l) => hintLine(l) !== undefined);

/** The hint of a printed line; a line with two different hint words says nothing. */
function onePrintedHint(line: string, help: string): Hint {
  const hint = hintMeant(line);
  if (!hint) throw new StudentFailure({ expected: 'a line with one of the words HIGHER, LOWER, CORRECT', actual: `the client printed ${quote(line)}`, help });
  return hint;
}

/**
 * A game of binary search over 1-100: what is left possible after the hints so far, and
 * the hints themselves, to show when they contradict each other.
 */
class Search {
  low = LOW;
  high = HIGH;
  readonly history: string[] = [];
  /** Each guess with its hint, to read them the other way round. */
  readonly hints: [number, Hint][] = [];
  won: number | undefined;

  constructor(readonly who: string) {}

  get guesses(): number {
    return this.history.length;
  }

  next(): number {
    return Math.floor((this.low + this.high) / 2);
  }

  /** Applies the hint for `guess`; fails when no number from 1 to 100 fits every hint. */
  apply(guess: number, hint: Hint, help: string): void {
    this.history.push(`${guess} → ${hint}`);
    this.hints.push([guess, hint]);
    if (hint === 'CORRECT') this.won = guess;
    else if (hint === 'HIGHER') this.low = Math.max(this.low, guess + 1);
    else this.high = Math.min(this.high, guess - 1);
    if (this.won === undefined && this.low > this.high) {
      throw new StudentFailure({
        expected: `hints that fit one secret number from ${LOW} to ${HIGH}`,
        actual: `${this.who} got ${this.history.join(', ')}: no number fits all of them`,
        help,
      });
    }
    if (this.won === undefined && this.guesses >= BOUND) {
      throw new StudentFailure({
        expected: `CORRECT within ${BOUND} guesses by binary search`,
        actual: `${this.who} got ${this.history.join(', ')}`,
        help,
      });
    }
  }
}

/** Whether one secret fits every hint of `game` with HIGHER and LOWER read the other way round (a server whose hints describe the guess). */
function fitsSwapped(game: Search): boolean {
  let low = LOW;
  let high = HIGH;
  for (const [guess, hint] of game.hints) {
    if (hint === 'CORRECT') return low <= guess && guess <= high;
    if (hint === 'LOWER') low = Math.max(low, guess + 1);
    else high = Math.min(high, guess - 1);
  }
  return low <= high;
}

/** The server's next line; if none comes, the failure says a reply to `guess` was awaited. */
async function readReply(conn: Connection, guess: string, help: string): Promise<string> {
  try {
    return await conn.readLine({ help });
  } catch (e) {
    if (!(e instanceof StudentFailure)) throw e;
    throw new StudentFailure({ sent: conn.lastSent, expected: `a reply line to the guess ${quote(guess)} (HIGHER, LOWER, CORRECT or ERROR ...)`, actual: e.details.actual, help });
  }
}

/** Sends the next binary-search guess on `conn` and applies the reply, which must be a hint word. */
async function guessOnce(conn: Connection, game: Search, help = HINT_HELP): Promise<Hint> {
  const guess = game.next();
  await conn.sendLine(String(guess));
  const line = await readReply(conn, String(guess), help);
  const hint = hintMeant(line);
  if (!hint) {
    throw new StudentFailure({ sent: conn.lastSent, expected: 'the line HIGHER, LOWER or CORRECT', actual: `the line ${quote(line)}`, help: HINT_HELP });
  }
  game.apply(guess, hint, 'HIGHER means the secret is higher than the guess; each game keeps one secret from its first guess to CORRECT');
  return hint;
}

/** Plays binary search on `conn` to CORRECT; returns the secret. */
async function playToWin(conn: Connection, who = 'the grader', help?: string): Promise<number> {
  const game = new Search(who);
  while (game.won === undefined) await guessOnce(conn, game, help);
  return game.won;
}

/**
 * Plays one game per seat to CORRECT, a guess at each seat in turn. A game won at its first
 * guess, before another seat had a hint, is played again by a new seat (at most twice): the
 * games never overlapped, and a server that serves one player at a time would pass.
 */
async function playAtOnce<Seat>(seats: Seat[], who: (i: number, fresh: boolean) => string, newSeat: () => Promise<Seat>, turn: (seat: Seat, game: Search) => Promise<void>): Promise<void> {
  const games = seats.map((_, i) => new Search(who(i, false)));
  let replaced = 0;
  while (games.some((g) => g.won === undefined)) {
    for (const [i, game] of games.entries()) {
      if (game.won !== undefined) continue;
      await turn(seats[i], game);
      if (game.won !== undefined && game.guesses === 1 && games.some((g) => g.guesses === 0) && replaced < 2) {
        replaced++;
        seats[i] = await newSeat();
        games[i] = new Search(who(i, true));
      }
    }
  }
}

/** The student's client pointed at the grader, and its connection. */
async function clientConnected(t: TestContext): Promise<{ client: ProgramUnderTest; conn: Connection }> {
  const fake = await t.listen();
  const client = await t.startClient(fake);
  const conn = await fake.accept({ from: client });
  return { client, conn };
}

/** Types `guess` into the client and checks the line it sends. */
async function typedGuess(client: ProgramUnderTest, conn: Connection, guess: string): Promise<void> {
  client.type(guess);
  await conn.expectLine(trimmedLine(guess), { help: 'send the line typed at the client as it is: sock.sendall((text + "\\n").encode())' });
}

/** The person at the student's client plays binary search, reading the hints it prints. */
async function playAtClient(client: ProgramUnderTest, game: Search): Promise<void> {
  const help = 'after each guess typed, your client must print the hint your server gives: a line with the word HIGHER, LOWER or CORRECT';
  while (game.won === undefined) {
    const guess = game.next();
    client.type(String(guess));
    const line = await client.expectOutput(ANY_HINT, { help });
    game.apply(guess, onePrintedHint(line, help), 'HIGHER means the secret is higher than the guess; each game keeps one secret from its first guess to CORRECT');
  }
}

const SAYS_ERROR = textPattern('a line saying the guess is wrong (a word such as "error", "invalid" or "not a number")', /error|invalid|not a (whole )?number|numbers? only/i);

task('guess', { port: 5002, stopWord: END_OF_INPUT, framingProbe: { message: '50' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server answers a guess with HIGHER, LOWER or CORRECT', 2, async (t) => {
      const server = await t.startServer();
      // A lucky guess would show only CORRECT: a new game, another guess, until a hint shows
      // HIGHER or LOWER too (three lucky games in a row: one in a million).
      for (const guess of ['50', '25', '75']) {
        const conn = await t.connect(server);
        await conn.sendLine(guess);
        const reply = await conn.expectLine(HINT_REPLY, { help: HINT_HELP });
        if (hintLine(reply) !== 'CORRECT') return;
        conn.end();
      }
    });

    check(`playing by binary search, the server's hints fit one secret number and CORRECT comes within ${BOUND} guesses (three games)`, 3, async (t) => {
      const server = await t.startServer();
      for (let game = 1; game <= 3; game++) {
        const conn = await t.connect(server);
        await playToWin(conn, `game ${game}`);
      }
    });

    check('the server closes the connection after CORRECT', 1, async (t) => {
      const { conn } = await serverSession(t);
      await playToWin(conn);
      await conn.expectClosed({ help: 'after sending CORRECT the game is over: conn.close() (and end that thread)' });
    });

    check('the server answers a guess that is not a number, or is out of range, with ERROR, and the game goes on', 2, async (t) => {
      const { conn } = await serverSession(t);
      const help = 'int() raises ValueError on text such as "abc": catch it and send "ERROR not a number\\n"; a number below 1 or above 100 gets an ERROR line too; then wait for the next guess';
      // Without a newline an empty line is no bytes at all: a server that reads without one is not sent it.
      const empty = (await t.serverFraming()) === 'bare' ? [] : [''];
      for (const bad of [randomWord(5), ...empty, String(HIGH + 1 + randomInt(900)), '0']) {
        await conn.sendLine(bad);
        await conn.expectLine(textPattern('a line starting with "ERROR" (in any letter case)', /^\s*error\b/i), { help });
      }
      await playToWin(conn, 'the grader', 'after an ERROR the same game goes on: keep the secret and keep reading guesses');
    });

    check('the server never reveals the secret before it is guessed', 2, async (t) => {
      const { conn } = await serverSession(t);
      // Every line before CORRECT is kept; once the secret is known, none may name it.
      const before: string[] = [];
      const game = new Search('the grader');
      while (game.won === undefined) {
        const guess = game.next();
        await conn.sendLine(String(guess));
        let hint: Hint | undefined;
        while (!hint) {
          const line = await readReply(conn, String(guess), HINT_HELP);
          hint = hintMeant(line);
          if (hint !== 'CORRECT') before.push(line);
        }
        game.apply(guess, hint, HINT_HELP);
      }
      const secret = game.won;
      const leak = before.find((l) => new RegExp(`(^|\\D)${secret}(\\D|$)`).test(l) && !hintMeant(l));
      if (leak !== undefined) {
        throw new StudentFailure({
          expected: `nothing the server sends before CORRECT gives the secret (${secret}) away`,
          actual: `the server sent ${quote(leak)} before it was guessed`,
          help: "print the secret on the server's own screen if you need it for debugging, never send it to the player",
        });
      }
      const extra = before.find((l) => !hintMeant(l));
      if (extra !== undefined) {
        throw new StudentFailure({
          expected: 'only hint lines (HIGHER, LOWER), then CORRECT',
          actual: `the server also sent ${quote(extra)}`,
          help: 'the server sends nothing but the answer to each guess: no greeting, no debugging lines',
        });
      }
    });

    check('two players guessing in turns are both answered and both win', 3, async (t) => {
      const server = await t.startServer();
      const players = [await t.connect(server), await t.connect(server)];
      await playAtOnce(
        players,
        (i, fresh) => `player ${i + 1}${fresh ? ' (a new player)' : ''}`,
        () => t.connect(server),
        async (conn, game) => void (await guessOnce(conn, game, `${game.who} was not answered while the other game is open; ${THREAD_HELP}`)),
      );
    });

    check('four players at once each get a secret of their own (not all the same number)', 2, async (t) => {
      const server = await t.startServer();
      const players: Connection[] = [];
      for (let i = 0; i < 4; i++) players.push(await t.connect(server));
      const games = players.map((_, i) => new Search(`player ${i + 1}`));
      while (games.some((g) => g.won === undefined)) {
        for (const [i, conn] of players.entries()) {
          if (games[i].won === undefined) await guessOnce(conn, games[i], THREAD_HELP);
        }
      }
      const secrets = games.map((g) => g.won as number);
      // Four independent secrets from 1-100 are all equal once in a million games.
      if (secrets.every((s) => s === secrets[0])) {
        throw new StudentFailure({
          expected: 'each game its own random secret',
          actual: `all four players had the same secret, ${secrets[0]}`,
          help: `pick the secret for each game, when its player connects (inside the thread), not once for the whole server: a global variable is shared by every player; ${THREAD_HELP}`,
        });
      }
    });
  });

  group('client', () => {
    check('the client sends each guess typed at it, one after another', 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      for (const [guess, hint] of [
        ['50', 'HIGHER'],
        ['75', 'LOWER'],
        ['62', 'HIGHER'],
      ]) {
        await typedGuess(client, conn, guess);
        await conn.sendLine(hint);
      }
    });

    check("the client prints the server's hints as they come", 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      const hints: Hint[] = randomInt(2) === 0 ? ['LOWER', 'HIGHER', 'LOWER'] : ['HIGHER', 'LOWER', 'HIGHER'];
      for (const [i, hint] of hints.entries()) {
        await typedGuess(client, conn, String(30 + i * 7));
        await conn.sendLine(hint);
        await client.expectOutput(printedHint(hint), { help: 'print the reply the server sent, as it is: print(reply)' });
      }
    });

    check('the client prints CORRECT and exits with code 0 right after it, without more typing', 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      await typedGuess(client, conn, '50');
      await conn.sendLine('LOWER');
      await typedGuess(client, conn, '25');
      await conn.sendLine('CORRECT');
      conn.end();
      await client.expectOutput(printedHint('CORRECT'), { help: 'print the reply the server sent, as it is: print(reply)' });
      await client.expectExit(0, { help: 'when the reply is CORRECT the game is won: leave the loop (break) before asking input() again, close the socket, end' });
    });

    check('the client passes a non-number typed at it on to the server and prints the ERROR reply', 2, async (t) => {
      const { client, conn } = await clientConnected(t);
      const word = randomWord(5);
      await typedGuess(client, conn, word);
      await conn.sendLine('ERROR not a number');
      await client.expectOutput(textPattern('a line with "ERROR" (in any letter case)', /error/i), {
        help: 'send what was typed as it is, without int(): the server decides what is valid, and the client prints its ERROR reply',
      });
      await typedGuess(client, conn, '50');
    });

    check('the client exits with code 0 when its input ends', 1, async (t) => {
      const { client, conn } = await clientConnected(t);
      await typedGuess(client, conn, '50');
      await conn.sendLine('HIGHER');
      await client.expectOutput(printedHint('HIGHER'));
      // The one test of the page's end of input: every other test types the client's own stop word first, where it has one.
      await t.stopWords.gradePageWord('client', END_OF_INPUT, async () => {
        client.closeInput();
        await client.expectExit(0, { help: 'catch EOFError around input(): close the socket and let the program end normally' });
        client.expectNoTraceback('catch EOFError around input(): the end of the input is how the person says "done"');
      });
    });
  });

  group('end-to-end', () => {
    check(`a person playing binary search at your client wins within ${BOUND} guesses, the hints fit one number, and the client exits with code 0`, 3, async (t) => {
      const server = await t.startServer();
      const client = await t.startClient(server);
      await playAtClient(client, new Search('the person at your client'));
      await client.expectExit(0, { help: 'after CORRECT the game is over: your client closes its socket and ends without waiting for more input' });
    });

    check('a non-number typed at your client gets an error message, and the same game goes on to a win', 2, async (t) => {
      const server = await t.startServer();
      const client = await t.startClient(server);
      client.type(randomWord(5));
      await client.expectOutput(SAYS_ERROR, {
        help: 'a guess that is not a number must get an error message (a line with "error" or "not a number") and the game must go on: no crash on either side',
      });
      await playAtClient(client, new Search('the person at your client'));
    });

    check('two of your clients playing at the same time both win their games', 2, async (t) => {
      const server = await t.startServer();
      const clients = [await t.startClient(server), await t.startClient(server)];
      // The hint names a busy server only when the socket table shows it: this client's connection not accepted, or its guess unread.
      const help = "each guess typed at a client must get its hint on that client's screen: your client sends the guess and prints the hint your server answers";
      await playAtOnce(
        clients,
        (i, fresh) => `the person at client ${i + 1}${fresh ? ' (a new player)' : ''}`,
        () => t.startClient(server),
        async (client, game) => {
          const guess = game.next();
          client.type(String(guess));
          const line = await withHintFromEvidence(
            () => client.expectOutput(ANY_HINT, { help }),
            () => busyServerHint(t, client, server, THREAD_HELP, 'the other player'),
          );
          game.apply(guess, onePrintedHint(line, help), 'each player keeps one secret from the first guess to CORRECT');
        },
      );
    });
  });

  group('robustness', () => {
    check('the client ends each guess it sends with a newline', 1, async (t) => {
      const { client, conn } = await clientConnected(t);
      client.type('50');
      await conn.expectLine('50', {
        requireNewline: true,
        help: 'end each guess with a newline, as the protocol page asks: sock.sendall((text + "\\n").encode()); the newline is how the server knows the guess is complete',
      });
    });

    newlineChecks('the server ends each reply with a newline', async (conn) => {
      await conn.sendLine('50');
      // The newline is judged here; the reply's words are the server group's test.
      await conn.expectLine(ANY_LINE, { requireNewline: true, help: 'end each reply with a newline: conn.sendall(b"HIGHER\\n")' });
    });

    check('the server answers guesses that arrive in pieces (two games)', 1, async (t) => {
      const server = await t.startServer();
      for (let round = 1; round <= 2; round++) {
        const conn = await t.connect(server);
        const game = new Search(`game ${round}`);
        while (game.won === undefined) {
          const guess = String(game.next());
          await sendLineInTwo(conn, guess, 1);
          const line = await readReply(conn, guess, LOOP_HELP);
          const hint = hintMeant(line);
          if (!hint) throw new StudentFailure({ sent: conn.lastSent, expected: `the hint for ${guess}, sent in two pieces`, actual: `the line ${quote(line)}`, help: LOOP_HELP });
          try {
            game.apply(Number(guess), hint, `${LOOP_HELP}; a server that answers each piece gives hints for the wrong numbers`);
          } catch (e) {
            // Hints that go the wrong way are the server group's charge; read swapped, they show the pieces were joined.
            if (!(e instanceof StudentFailure) || !fitsSwapped(game)) throw e;
            break;
          }
        }
        // The grader leaves: closing after CORRECT is the server group's test.
        conn.end();
      }
    });

    check('the server answers both of two guesses that arrive in one segment', 1, async (t) => {
      // To a server that reads without the newline, two lines in one segment are one message: the page's newline, charged once.
      if (await t.newlineChargedElsewhere()) return;
      const server = await t.startServer();
      // Each reply need only be a hint: whether the hints fit the secret is the server group's test, and with a
      // random secret a server whose hints go the wrong way would fail here only some of the time.
      // A secret of 50 ends the game at the first guess and leaves the second unanswered: a new game then (a new secret), at most three.
      for (let game = 1; game <= 3; game++) {
        const conn = await t.connect(server);
        await conn.send('50\n25\n');
        for (const guess of [50, 25]) {
          const line = await readReply(conn, String(guess), LOOP_HELP);
          const hint = hintMeant(line);
          if (!hint) throw new StudentFailure({ sent: conn.lastSent, expected: `the hints for 50, then for 25`, actual: `the line ${quote(line)}`, help: LOOP_HELP });
          if (hint === 'CORRECT' && guess === 50) break;
          if (guess === 25) return;
        }
        conn.destroy();
      }
    });

    check('the server keeps serving after a player disconnects abruptly in the middle of a game', 1, async (t) => {
      const server = await t.startServer();
      // In the middle of a game: a lucky first guess (CORRECT) ends it, and a new game is begun.
      let rude = await t.connect(server);
      for (const guess of ['50', '25', '75']) {
        await rude.sendLine(guess);
        if (hintMeant(await rude.readLine()) !== 'CORRECT') break;
        rude.end();
        rude = await t.connect(server);
      }
      await rude.sendLinePiece('2');
      await rude.waitUntilRead();
      rude.reset();
      // One hint shows the server serves on; whether hints fit the secret is the server group's test.
      await expectServesOnOrEndsCleanly(server, async () => void (await guessOnce(await t.connect(server), new Search('the next player'))), {
        help: 'recv() raises ConnectionResetError when a player vanishes: catch it, close that connection, keep serving the others',
      });
      server.expectRunning('a player who vanishes must end only that game, not the server');
    });
  });
});
