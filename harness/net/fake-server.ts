// The grader plays the server, to test a student's client. It listens where the client
// looks (in a test's own network, the exercise's port; else a port the kernel picks, no
// race), records every connection, and hands them out in order.

import type net from 'node:net';
import { StudentFailure } from '../core/failures.js';
import { stalledWords } from '../core/inbox.js';
import { type Deadlines, seconds } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import type { TestNetwork } from '../sandbox/test-network.js';
import { awaitArrival } from './await-arrival.js';
import { Connection } from './connection.js';
import type { ContactNotes, PeerProgram } from './peer-program.js';

export class FakeServer {
  readonly host = '127.0.0.1';
  private readonly accepted: Connection[] = [];
  private handedOut = 0;
  private readonly waiters = new Set<() => void>();

  /** Told whether the student's program reached the grader at all: a client that never connects is not waited for again. */
  contact: ContactNotes | undefined;
  /** How the client reads a message (see Connection.framing), for the connections handed out from now on. */
  framing: 'line' | 'bare' = 'line';
  /** Told whether the first line a handed-out connection reads ends with a newline. */
  onFirstLine: ((endedWithNewline: boolean) => void) | undefined;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    transcript: Transcript,
    netPid: number,
    private readonly deadlines: Deadlines,
  ) {
    server.on('connection', (socket) => {
      const name = this.accepted.length === 0 ? 'grader' : `grader #${this.accepted.length + 1}`;
      transcript.add(name, `accepted a connection from the client (port ${socket.remotePort})`);
      this.accepted.push(new Connection(socket, 'client', transcript, name, netPid, deadlines));
      for (const w of [...this.waiters]) w();
    });
  }

  /** Listens on `port` (0: any) of the test's network. */
  static async start(transcript: Transcript, network: TestNetwork, port: number, deadlines: Deadlines): Promise<FakeServer> {
    // allowHalfOpen (set by the network): a client may shut down its sending side after
    // its request and still read the answer; else node would close our side at its FIN.
    const server = await network.listenTcp(port);
    const bound = (server.address() as net.AddressInfo).port;
    transcript.add('grader', `listening as the server on 127.0.0.1:${bound}`);
    return new FakeServer(server, bound, transcript, network.netPid, deadlines);
  }

  /** How many connections arrived so far. */
  get connectionCount(): number {
    return this.accepted.length;
  }

  /** The next connection from the client; `from`: the client, so that its exit ends the wait. */
  async accept(opts: { within?: number; help?: string; from?: PeerProgram } = {}): Promise<Connection> {
    const within = opts.within ?? this.deadlines.reply;
    const next = this.accepted[this.handedOut];
    if (next) {
      this.handedOut++;
      next.peerProgram ??= opts.from;
      return this.framed(next);
    }
    const got = await awaitArrival(() => this.accepted[this.handedOut], this.waiters, within, opts.from);
    if ('missed' in got) {
      if (this.accepted.length === 0 && opts.from) this.contact?.never(opts.from.role, 'never connected');
      const actual = {
        timeout: `no connection within ${seconds(within)}`,
        exited: `the ${opts.from?.role ?? 'client'} exited without connecting`,
        stalled: `no connection: ${stalledWords(got.stalled)}`,
      }[got.missed];
      throw new StudentFailure({
        expected: `the client connects to HOST:PORT (${this.host}:${this.port})`,
        actual,
        help: opts.help ?? 'read the port from the PORT environment variable, e.g. PORT = int(os.environ.get("PORT", 5000))',
      });
    }
    this.handedOut++;
    got.got.peerProgram ??= opts.from;
    if (opts.from) this.contact?.reached(opts.from.role);
    return this.framed(got.got);
  }

  private framed(conn: Connection): Connection {
    conn.framing = this.framing;
    conn.onFirstLine ??= this.onFirstLine;
    return conn;
  }

  close(): void {
    for (const c of this.accepted) c.destroy();
    this.server.close();
  }
}
