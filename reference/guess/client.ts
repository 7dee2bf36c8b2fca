// guess reference client: each line typed is a guess, sent with its newline; each reply
// is printed as it arrives. CORRECT ends the game: the client closes and exits 0. The
// end of the input, or the server closing, ends it too.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5002);

const conn = net.connect({ host, port });
let keyboard: readline.Interface | undefined;
let over = false;

const endGame = (): void => {
  if (over) return;
  over = true;
  keyboard?.close();
  process.stdin.destroy(); // otherwise the open pipe keeps the process alive
  if (!conn.destroyed) conn.end(() => conn.destroy());
};

conn.on('connect', () => {
  keyboard = readline.createInterface({ input: process.stdin });
  keyboard.on('line', (line) => {
    if (!over) conn.write(`${line.trim()}\n`);
  });
  keyboard.on('close', endGame);
});

const fromServer = readline.createInterface({ input: conn, crlfDelay: Infinity });
fromServer.on('error', () => undefined); // handled on the socket below
fromServer.on('line', (line) => {
  console.log(line);
  if (line.trim().toUpperCase() === 'CORRECT') endGame();
});
conn.on('end', endGame);
conn.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`cannot play with the server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exitCode = 1;
  conn.destroy();
  endGame();
});
