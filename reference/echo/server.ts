// echo reference server: every byte a client sends comes back unchanged, for as long as
// the client stays; when the client closes its side, the server closes too. Clients are
// served at the same time (one at a time is enough by the protocol page).

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5001);

const server = net.createServer((conn) => {
  // pipe() waits for the client to read before reading more, and ends our side at its end.
  conn.pipe(conn);
  conn.on('error', () => conn.destroy());
});
server.listen(port, host, () => console.log(`echo server listening on ${host}:${port}`));
