// task3a reference server: prints the message each client sends (HELLO), client after client.

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 53);

const server = net.createServer((conn) => {
  const chunks: Buffer[] = [];
  let printed = false;
  // The message ends at its newline, or when the client closes the connection.
  const print = (): void => {
    if (printed) return;
    printed = true;
    const text = Buffer.concat(chunks).toString('utf8');
    console.log(text.split('\n')[0].trim());
    conn.end();
  };
  conn.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    if (chunk.includes(0x0a)) print();
  });
  conn.on('end', print);
  // A client that resets the connection is the client's problem, not the server's.
  conn.on('error', () => conn.destroy());
});
server.listen(port, host);
