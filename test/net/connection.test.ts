// One connection as the expectations see it, over a real loopback socket pair: the grader's
// end is a Connection, the other end a socket this test writes, pauses, closes or resets.

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { expect } from 'chai';
import { StudentFailure } from '../../harness/core/failures.js';
import { textPattern } from '../../harness/core/text-pattern.js';
import { settlesWithin, UNSCALED } from '../../harness/core/time.js';
import { Transcript } from '../../harness/core/transcript.js';
import { Connection } from '../../harness/net/connection.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

interface Pair {
  grader: Connection;
  /** The other end, standing in for the student's server. */
  peer: net.Socket;
  transcript: Transcript;
  close: () => void;
}

/** A connection over loopback; with `pauseOnConnect` the peer reads nothing from its socket until resumed. */
async function pair(pauseOnConnect = false): Promise<Pair> {
  const server = net.createServer({ pauseOnConnect });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const peer = await accepted;
  server.close();
  const transcript = new Transcript();
  // This process's /proc shows the network the pair is in.
  const grader = new Connection(socket, 'server', transcript, 'grader', process.pid, UNSCALED);
  const close = (): void => {
    socket.destroy();
    peer.destroy();
  };
  return { grader, peer, transcript, close };
}

/** What `peer` receives until `bytes` have come (a deadline only a hang reaches). */
async function received(peer: net.Socket, bytes: number): Promise<string> {
  const got: Buffer[] = [];
  const all = new Promise<true>((resolve) => {
    const onData = (chunk: Buffer): void => {
      got.push(chunk);
      if (Buffer.concat(got).length < bytes) return;
      peer.off('data', onData);
      resolve(true);
    };
    peer.on('data', onData);
  });
  expect(await settlesWithin(all, PROGRAM_WAIT_MS), `${bytes} bytes at the peer`).to.equal(true);
  return Buffer.concat(got).toString();
}

/** The StudentFailure `action` fails with (a failure to fail is the test's own failure). */
/** A real program spawned by the test, as the grader's connection knows its peer: a client whose threads /proc shows. */
function clientProgram(sender: ChildProcess, exited: Promise<unknown>): Connection['peerProgram'] {
  return {
    role: 'client',
    process: {
      exited,
      pid: sender.pid ?? -1,
      get running() {
        return sender.exitCode === null && sender.signalCode === null;
      },
    },
  };
}

async function failureOf(action: Promise<unknown>): Promise<StudentFailure> {
  try {
    await action;
  } catch (e) {
    if (e instanceof StudentFailure) return e;
    throw e;
  }
  throw new Error('expected a StudentFailure, but the expectation was met');
}

describe('a connection over a real loopback socket', function () {
  // Deadlines that only a hang reaches (PROGRAM_WAIT_MS), on a machine busy with other runs.
  this.timeout(2 * PROGRAM_WAIT_MS);
  let open: Pair | undefined;
  afterEach(() => open?.close());

  it('sends a line the peer receives whole, with the send in the transcript', async () => {
    open = await pair();
    const { grader, peer, transcript } = open;
    const got = received(peer, 'HELLO\n'.length);
    await grader.sendLine('HELLO');
    expect(await got).to.equal('HELLO\n');
    expect(grader.lastSent).to.equal('"HELLO\\n"');
    expect(transcript.entries.map((e) => e.event)).to.include('sent "HELLO\\n"');
  });

  it('reads a line sent in two pieces as one line, each piece in the transcript', async () => {
    open = await pair();
    const { grader, peer, transcript } = open;
    peer.write('HEL');
    // The second piece leaves only once the first has arrived: two receives, not one.
    await grader.inbox.waitFor(() => (grader.inbox.unread().length === 3 ? true : undefined), PROGRAM_WAIT_MS, { stall: false });
    peer.write('LO\r\n');
    expect(await grader.expectLine('HELLO')).to.equal('HELLO');
    expect(transcript.entries.map((e) => e.event)).to.include.members(['received "HEL"', 'received "LO\\r\\n"']);
  });

  it('fails a line that is not the one expected, quoting both', async () => {
    open = await pair();
    open.peer.write('BYE\n');
    const failure = await failureOf(open.grader.expectLine('HELLO'));
    expect(failure.details.expected).to.equal('the line "HELLO"');
    expect(failure.details.actual).to.equal('the line "BYE"');
  });

  it('takes a fixed word without waiting for a newline, and the newline after it is not the next line', async () => {
    open = await pair();
    open.peer.write('OK\nnext\n');
    await open.grader.expectText('OK');
    expect(await open.grader.readLine()).to.equal('next');
  });

  it('counts a last line without its newline once the peer closes', async () => {
    open = await pair();
    open.peer.end('HAL');
    expect(await open.grader.readLine()).to.equal('HAL');
  });

  it('says the peer closed when a line was awaited and none came', async () => {
    open = await pair();
    open.peer.end();
    const failure = await failureOf(open.grader.expectLine('HELLO', { within: PROGRAM_WAIT_MS }));
    expect(failure.details.actual).to.equal('nothing: the server closed the connection');
  });

  it('says how long it waited, with the connection still open, when nothing came by the deadline', async () => {
    open = await pair();
    const failure = await failureOf(open.grader.expectLine('HELLO', { within: 200 }));
    expect(failure.details.actual).to.equal('nothing within 0.2 s (the connection is still open)');
  });

  it('says what part of a word came before the deadline', async () => {
    open = await pair();
    open.peer.write('HEL');
    const failure = await failureOf(open.grader.expectText('HELLO', { within: 200 }));
    expect(failure.details.actual).to.equal('only "HEL", then nothing more for 0.2 s');
  });

  it('reads everything up to the close, a MiB in many pieces', async () => {
    open = await pair();
    const data = Buffer.alloc(1024 * 1024, 'x');
    open.peer.end(data);
    const got = await open.grader.readUntilClosed({ within: PROGRAM_WAIT_MS });
    expect(got.equals(data), 'the bytes sent, in order').to.equal(true);
  });

  it('fails a close that came after more than whitespace, saying what came', async () => {
    open = await pair();
    open.peer.end('bye\n');
    const failure = await failureOf(open.grader.expectClosed({ within: PROGRAM_WAIT_MS }));
    expect(failure.details.actual).to.equal('it sent "bye\\n" before closing');
  });

  it('sees a reset as a reset, and the connection no longer open', async () => {
    open = await pair();
    open.peer.resetAndDestroy();
    expect(await open.grader.inbox.waitFor(() => undefined, PROGRAM_WAIT_MS, { stall: false })).to.deep.equal({ kind: 'ended' });
    expect(() => open?.grader.expectOpen()).to.throw(StudentFailure, 'the server reset the connection');
  });

  it('waits, from /proc, until the peer has read what was sent; and says so when it has not', async () => {
    // Paused from the start: what is sent stays in the peer's receive queue.
    open = await pair(true);
    await open.grader.send('unread');
    const failure = await failureOf(open.grader.waitUntilRead({ within: 300 }));
    expect(failure.details.expected).to.equal('the server accepts the connection and reads what was sent');
    expect(failure.details.actual).to.equal('it had not read it after 0.3 s');
    open.peer.resume();
    await open.grader.waitUntilRead({ within: PROGRAM_WAIT_MS });
  });

  it('sends a line with its newline, and a piece as it is, to a server that reads up to the newline', async () => {
    open = await pair();
    await open.grader.sendLinePiece('AA');
    expect(await received(open.peer, 2)).to.equal('AA');
    await open.grader.sendLine('PL');
    expect(await received(open.peer, 3)).to.equal('PL\n');
  });

  it('sends a server that reads without a newline each message whole and alone: a piece waits for the rest, the next message for the last to be read', async () => {
    open = await pair();
    open.grader.framing = 'bare';
    const chunks: string[] = [];
    open.peer.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    await open.grader.sendLinePiece('AA');
    await open.grader.sendLine('PL');
    await open.grader.sendLine('GOOG');
    await open.grader.waitUntilRead({ within: PROGRAM_WAIT_MS });
    expect(chunks).to.deep.equal(['AAPL', 'GOOG']);
    const said = open.transcript.entries.map((e) => e.event);
    expect(said).to.include('sent "AAPL"').and.include('sent "GOOG"');
    expect(said.some((e) => e.includes('without the newline'))).to.equal(true);
  });

  it('takes a long message without a newline as complete only once all of it has come: the sender waits, and nothing is left in either queue', async () => {
    // A real program sends 100 KiB without a newline in one sendall(), then waits in recv().
    // The grader reads nothing until all of it sits in the kernel's queues; then its socket
    // gets it 64 KiB at a time, so "the sender went on to wait" alone would end the message early.
    const size = 100 * 1024;
    const server = net.createServer({ pauseOnConnect: true });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as net.AddressInfo;
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const code = `import socket, sys; s = socket.create_connection(("127.0.0.1", ${port})); s.sendall(b"x" * ${size}); print("sent", flush=True); s.recv(1)`;
    const sender = spawn('python3', ['-c', code], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = once(sender, 'exit');
    try {
      const socket = await accepted;
      server.close();
      const sent = once(sender.stdout, 'data');
      expect(await settlesWithin(sent, PROGRAM_WAIT_MS), 'the sender says it sent everything').to.not.equal(undefined);
      const grader = new Connection(socket, 'client', new Transcript(), 'grader', process.pid, UNSCALED);
      grader.peerProgram = clientProgram(sender, exited);
      const line = grader.expectLine(textPattern('x, again and again', /^x+$/), { within: PROGRAM_WAIT_MS });
      socket.resume();
      expect((await line).length).to.equal(size);
      socket.destroy();
    } finally {
      sender.kill('SIGKILL');
      await exited;
    }
  });

  it('takes a piece without a newline as the whole line only while the sender has nothing from the grader left to read', async () => {
    // The sender sends "CAF", then sleeps on its keyboard with the grader's bytes unread in
    // its socket: asleep, but once it reads them it sends the rest ("E\n"). Had the grader
    // taken "CAF" as the line there, a server asleep in recv() for a moment as the next
    // piece arrives would have lost a test (task3c, 2 gradings in 20 under load).
    const server = net.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as net.AddressInfo;
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const code = `import socket, sys; s = socket.create_connection(("127.0.0.1", ${port})); s.sendall(b"CAF"); print("sent", flush=True); sys.stdin.readline(); s.recv(10); s.sendall(b"E\\n"); s.recv(1)`;
    const sender = spawn('python3', ['-c', code], { stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = once(sender, 'exit');
    try {
      const socket = await accepted;
      server.close();
      const grader = new Connection(socket, 'client', new Transcript(), 'grader', process.pid, UNSCALED);
      grader.peerProgram = clientProgram(sender, exited);
      expect(await settlesWithin(once(sender.stdout, 'data'), PROGRAM_WAIT_MS), 'the sender says it sent "CAF"').to.not.equal(undefined);
      await grader.send('more');
      const line = grader.expectLine(textPattern('CAFE', /^CAFE$/), { within: PROGRAM_WAIT_MS });
      // Long enough for the grader to look at the sender asleep on its keyboard, many times.
      expect(await settlesWithin(line, 500), "no line yet: the sender has the grader's bytes to read").to.equal(undefined);
      sender.stdin.write('go\n');
      expect(await line).to.equal('CAFE');
      socket.destroy();
    } finally {
      sender.kill('SIGKILL');
      await exited;
    }
  });
});
