// task4 reference server: accepts one client, then chats: lines typed on stdin go to the
// client, lines from the client are printed. BYE (any case) from either side, the client
// leaving, or end of stdin ends the chat; the server then exits 0.
// Turns are free here (event-driven), which also satisfies the strict alternation the
// protocol asks of students.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 54);

const isBye = (line: string): boolean => line.trim().toUpperCase() === 'BYE';

const server = net.createServer((conn) => {
  server.close(); // one chat per run: no further clients
  const keyboard = readline.createInterface({ input: process.stdin });
  let ended = false;
  // Close our side, let the bytes already written leave, then exit.
  const endChat = (lastWords?: string): void => {
    if (ended) return;
    ended = true;
    keyboard.close();
    process.stdin.destroy(); // otherwise the open pipe keeps the process alive
    if (conn.destroyed) return;
    if (lastWords) conn.write(lastWords);
    conn.end(() => conn.destroy());
  };

  const fromClient = readline.createInterface({ input: conn, crlfDelay: Infinity });
  // readline re-emits the socket's errors; they are handled on the socket below.
  fromClient.on('error', () => undefined);
  fromClient.on('line', (line) => {
    if (ended) return;
    console.log(`client: ${line}`);
    if (isBye(line)) endChat();
  });
  conn.on('end', () => endChat());
  conn.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`the connection broke (${err.code ?? err.message})`);
    conn.destroy();
    endChat();
  });

  keyboard.on('line', (line) => {
    if (ended) return;
    if (isBye(line)) endChat(`${line}\n`);
    else conn.write(`${line}\n`);
  });
  keyboard.on('close', () => endChat()); // Ctrl+D: leave the chat as if BYE was typed
});
server.listen(port, host, () => console.log(`chat server listening on ${host}:${port}`));
