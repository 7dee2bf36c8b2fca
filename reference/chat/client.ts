// chat reference client: the first line typed is the person's name, sent first; every
// later line typed is sent as a message (empty lines are skipped). Every line from the
// server is printed as soon as it arrives, whatever the person is doing. The end of the
// input closes the connection and ends the client (exit 0); so does the server leaving.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5003);

const conn = net.connect({ host, port });
let named = false;
let over = false;

const leave = (): void => {
  if (over) return;
  over = true;
  process.stdin.destroy(); // otherwise the open pipe keeps the process alive
  if (!conn.destroyed) conn.end(() => conn.destroy());
};

conn.on('connect', () => {
  const keyboard = readline.createInterface({ input: process.stdin });
  keyboard.on('line', (line) => {
    const text = line.trim();
    if (over || !text) return;
    conn.write(`${text}\n`);
    named = true;
  });
  keyboard.on('close', leave);
});

const fromServer = readline.createInterface({ input: conn, crlfDelay: Infinity });
fromServer.on('error', () => undefined); // handled on the socket below
fromServer.on('line', (line) => console.log(line));
conn.on('end', () => {
  if (!over) console.log(named ? 'the server closed the chat' : 'the server closed the connection');
  leave();
});
conn.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`cannot chat with the server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exitCode = 1;
  conn.destroy();
  leave();
});
