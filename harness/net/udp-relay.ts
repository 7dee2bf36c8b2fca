// A UDP relay the grader puts between a client and a server to make the network
// misbehave on purpose: drop, duplicate, delay or swap chosen datagrams. Loopback never
// loses anything by itself, so this is the deterministic way to test loss handling.

import type dgram from 'node:dgram';
import { describeBytes, quote } from '../core/quote.js';
import type { Transcript } from '../core/transcript.js';
import type { TestNetwork } from '../sandbox/test-network.js';
import type { Endpoint } from './connect.js';

export type RelayDirection = 'to-client' | 'to-server';

/**
 * - drop: never delivered.
 * - duplicate: delivered twice in a row.
 * - hold: delivered right after the next datagram in the same direction (the two are
 *   swapped); never delivered if no other one follows.
 * - late-copy: delivered now, and a copy again right after the next datagram in the
 *   same direction (a duplicate that arrives late).
 */
export type RelayAction = 'drop' | 'duplicate' | 'hold' | 'late-copy';

export interface RelayRule {
  direction: RelayDirection;
  /** Which datagram: `index` counts datagrams in this direction from 0. */
  match: (data: Buffer, index: number) => boolean;
  action: RelayAction;
  /** Applies to the first match only (default), or to every match. */
  every?: boolean;
}

interface Session {
  client: Endpoint;
  upstream: dgram.Socket;
  /** Where datagrams from the client go: the target, then whoever last answered. */
  server: Endpoint;
}

export class UdpRelay {
  /** What the relay did to which datagram, in words, for failure messages. */
  readonly actions: string[] = [];
  private readonly rules: Array<RelayRule & { used: boolean }> = [];
  private readonly sessions = new Map<string, Promise<Session>>();
  private readonly upstreams: dgram.Socket[] = [];
  private closed = false;
  private readonly counts: Record<RelayDirection, number> = { 'to-client': 0, 'to-server': 0 };
  private readonly pending: Record<RelayDirection, Array<() => void>> = { 'to-client': [], 'to-server': [] };

  private constructor(
    private readonly front: dgram.Socket,
    readonly endpoint: Endpoint,
    private readonly target: Endpoint,
    private readonly transcript: Transcript,
    private readonly network: TestNetwork,
  ) {
    front.on('message', (data, rinfo) => void this.fromClient(data, { host: rinfo.address, port: rinfo.port }));
  }

  /**
   * A relay forwarding to `target` (in `network`); clients send to `relay.endpoint`, at
   * `frontPort` (0: any) in `frontNetwork`: the test's, or the client's own when the
   * server holds the port a client looks for.
   */
  static async start(target: Endpoint, transcript: Transcript, network: TestNetwork, frontPort: number, frontNetwork = network): Promise<UdpRelay> {
    const front = await bindSocket(frontNetwork, frontPort);
    const endpoint: Endpoint = { host: '127.0.0.1', port: front.address().port, ...(frontNetwork === network ? {} : { network: frontNetwork }) };
    transcript.add('relay', `relaying UDP from port ${endpoint.port} to ${target.host}:${target.port}`);
    return new UdpRelay(front, endpoint, target, transcript, network);
  }

  addRule(rule: RelayRule): void {
    this.rules.push({ ...rule, used: false });
  }

  close(): void {
    this.closed = true;
    for (const s of [this.front, ...this.upstreams]) {
      try {
        s.close();
      } catch {
        // already closed
      }
    }
  }

  private async fromClient(data: Buffer, client: Endpoint): Promise<void> {
    const key = `${client.host}:${client.port}`;
    let session = this.sessions.get(key);
    if (!session) {
      // Kept as a promise at once, so a second datagram arriving during bind() waits for
      // the same session and keeps its order.
      session = this.openSession(client);
      this.sessions.set(key, session);
    }
    const s = await session;
    this.forward('to-server', data, (d) => s.upstream.send(d, s.server.port, s.server.host));
  }

  private async openSession(client: Endpoint): Promise<Session> {
    // One upstream socket per client, so the server sees each client as its own sender.
    const upstream = await bindSocket(this.network, 0);
    this.upstreams.push(upstream);
    if (this.closed) upstream.close();
    const s: Session = { client, upstream, server: this.target };
    upstream.on('message', (reply, rinfo) => {
      // A server may answer from another socket (TFTP style): the client's next datagrams go there.
      s.server = { host: rinfo.address, port: rinfo.port };
      this.forward('to-client', reply, (d) => this.front.send(d, s.client.port, s.client.host));
    });
    return s;
  }

  private forward(direction: RelayDirection, data: Buffer, deliver: (d: Buffer) => void): void {
    const index = this.counts[direction]++;
    const rule = this.rules.find((r) => r.direction === direction && (r.every || !r.used) && r.match(data, index));
    const released = this.pending[direction].splice(0);
    const note = (what: string): void => {
      const line = `${what} datagram #${index} ${direction === 'to-client' ? 'to the client' : 'to the server'}: ${preview(data)}`;
      this.actions.push(line);
      this.transcript.add('relay', line);
    };
    if (rule) rule.used = true;
    switch (rule?.action) {
      case 'drop':
        note('dropped');
        break;
      case 'duplicate':
        note('duplicated');
        deliver(data);
        deliver(data);
        break;
      case 'hold':
        note('held back (to deliver after the next one)');
        this.pending[direction].push(() => deliver(data));
        break;
      case 'late-copy':
        note('passed, and will deliver a late copy of,');
        deliver(data);
        this.pending[direction].push(() => deliver(data));
        break;
      default:
        deliver(data);
    }
    // Whatever was waiting for "the next datagram" goes out right after this one.
    for (const release of released) release();
  }
}

/** A datagram's first line when it reads as a header ("DATA 3\n" + 1000 bytes), else its start. */
function preview(data: Buffer): string {
  const nl = data.indexOf(0x0a);
  const head = nl >= 0 && nl < 60 ? data.subarray(0, nl + 1) : undefined;
  if (head?.every((b) => b === 10 || b === 13 || (b >= 32 && b < 127))) {
    return `${quote(head.toString('latin1'))} + ${data.length - head.length} bytes`;
  }
  return data.length > 40 ? `${describeBytes(data.subarray(0, 40))}… (${data.length} bytes)` : describeBytes(data);
}

async function bindSocket(network: TestNetwork, port: number): Promise<dgram.Socket> {
  const socket = await network.bindUdp(port);
  // A send to a socket that has gone (a client that exited) must not crash the grader.
  socket.on('error', () => undefined);
  return socket;
}
