// chat reference server: each connection's first line is its person's name; from then
// on every line is a message, sent to everyone else as "name: text" (not back to the
// sender). Joining and leaving are announced to the others as "* name joined" and
// "* name left". Empty lines are ignored; a connection that ends or breaks leaves.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5003);

/** Everyone who has given a name, by connection. */
const room = new Map<net.Socket, string>();

function sendToOthers(from: net.Socket, line: string): void {
  for (const conn of room.keys()) {
    if (conn !== from && !conn.destroyed && conn.writable) conn.write(`${line}\n`);
  }
}

const server = net.createServer((conn) => {
  const lines = readline.createInterface({ input: conn, crlfDelay: Infinity });
  lines.on('error', () => undefined); // handled on the socket below
  lines.on('line', (raw) => {
    const text = raw.trim();
    const name = room.get(conn);
    if (name === undefined) {
      if (!text) return;
      room.set(conn, text);
      sendToOthers(conn, `* ${text} joined`);
    } else if (text) {
      sendToOthers(conn, `${name}: ${text}`);
    }
  });
  let gone = false;
  const leave = (): void => {
    if (gone) return;
    gone = true;
    const name = room.get(conn);
    room.delete(conn);
    if (name !== undefined) sendToOthers(conn, `* ${name} left`);
    conn.destroy();
  };
  // readline has seen every line once the socket ends; leaving after it keeps the order.
  lines.on('close', leave);
  conn.on('error', () => leave());
});
server.listen(port, host, () => console.log(`chat server listening on ${host}:${port}`));
