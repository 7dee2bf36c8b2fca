// The grader plays the client: connect to the address the student's server bound.

import net from 'node:net';
import { StudentFailure } from '../core/failures.js';
import { DEFAULT_WITHIN_MS, seconds } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import { Connection } from './connection.js';

export interface Endpoint {
  host: string;
  port: number;
}

export function connectTo(to: Endpoint, transcript: Transcript, name = 'grader'): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: to.host, port: to.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new StudentFailure({ expected: `the server accepts a connection on ${to.host}:${to.port}`, actual: `connect() did not complete within ${seconds(DEFAULT_WITHIN_MS)}` }));
    }, DEFAULT_WITHIN_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      transcript.add(name, `connected to the server from port ${socket.localPort}`);
      resolve(new Connection(socket, 'server', transcript, name));
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new StudentFailure({ expected: `the server accepts a connection on ${to.host}:${to.port}`, actual: `connect() failed: ${err.code ?? err.message}` }));
    });
  });
}
