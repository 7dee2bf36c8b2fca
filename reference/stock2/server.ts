// stock2 reference server: on one connection, answers every symbol line with its price
// ("189.50") or "ERROR unknown symbol XYZ", in order, until the client closes; client
// after client.

import net from 'node:net';
import { answerLine, readLines } from '../lib/stock-quotes.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5000);

const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  readLines(
    conn,
    (line) => {
      if (line.trim() === '') return;
      conn.write(`${answerLine(line)}\n`);
    },
    () => conn.end(),
  );
});
server.listen(port, host);
