// The grader as a task8 server, to test a student's client: it takes one request and
// answers it the way PROTOCOL.md says, checking each ACK on the way.

import { type PeerProgram, quote, StudentFailure, type UdpPeer } from '../../harness/index.js';
import { chunksOf, dataDatagram, parse, showDatagram } from './wire.js';

export interface ServeOptions {
  /** The name the client was told to ask for. */
  name: string;
  /** Its content; undefined: the file does not exist and the answer is ERROR. */
  content: Buffer | undefined;
  /** Bytes of the file per DATA datagram. */
  chunkSize: number;
  /** Answer from this other socket (as a TFTP-style server does); ACKs must come to it. */
  replyFrom?: UdpPeer;
  /** The student's client, when started: its exit ends every wait at once. */
  client?: PeerProgram;
}

/** Resolves once END (or ERROR) is sent; throws when the client breaks the protocol. */
export async function serveOneRequest(peer: UdpPeer, opts: ServeOptions): Promise<void> {
  // As long as a TCP client gets to connect: the client's first act once started.
  const request = await peer.nextDatagram({
    from: opts.client,
    expected: `the client sends the file name ${quote(opts.name)} to HOST:PORT`,
    help: 'send the name as one datagram: sock.sendto(name.encode(), (HOST, PORT)), with HOST and PORT from the environment',
  });
  const asked = request.data.toString('latin1').trim();
  if (asked !== opts.name) {
    throw new StudentFailure({
      expected: `the client's request is the file name it was given, ${quote(opts.name)}`,
      actual: `it sent ${showDatagram(request.data)}`,
      help: 'take the name from sys.argv[1] (or input()) and send just that: sock.sendto(name.encode(), (HOST, PORT))',
    });
  }
  const out = opts.replyFrom ?? peer;
  const client = request.from;
  if (opts.content === undefined) {
    await out.send(`ERROR file not found: ${opts.name}`, client);
    return;
  }
  const chunks = chunksOf(opts.content, opts.chunkSize);
  for (const [n, chunk] of chunks.entries()) {
    await out.send(dataDatagram(n, chunk), client);
    await expectAck(out, n, opts.client);
  }
  await out.send(`END ${chunks.length}`, client);
}

async function expectAck(peer: UdpPeer, n: number, client: PeerProgram | undefined): Promise<void> {
  const expected = `the client acknowledges DATA ${n} with ACK ${n}, sent to the address the DATA came from`;
  for (;;) {
    const d = await peer.nextDatagram({
      from: client,
      expected,
      help: 'after each DATA, reply sock.sendto(b"ACK %d" % n, addr) where addr is what recvfrom() returned with the DATA',
    });
    const p = parse(d.data);
    if (p.kind === 'ACK' && p.n < n) continue; // acknowledging a duplicate again is allowed
    if (p.kind === 'ACK' && p.n === n) return;
    throw new StudentFailure({ expected, actual: `it sent ${showDatagram(d.data)}`, help: 'acknowledge the chunk just received, by its number: b"ACK %d" % n' });
  }
}
