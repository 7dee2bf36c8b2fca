// ack-v2 reference server: echoes every line as "Server received: <line>"; after "bye"
// (any case) it answers, then closes the connection first. It serves clients one after
// another until stopped. Node listens with SO_REUSEADDR, so a restart binds at once.

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 65432);

const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  const who = `${conn.remoteAddress}:${conn.remotePort}`;
  console.log(`Connected by ${who}`);
  let buffered = Buffer.alloc(0);
  let closing = false;
  conn.on('data', (chunk: Buffer) => {
    if (closing) return;
    buffered = Buffer.concat([buffered, chunk]);
    for (let nl = buffered.indexOf(0x0a); nl >= 0 && !closing; nl = buffered.indexOf(0x0a)) {
      const message = buffered.subarray(0, nl).toString('utf8').replace(/\r$/, '');
      buffered = buffered.subarray(nl + 1);
      console.log(`Received: ${message}`);
      if (message.trim().toLowerCase() === 'bye') {
        closing = true;
        conn.end(`Server received: ${message}\n`); // the server closes first
        console.log(`${who} said bye`);
      } else {
        conn.write(`Server received: ${message}\n`);
      }
    }
  });
  conn.on('end', () => {
    closing = true;
    conn.end();
  });
  conn.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`${who} vanished (${err.code ?? err.message})`);
    conn.destroy();
  });
});
server.listen(port, host, () => console.log(`Server listening on ${host}:${port}`));
