// guess reference server: every connection is a game of its own, with its own secret
// number from 1 to 100. Each line is a guess: HIGHER (the secret is higher), LOWER, or
// CORRECT, after which the server closes that connection. A line that is not a whole
// number from 1 to 100 gets "ERROR ..." and the game goes on.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5002);
const LOW = 1;
const HIGH = 100;

const server = net.createServer((conn) => {
  // Math.random, not node:crypto: loading crypto leaves V8 a memory-reducer timer for ~8 s after
  // start, and a program with a timer pending is not seen waiting (every test would wait it out).
  const secret = LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
  const guesses = readline.createInterface({ input: conn, crlfDelay: Infinity });
  guesses.on('error', () => undefined); // handled on the socket below
  guesses.on('line', (line) => {
    if (conn.writableEnded) return;
    const text = line.trim();
    if (!/^[+-]?\d+$/.test(text)) {
      conn.write('ERROR not a whole number\n');
      return;
    }
    const guess = Number(text);
    if (guess < LOW || guess > HIGH) conn.write(`ERROR out of range ${LOW}-${HIGH}\n`);
    else if (guess < secret) conn.write('HIGHER\n');
    else if (guess > secret) conn.write('LOWER\n');
    else conn.end('CORRECT\n');
  });
  conn.on('end', () => conn.end());
  conn.on('error', () => conn.destroy());
});
server.listen(port, host, () => console.log(`guessing game server listening on ${host}:${port}`));
