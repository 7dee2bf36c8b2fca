// task5 reference server: reads one line, a file name; sends "OK\n" and the file from its
// working folder, or "ERROR …" when the name leaves the folder or the file is missing;
// then closes. Node serves client after client as they come.

import net from 'node:net';
import { serveOkFile } from '../lib/ok-file-server.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 55);

const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  conn.on('error', () => conn.destroy());
  void serveOkFile(conn);
});
server.listen(port, host);
