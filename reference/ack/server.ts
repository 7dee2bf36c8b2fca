// ack reference server: accepts one client, reads its one message (a line), answers
// "ACK: <message>", closes the connection and exits 0.

import net from 'node:net';
import { readRequestLine } from '../lib/request-line.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 65432);

const server = net.createServer({ allowHalfOpen: true }, async (conn) => {
  server.close(); // one client per run
  conn.on('error', () => undefined); // a vanished client reads as no message below
  const message = await readRequestLine(conn);
  if (message === undefined) {
    console.log('The client left without a message.');
    conn.destroy();
    return;
  }
  console.log(`Received: ${message}`);
  conn.end(`ACK: ${message}\n`);
});
server.listen(port, host, () => console.log(`Server listening on ${host}:${port}`));
