// Reading a large reply the way a slow client on a real network does. On loopback the
// grader reads so fast that send() hands over a whole file in one call even where
// sendall() is needed; here the grader reads nothing until the sender has filled every
// buffer on the way and is waiting (or has finished and closed), then reads it all.
// A send() that only took part of the data has returned by then: the rest is missing.

import { DEFAULT_WITHIN_MS, pollUntil } from '../core/time.js';
import { allThreadsAsleep } from '../process/thread-states.js';
import { sendSideOf } from '../process/send-queue.js';
import type { ProgramUnderTest } from '../spec/program-under-test.js';
import type { Connection, ExpectOptions } from './connection.js';

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
    const side = sendSideOf(conn.remotePort, conn.localPort);
    if (!side) return true; // gone: closed and finished
    if (!side.established) return true; // the program closed its socket: nothing more can come
    // Queued bytes are read first, then the threads: a non-blocking send() in progress
    // shows as running, so "all asleep" after "bytes queued" means the send is over.
    if (side.held && side.queuedBytes > 0 && allThreadsAsleep(sender.process.pid)) return true;
    if (!sender.running) return true;
    return undefined;
  }, within);
  // Whatever the wait found (or if it timed out), read everything now; readUntilClosed
  // reports a sender that never finishes.
  conn.socket.resume();
  return conn.readUntilClosed(opts);
}
