// echo reference client: each line typed is sent with its newline; each echoed line is
// printed as it arrives. At the end of the input it waits for the last echo, closes its
// side and exits 0 once the server has closed too.

import net from 'node:net';
import readline from 'node:readline';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5001);

const conn = net.connect({ host, port });
let sent = 0;
let echoed = 0;
let inputDone = false;

const finishIfDone = (): void => {
  if (inputDone && echoed >= sent && !conn.writableEnded) conn.end();
};

conn.on('connect', () => {
  // Read the keyboard only once connected, so nothing typed is lost.
  const keyboard = readline.createInterface({ input: process.stdin });
  keyboard.on('line', (line) => {
    sent++;
    conn.write(`${line}\n`);
  });
  keyboard.on('close', () => {
    inputDone = true;
    finishIfDone();
  });
});

const fromServer = readline.createInterface({ input: conn, crlfDelay: Infinity });
fromServer.on('error', () => undefined); // handled on the socket below
fromServer.on('line', (line) => {
  echoed++;
  console.log(line);
  finishIfDone();
});
conn.on('end', () => {
  if (!inputDone || echoed < sent) console.log('the server closed the connection');
  process.stdin.destroy(); // otherwise the open pipe keeps the process alive
  conn.destroy();
});
conn.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`cannot talk to the echo server at ${host}:${port}: ${err.code ?? err.message}`);
  process.exitCode = 1;
  process.stdin.destroy();
  conn.destroy();
});
