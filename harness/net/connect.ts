// The grader plays the client: connect to the address the student's server bound.

import { StudentFailure } from '../core/failures.js';
import { graderActs } from '../core/stall-signal.js';
import { type Deadlines, pollPause, seconds } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import type { TestNetwork } from '../sandbox/test-network.js';
import { Connection } from './connection.js';

export interface Endpoint {
  host: string;
  port: number;
  /** Not yet seen listening: retry a refused connection until the startup deadline. */
  unconfirmed?: boolean;
  /** Reached from this network only (a relay's front in the client's own network); default: the test's. */
  network?: TestNetwork;
}

export function connectTo(to: Endpoint, network: TestNetwork, transcript: Transcript, deadlines: Deadlines, name = 'grader'): Promise<Connection> {
  // Connecting is the grader acting: the server it connects to is not stalled meanwhile.
  return graderActs(() => connectRetrying(to, network, transcript, deadlines, name));
}

async function connectRetrying(to: Endpoint, network: TestNetwork, transcript: Transcript, deadlines: Deadlines, name: string): Promise<Connection> {
  const end = Date.now() + deadlines.startup;
  for (;;) {
    try {
      return await connectOnce(to, network, transcript, deadlines, name);
    } catch (e) {
      const refused = e instanceof StudentFailure && e.details.actual.includes('ECONNREFUSED');
      if (!to.unconfirmed || !refused || Date.now() >= end) throw e;
      await pollPause(20);
    }
  }
}

async function connectOnce(to: Endpoint, network: TestNetwork, transcript: Transcript, deadlines: Deadlines, name: string): Promise<Connection> {
  const socket = await network.connectTcp(to.host, to.port);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new StudentFailure({ expected: `the server accepts a connection on ${to.host}:${to.port}`, actual: `connect() did not complete within ${seconds(deadlines.reply)}` }));
    }, deadlines.reply);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      transcript.add(name, `connected to the server from port ${socket.localPort}`);
      resolve(new Connection(socket, 'server', transcript, name, network.netPid, deadlines));
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new StudentFailure({ expected: `the server accepts a connection on ${to.host}:${to.port}`, actual: `connect() failed: ${err.code ?? err.message}` }));
    });
  });
}
