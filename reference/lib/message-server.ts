// The "Message received" server of the message tasks: every line a client sends is
// printed and answered with "Message received"; "exit" (any case) is answered too, then
// the server closes that connection. A client that leaves or vanishes is let go; the
// server keeps serving the others and the next ones (Node serves them all at once, which
// the single-threaded task allows as well).

import net from 'node:net';

export function serveMessages(defaultPort: number): void {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? defaultPort);

  const server = net.createServer({ allowHalfOpen: true }, (conn) => {
    const who = `${conn.remoteAddress}:${conn.remotePort}`;
    console.log(`Connection established with ${who}`);
    let buffered = Buffer.alloc(0);
    let closing = false;
    conn.on('data', (chunk: Buffer) => {
      if (closing) return;
      buffered = Buffer.concat([buffered, chunk]);
      for (let nl = buffered.indexOf(0x0a); nl >= 0 && !closing; nl = buffered.indexOf(0x0a)) {
        // Decode the whole line only: a multi-byte letter may be split between chunks.
        const message = buffered.subarray(0, nl).toString('utf8').replace(/\r$/, '');
        buffered = buffered.subarray(nl + 1);
        console.log(`Received message from ${who}: ${message}`);
        if (message.trim().toLowerCase() === 'exit') {
          closing = true;
          conn.end('Message received\n');
          console.log(`Client ${who} has disconnected.`);
        } else {
          conn.write('Message received\n');
        }
      }
    });
    conn.on('end', () => {
      if (!closing) console.log(`Client ${who} left without exit.`);
      closing = true;
      conn.end();
    });
    conn.on('error', (err: NodeJS.ErrnoException) => {
      console.log(`Client ${who} vanished (${err.code ?? err.message}).`);
      conn.destroy();
    });
  });
  server.listen(port, host, () => console.log(`Server listening on ${host}:${port}`));
}
