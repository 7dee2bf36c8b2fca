// The request of the TCP file servers: one line, the file name. TCP may deliver it in
// pieces, or the client may close its side instead of sending the newline (the server
// must then allow half-open connections, or Node closes them before the answer).

import type net from 'node:net';

/**
 * The first line the client sends, trimmed, once its newline or the client's end of
 * sending has arrived; undefined when the client closed without sending a byte, or
 * vanished (a reset) before its line was complete.
 */
export function readRequestLine(conn: net.Socket): Promise<string | undefined> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let done = false;
    const settle = (gone = false): void => {
      if (done) return;
      done = true;
      if (gone || received.length === 0) {
        resolve(undefined);
        return;
      }
      const nl = received.indexOf(0x0a);
      resolve(
        received
          .subarray(0, nl < 0 ? received.length : nl)
          .toString('utf8')
          .trim(),
      );
    };
    conn.on('data', (chunk: Buffer) => {
      if (done) return;
      received = Buffer.concat([received, chunk]);
      if (received.includes(0x0a)) settle();
    });
    conn.on('end', () => settle());
    conn.on('close', () => settle(true));
    conn.resume(); // a server that queues connections accepts them paused
  });
}
