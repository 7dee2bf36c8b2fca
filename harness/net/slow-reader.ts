// Reading a large reply the way a slow client on a real network does. On loopback the
// grader reads so fast that send() hands over a whole file in one call even where
// sendall() is needed; here the grader reads nothing until the sender has filled every
// buffer on the way and is waiting (or has finished and closed), then reads it all.
// A send() that only took part of the data has returned by then: the rest is missing.

import { DEFAULT_WITHIN_MS, pollUntil } from '../core/time.js';
import { allThreadsAsleep } from '../process/thread-states.js';
import { bytesInFlightLimit, sendSideOf } from '../process/send-queue.js';
import type { ProgramUnderTest } from '../spec/program-under-test.js';
import type { Connection, ExpectOptions } from './connection.js';

/**
 * A reply size that no single send() can hand over to a reader that holds off: more
 * than the kernel buffers between the two programs hold, with 2 MiB to spare.
 */
export function sizeBeyondBuffers(): number {
  return Math.max(6 * 1024 * 1024, bytesInFlightLimit() + 2 * 1024 * 1024);
}

/** Stops reading from the connection; call it before sending the request. */
export function holdReading(conn: Connection): void {
  conn.socket.pause();
}

/**
 * Waits until `sender` has stopped sending on `conn` (all its threads asleep with bytes
 * queued, or its socket closed), then reads until it closes, like readUntilClosed.
 */
export async function readOnceSenderWaits(conn: Connection, sender: ProgramUnderTest, opts: ExpectOptions = {}): Promise<Buffer> {
  const within = opts.within ?? DEFAULT_WITHIN_MS;
  await pollUntil(() => {
    if (!sender.running) return true;
    const side = sendSideOf(conn.remotePort, conn.localPort);
    // No row yet (SYN cookies) or any more: keep waiting, the deadline bounds it.
    if (!side) return undefined;
    if (side.closed) return true; // the program closed its socket: nothing more can come
    // Queued bytes are read first, then the threads: a non-blocking send() in progress
    // shows as running, so "all asleep" after "bytes queued" means the send is over.
    if (side.held && side.queuedBytes > 0 && allThreadsAsleep(sender.process.pid)) return true;
    return undefined;
  }, within);
  // Whatever the wait found (or if it timed out), read everything now; readUntilClosed
  // reports a sender that never finishes.
  conn.socket.resume();
  return conn.readUntilClosed(opts);
}
