// task3b reference server: receives HELLO, answers HELLO, closes; serves client after client.

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 53);

const server = net.createServer((conn) => {
  let received = '';
  let answered = false;
  const answer = (): void => {
    if (answered) return;
    answered = true;
    console.log(`received: ${received.trim()}`);
    conn.end('HELLO\n');
  };
  conn.on('data', (chunk) => {
    received += chunk.toString('utf8');
    // The message is complete at its newline, or once the five letters are there.
    if (received.includes('\n') || received.length >= 5) answer();
  });
  conn.on('end', answer);
  conn.on('error', () => conn.destroy());
});
server.listen(port, host);
