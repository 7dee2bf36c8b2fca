// calc reference client: connects, then sends each line typed on its input (one
// expression a line) and prints the server's reply line, one at a time. At the end of
// its input it closes the connection and exits 0. With no server, or a connection that
// ends too soon, it prints one line and exits 1.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5005);

const conn = net.connect({ host, port });
let received = '';
let waiting: ((line: string | undefined) => void) | undefined;
let closed = false;

/** The next reply line, or undefined once the server has closed. */
function nextReply(): Promise<string | undefined> {
  return new Promise((resolve) => {
    waiting = resolve;
    deliver();
  });
}

function deliver(): void {
  if (!waiting) return;
  const nl = received.indexOf('\n');
  if (nl < 0 && !closed) return;
  const take = waiting;
  waiting = undefined;
  if (nl < 0) {
    take(undefined);
    return;
  }
  const line = received.slice(0, nl).replace(/\r$/, '');
  received = received.slice(nl + 1);
  take(line);
}

conn.setEncoding('utf8');
conn.on('data', (text: string) => {
  received += text;
  deliver();
});
conn.on('end', () => {
  closed = true;
  deliver();
});
conn.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`cannot talk to the calculator server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exit(1);
});

conn.once('connect', async () => {
  const input = readline.createInterface({ input: process.stdin });
  for await (const line of input) {
    if (line.trim() === '') continue;
    conn.write(`${line}\n`);
    const reply = await nextReply();
    if (reply === undefined) {
      console.error('the server closed the connection');
      process.exit(1);
    }
    console.log(reply);
  }
  // Done: close, as a Python client's s.close() does, without waiting for the server's side.
  conn.end(() => conn.destroy());
});
