// task3a reference client: sends HELLO and closes the connection.

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 53);

const conn = net.connect({ host, port }, () => {
  // end() only closes our sending side; destroy once flushed closes the whole
  // connection, so the client exits without waiting for the server.
  conn.end('HELLO\n', () => conn.destroy());
});
conn.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`cannot talk to the server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exitCode = 1;
});
