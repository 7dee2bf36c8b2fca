// The server side of task5 and task6: "name\n" in; "OK\n" and the file, or "ERROR …", out;
// then the connection is closed.

import { readFile } from 'node:fs/promises';
import type net from 'node:net';
import { isPlainName } from './file-name.js';
import { readRequestLine } from './request-line.js';

async function answer(name: string): Promise<Buffer> {
  if (!isPlainName(name)) return Buffer.from('ERROR not allowed\n');
  try {
    return Buffer.concat([Buffer.from('OK\n'), await readFile(name)]);
  } catch {
    return Buffer.from('ERROR file not found\n');
  }
}

/** Answers one client's request, then closes; the connection's 'close' ends its turn. */
export async function serveOkFile(conn: net.Socket): Promise<void> {
  const name = await readRequestLine(conn);
  if (name === undefined) {
    conn.destroy();
    return;
  }
  console.log(`request: ${JSON.stringify(name)}`);
  // Close fully once the reply is in the kernel: the client may never close its side,
  // and the next client must not wait for it.
  conn.end(await answer(name), () => conn.destroy());
}
