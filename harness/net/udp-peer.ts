// The grader's UDP socket: it reads every datagram as soon as it arrives (a slow
// reader loses datagrams even on loopback) and keeps them in order with their sender.

import type dgram from 'node:dgram';
import { StudentFailure } from '../core/failures.js';
import { stalledWords } from '../core/inbox.js';
import { describeBytes, quote } from '../core/quote.js';
import { type Deadlines, seconds } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import type { TestNetwork } from '../sandbox/test-network.js';
import { awaitArrival } from './await-arrival.js';
import type { Endpoint } from './connect.js';
import type { ContactNotes, PeerProgram } from './peer-program.js';

export interface Datagram {
  data: Buffer;
  from: Endpoint;
}

export class UdpPeer {
  readonly received: Datagram[] = [];
  private cursor = 0;
  private readonly waiters = new Set<() => void>();
  lastSent: string | undefined;
  /** Told whether the student's program sent anything at all: a client that never does is not waited for again. */
  contact: ContactNotes | undefined;

  private constructor(
    private readonly socket: dgram.Socket,
    readonly port: number,
    private readonly transcript: Transcript,
    readonly name: string,
    private readonly deadlines: Deadlines,
  ) {
    socket.on('message', (data, rinfo) => {
      this.received.push({ data, from: { host: rinfo.address, port: rinfo.port } });
      if (this.received.length <= 50) transcript.add(name, `received a datagram of ${data.length} bytes from port ${rinfo.port}: ${describeBytes(data.subarray(0, 40))}`);
      for (const w of [...this.waiters]) w();
    });
  }

  /** Bound on `port` (0: any) of the test's network. */
  static async open(transcript: Transcript, network: TestNetwork, name: string, port: number, deadlines: Deadlines): Promise<UdpPeer> {
    const socket = await network.bindUdp(port);
    return new UdpPeer(socket, socket.address().port, transcript, name, deadlines);
  }

  async send(data: string | Buffer, to: Endpoint): Promise<void> {
    this.lastSent = quote(data);
    this.transcript.sent(this.name, data);
    await new Promise<void>((resolve, reject) => this.socket.send(data, to.port, to.host, (err) => (err ? reject(err) : resolve())));
  }

  /** The next datagram not yet taken, within the deadline; `from`: its sender, so that its exit ends the wait. */
  async nextDatagram(opts: { within?: number; expected?: string; help?: string; from?: PeerProgram } = {}): Promise<Datagram> {
    const within = opts.within ?? this.deadlines.reply;
    const d = await awaitArrival(() => this.received[this.cursor], this.waiters, within, opts.from);
    if ('missed' in d) {
      if (this.received.length === 0 && opts.from) this.contact?.never(opts.from.role, 'never sent a datagram');
      const actual = {
        timeout: `no datagram within ${seconds(within)}`,
        exited: `no datagram: the ${opts.from?.role ?? 'program'} exited first`,
        stalled: `no datagram: ${stalledWords(d.stalled)}`,
      }[d.missed];
      throw new StudentFailure({
        sent: this.lastSent,
        expected: opts.expected ?? 'a datagram in reply',
        actual,
        help: opts.help,
      });
    }
    this.cursor++;
    if (opts.from) this.contact?.reached(opts.from.role);
    return d.got;
  }

  close(): void {
    try {
      this.socket.close();
    } catch {
      // already closed
    }
  }
}
