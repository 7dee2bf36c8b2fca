// stock1 reference server: one symbol per connection; answers its price ("189.50") or
// "ERROR unknown symbol XYZ", then closes the connection; client after client.

import net from 'node:net';
import { answerLine, readLines } from '../lib/stock-quotes.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5000);

// allowHalfOpen: a client that shuts down its sending side after the symbol still gets the answer.
const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  let answered = false;
  readLines(
    conn,
    (line) => {
      if (answered) return;
      answered = true;
      console.log(`asked for ${JSON.stringify(line.trim())}`);
      conn.end(`${answerLine(line)}\n`);
    },
    () => {
      if (!answered) conn.end();
    },
  );
});
server.listen(port, host);
