// task4 reference client: connects, then chats: lines typed on stdin go to the server,
// lines from the server are printed. BYE (any case) from either side, the server
// leaving, or end of stdin ends the chat; the client then exits 0.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 54);

const isBye = (line: string): boolean => line.trim().toUpperCase() === 'BYE';

const conn = net.connect({ host, port });
let ended = false;
let keyboard: readline.Interface | undefined;

// Close our side, let the bytes already written leave, then exit.
const endChat = (lastWords?: string): void => {
  if (ended) return;
  ended = true;
  keyboard?.close();
  process.stdin.destroy(); // otherwise the open pipe keeps the process alive
  if (conn.destroyed) return;
  if (lastWords) conn.write(lastWords);
  conn.end(() => conn.destroy());
};

conn.on('connect', () => {
  // Read the keyboard only once connected, so nothing typed is lost.
  keyboard = readline.createInterface({ input: process.stdin });
  keyboard.on('line', (line) => {
    if (ended) return;
    if (isBye(line)) endChat(`${line}\n`);
    else conn.write(`${line}\n`);
  });
  keyboard.on('close', () => endChat()); // Ctrl+D: leave the chat as if BYE was typed
});

const fromServer = readline.createInterface({ input: conn, crlfDelay: Infinity });
// readline re-emits the socket's errors; they are handled on the socket below.
fromServer.on('error', () => undefined);
fromServer.on('line', (line) => {
  if (ended) return;
  console.log(`server: ${line}`);
  if (isBye(line)) endChat();
});
conn.on('end', () => endChat());
conn.on('error', (err: NodeJS.ErrnoException) => {
  if (conn.connecting || !keyboard) {
    console.error(`cannot reach the chat server at ${host}:${port}: ${err.code ?? err.message}`);
    process.exitCode = 1;
  } else {
    console.log(`the connection broke (${err.code ?? err.message})`);
  }
  conn.destroy();
  endChat();
});
