// task8 reference server: serves files from its folder over UDP, stop-and-wait, to any
// number of clients at once. One socket; each client's transfer is kept in a map by
// its address, so a request starts a transfer and an ACK moves only that one along.

import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 59);
const CHUNK = 4096;
/** How long a transfer waits for an ACK before the server forgets that client. */
const ACK_WAIT_MS = 5000;

interface Transfer {
  data: Buffer;
  next: number; // the chunk now waiting for its ACK
  count: number;
  timer: NodeJS.Timeout;
}

const socket = dgram.createSocket('udp4');
const transfers = new Map<string, Transfer>();

function sendChunk(t: Transfer, to: dgram.RemoteInfo): void {
  const chunk = t.data.subarray(t.next * CHUNK, (t.next + 1) * CHUNK);
  socket.send(Buffer.concat([Buffer.from(`DATA ${t.next}\n`), chunk]), to.port, to.address);
}

function armTimer(key: string): NodeJS.Timeout {
  return setTimeout(() => transfers.delete(key), ACK_WAIT_MS);
}

async function startTransfer(name: string, key: string, from: dgram.RemoteInfo): Promise<void> {
  // Only plain names from this folder: no paths.
  if (!name || name !== path.basename(name)) {
    socket.send(`ERROR bad file name`, from.port, from.address);
    return;
  }
  let data: Buffer;
  try {
    data = await readFile(name);
  } catch {
    socket.send(`ERROR file not found: ${name}`, from.port, from.address);
    return;
  }
  const old = transfers.get(key);
  if (old) clearTimeout(old.timer);
  const t: Transfer = { data, next: 0, count: Math.ceil(data.length / CHUNK), timer: armTimer(key) };
  transfers.set(key, t);
  console.log(`${from.address}:${from.port} asked for ${name} (${data.length} bytes)`);
  if (t.count === 0) finish(t, key, from);
  else sendChunk(t, from);
}

function finish(t: Transfer, key: string, to: dgram.RemoteInfo): void {
  clearTimeout(t.timer);
  transfers.delete(key);
  socket.send(`END ${t.count}`, to.port, to.address);
}

socket.on('message', (msg, from) => {
  const key = `${from.address}:${from.port}`;
  const text = msg.toString('latin1').trim();
  const ack = /^ACK (\d+)$/i.exec(text);
  if (!ack) {
    void startTransfer(text, key, from);
    return;
  }
  const t = transfers.get(key);
  // An ACK for anything but the chunk in flight (a duplicate) is ignored.
  if (!t || Number(ack[1]) !== t.next) return;
  clearTimeout(t.timer);
  t.timer = armTimer(key);
  t.next++;
  if (t.next >= t.count) finish(t, key, from);
  else sendChunk(t, from);
});
socket.on('error', (err) => console.error(`socket error: ${err.message}`));
socket.bind(port, host, () => console.log(`serving files over UDP on ${host}:${port}`));
