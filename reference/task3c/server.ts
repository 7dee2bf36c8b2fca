// task3c reference server: reads one line, sends it back uppercased, closes; client after client.

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 12000);

// allowHalfOpen: a client that shuts down its sending side after the line still gets the answer.
const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  const chunks: Buffer[] = [];
  let answered = false;
  // Decode only the whole line: a multi-byte letter may be split between two chunks.
  const answer = (): void => {
    if (answered) return;
    answered = true;
    const line = Buffer.concat(chunks).toString('utf8').split('\n')[0].replace(/\r$/, '');
    conn.end(`${line.toUpperCase()}\n`);
  };
  conn.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    if (chunk.includes(0x0a)) answer();
  });
  conn.on('end', answer);
  conn.on('error', () => conn.destroy());
});
server.listen(port, host);
