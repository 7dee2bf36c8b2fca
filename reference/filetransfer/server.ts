// filetransfer reference server: the task6 file server on port 5004. One client after
// another; each sends one line, a file name, and gets "OK\n" and the file's bytes, or a
// line "ERROR …"; then the connection is closed. A bad request (empty, not text, a name
// far too long) gets an ERROR line and ends only its own turn.

import net from 'node:net';
import { serveOkFile } from '../lib/ok-file-server.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5004);

const waiting: net.Socket[] = [];
let busy = false;

function serveNext(): void {
  if (busy) return;
  let conn = waiting.shift();
  // One that left while waiting will never close again: skip it.
  while (conn?.destroyed) conn = waiting.shift();
  if (!conn) return;
  busy = true;
  conn.once('close', () => {
    busy = false;
    serveNext();
  });
  void serveOkFile(conn);
}

const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, (conn) => {
  conn.on('error', () => conn.destroy()); // a reset ends this client's turn, nothing more
  waiting.push(conn);
  serveNext();
});
server.listen(port, host);
