// task8 reference client: requests a file (argv[1], else a line on stdin), acknowledges
// each chunk, and saves the file only after a correct END. Any loss, gap or silence
// longer than TIMEOUT ends it with a message, exit code 1 and no file.

import dgram from 'node:dgram';
import { writeFileSync } from 'node:fs';
import { requestedFileName } from '../lib/file-name.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 59);
const timeoutMs = Number(process.env.TIMEOUT ?? 2) * 1000;

const socket = dgram.createSocket('udp4');
const chunks: Buffer[] = [];
let timer: NodeJS.Timeout | undefined;

function fail(message: string): void {
  console.log(message);
  process.exitCode = 1;
  stop();
}

function stop(): void {
  clearTimeout(timer);
  socket.close();
  process.stdin.destroy();
}

function restartTimer(): void {
  clearTimeout(timer);
  timer = setTimeout(() => fail(`no answer from the server within ${timeoutMs / 1000} s: ${chunks.length} chunk(s) received, file not saved`), timeoutMs);
}

function download(name: string): void {
  socket.on('message', (msg, from) => {
    const nl = msg.indexOf(0x0a);
    const header = (nl >= 0 ? msg.subarray(0, nl) : msg).toString('latin1').trim();
    const [word, num] = header.split(/\s+/, 2);
    switch (word.toUpperCase()) {
      case 'DATA': {
        const n = Number(num);
        if (n < chunks.length) return; // a duplicate or a late copy: already saved
        if (n > chunks.length) return fail(`chunk ${chunks.length} was lost (got chunk ${n}); file not saved`);
        chunks.push(msg.subarray(nl + 1));
        socket.send(`ACK ${n}`, from.port, from.address); // to whoever sent the data
        return restartTimer();
      }
      case 'END':
        if (Number(num) !== chunks.length) return fail(`the server sent ${num} chunk(s) but ${chunks.length} arrived; file not saved`);
        writeFileSync(name, Buffer.concat(chunks));
        console.log(`saved ${name} (${Buffer.concat(chunks).length} bytes)`);
        return stop();
      case 'ERROR':
        return fail(`server: ${msg.toString('utf8').trim()}`);
      default:
        return fail(`unexpected datagram from the server: ${header.slice(0, 60)}`);
    }
  });
  socket.send(name, port, host);
  restartTimer();
}

const requested = await requestedFileName();
if (!requested) {
  console.error('usage: client <file name>');
  process.exitCode = 2;
} else {
  download(requested);
}
