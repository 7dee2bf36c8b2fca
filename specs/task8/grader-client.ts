// The grader as a task8 client, step by step, to test a student's server: request a
// file, take each DATA, acknowledge it when the test says so, check END and the bytes.

import { describeDifference, type Endpoint, type ServerUnderTest, StudentFailure, type UdpPeer } from '../../harness/index.js';
import { MAX_CHUNK, parse, showDatagram } from './wire.js';

export class GraderDownload {
  readonly chunks: Buffer[] = [];
  /** Where the last DATA came from: ACKs go there (the server may use a socket per client). */
  private sender: Endpoint | undefined;
  private taken = 0;
  private done = false;

  constructor(
    private readonly peer: UdpPeer,
    private readonly server: ServerUnderTest,
    readonly name: string,
    private readonly who = 'the grader',
  ) {}

  async request(): Promise<void> {
    await this.peer.send(this.name, this.server.endpoint);
  }

  /** END has arrived. */
  get ended(): boolean {
    return this.done;
  }

  /** Datagrams that arrived but the download has not taken yet (sent early, or meant for another client). */
  untaken(): Buffer[] {
    return this.peer.received.slice(this.taken).map((d) => d.data);
  }

  /** Waits for the next chunk (duplicates are skipped) or END; says which. */
  async next(opts: { within?: number; help?: string } = {}): Promise<'data' | 'end'> {
    const want = this.chunks.length;
    for (;;) {
      const d = await this.peer.nextDatagram({
        from: this.server,
        within: opts.within,
        expected: `${this.who} receives DATA ${want}${want > 0 ? ` or END ${want}` : ''} for ${this.name}`,
        help:
          opts.help ??
          (want === 0
            ? 'reply with b"DATA 0\\n" + the first chunk (at most 4096 bytes); one sendto() of a whole file over 65,507 bytes fails'
            : `after ACK ${want - 1}, send the next chunk to the address the ACK came from`),
      });
      this.taken++;
      const p = parse(d.data);
      const fail = (actual: string, help?: string): never => {
        throw new StudentFailure({ sent: this.peer.lastSent, expected: `${this.who} receives DATA ${want}${want > 0 ? ` or END ${want}` : ''} for ${this.name}`, actual, help });
      };
      if (p.kind === 'DATA') {
        if (p.n < want) continue; // a duplicate: the protocol says to ignore it
        if (p.n > want) fail(`DATA ${p.n} (${showDatagram(d.data)})`, 'number the chunks 0, 1, 2, … and send the next one only after the ACK of the previous one');
        if (p.chunk.length > MAX_CHUNK)
          fail(`DATA ${p.n} with ${p.chunk.length} bytes of the file`, `a DATA datagram carries at most ${MAX_CHUNK} bytes of the file: read and send it in pieces, f.read(4096)`);
        this.chunks.push(p.chunk);
        this.sender = d.from;
        return 'data';
      }
      if (p.kind === 'END') {
        if (p.count !== want) fail(`${showDatagram(d.data)} after ${want} DATA datagram(s)`, `END carries the number of DATA datagrams sent: b"END ${want}"`);
        this.done = true;
        return 'end';
      }
      if (p.kind === 'ERROR') fail(showDatagram(d.data), `${this.name} is in the server's folder; open it in binary mode: open(name, "rb")`);
      fail(`a datagram that is neither DATA nor END: ${showDatagram(d.data)}`, 'start each DATA datagram with its header: b"DATA %d\\n" % n, then the raw bytes');
    }
  }

  /** Acknowledges the last chunk taken, to the address it came from. */
  async ack(): Promise<void> {
    const n = this.chunks.length - 1;
    await this.peer.send(`ACK ${n}`, this.sender ?? this.server.endpoint);
  }

  /** Acknowledges and takes chunks until END; returns the file's bytes. */
  async finish(): Promise<Buffer> {
    while (!this.done) {
      if (this.chunks.length > 0) await this.ack();
      await this.next();
    }
    return Buffer.concat(this.chunks);
  }

  /** The whole download: request, every chunk, END, and the bytes compared. */
  async run(expected: Buffer): Promise<void> {
    await this.request();
    await this.finish();
    this.expectBytes(expected);
  }

  expectBytes(expected: Buffer): void {
    const diff = describeDifference(Buffer.concat(this.chunks), expected);
    if (diff) {
      throw new StudentFailure({
        expected: `the chunks ${this.who} received make up ${this.name} exactly (${expected.length} bytes)`,
        actual: `they make ${diff}`,
        help: 'read the file with open(name, "rb") and send its bytes unchanged, no .decode()/.encode(), each chunk once, in order',
      });
    }
  }
}
