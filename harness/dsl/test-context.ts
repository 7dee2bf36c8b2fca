// The one owner of everything a test starts: its network, programs, sockets, folders.
// A spec never cleans up; dispose() kills and closes all of it, whatever the outcome.

import { isStudentFailure, StudentFailure } from '../core/failures.js';
import type { Deadlines } from '../core/time.js';
import { Transcript } from '../core/transcript.js';
import { connectTo, type Endpoint } from '../net/connect.js';
import type { Connection } from '../net/connection.js';
import { FakeServer } from '../net/fake-server.js';
import type { ContactNotes } from '../net/peer-program.js';
import { refusedConnects } from '../net/refused-connects.js';
import { UdpPeer } from '../net/udp-peer.js';
import { UdpRelay } from '../net/udp-relay.js';
import type { RunningProgram } from '../process/program.js';
import { type BoundSocket, type ServerEnd, serverEndsOf } from '../process/sockets.js';
import { openTestNetwork, type SandboxView, type TestNetwork } from '../sandbox/test-network.js';
import { locateProgram } from '../submission/locate-program.js';
import { clientPort } from './client-port.js';
import { gradingDeadlines, learnStopWords, submissionDir, TestNotes } from './grading-context.js';
import { expectWaitedForNewline, PAGE_NEWLINE_TEST } from './page-newline.js';
import { expectPagePort } from './page-port.js';
import { ProgramUnderTest, ServerUnderTest } from './program-under-test.js';
import { sandboxView } from './sandbox-view.js';
import { observeFraming, serverFraming, serverReplyFraming } from './server-framing.js';
import { findProgram, type Started, type StartOptions, spawnInFolder, startListening } from './start-program.js';
import { StopWords } from './stop-words.js';
import type { Framing, Group, TaskOptions } from './task-terms.js';

export interface ServerOptions extends StartOptions {
  protocol?: 'tcp' | 'udp';
  /** Only the page's port will do (the one test that grades it); every other test takes the port the server chose. */
  pagePort?: boolean;
}

/** How long a failing test waits for an exit that may be under way; only failures pay it. */
const EXIT_SETTLE_MS = 200;

export class TestContext {
  readonly transcript = new Transcript();
  private readonly cleanups: Array<() => void | Promise<void>> = [];
  private readonly programs: RunningProgram[] = [];
  private graderConnections = 0;
  private network: Promise<TestNetwork> | undefined;
  private clientSide: Promise<TestNetwork> | undefined;

  /** What it saw of the programs, decided in the spec's order (see grading-context.ts). */
  readonly notes: TestNotes;

  /** The run's deadlines: `t.deadlines.reply`, `.startup`, `.scaled(ms)` for a spec's own waits. */
  readonly deadlines: Deadlines = gradingDeadlines();

  constructor(
    readonly task: string,
    readonly options: TaskOptions,
    readonly title: string,
    readonly group: Group,
    /** The notes of the tests before this one in the spec's order; outside a scheduled run (the harness's own tests), none. */
    earlier: () => readonly TestNotes[] = () => [],
  ) {
    this.notes = new TestNotes(task, title, earlier);
    // The programs' own stop words are read from their source once a grading, before the first test speaks one.
    if (options.stopWord !== undefined) learnStopWords(task, options.port, options.stopWord, options.clientStopWords);
    this.stopWords = new StopWords(task, options.stopWord, options.clientStopWords);
  }

  /** The words that end a session, the page's or the submission's own: see stop-words.ts. */
  readonly stopWords: StopWords;

  private readonly contact: ContactNotes = {
    reached: (role) => this.notes.reached(role),
    never: (role, what) => this.notes.neverReached(role, what),
  };

  /** The test's own network (opened on first use): see sandbox/test-network.ts. */
  net(): Promise<TestNetwork> {
    this.network ??= openTestNetwork(this.view());
    return this.network;
  }

  /**
   * A second network, for the student's own client when the grader sits between it and
   * the student's server: both may hard-code the same port, each in its own network,
   * the grader's relay holding it on the client's side. Without namespaces: the test's.
   */
  private async clientNet(): Promise<TestNetwork> {
    const main = await this.net();
    if (main.mode === 'none') return main;
    this.clientSide ??= openTestNetwork(this.view());
    return this.clientSide;
  }

  private view(): SandboxView {
    return sandboxView(this.task);
  }

  /**
   * Where the grader's own server waits for a student's client: when the test has its
   * network, where the client was seen to connect (client-port.ts), else the task's port.
   */
  private async graderServerPort(): Promise<number> {
    if ((await this.net()).mode === 'none') return 0;
    return (await clientPort(this.task, this.options)) ?? this.options.port;
  }

  /**
   * Starts the submission's server and resolves once it listens: in the test's own
   * network on the port it chose (the grader talks to it there), without one on PORT.
   * `pagePort`: the one test that grades the page's port fails on any other.
   */
  async startServer(opts: ServerOptions = {}): Promise<ServerUnderTest> {
    const cmd = await findProgram(this.task, 'server', this.group, this.notes, this.transcript.entries.length);
    const network = await this.net();
    const protocol = opts.protocol ?? this.options.protocol ?? 'tcp';
    let started: Started;
    let socket: BoundSocket;
    try {
      ({ started, socket } = await startListening(cmd, protocol, this.options.port, opts, this.transcript, network, this.deadlines, (s) => this.adopt(s), true));
    } catch (e) {
      if (isStudentFailure(e)) this.notes.startFailure('server');
      throw e;
    }
    const elsewhere = network.mode !== 'none' && socket.port !== this.options.port;
    if (network.mode !== 'none' && !socket.unconfirmed) this.notes.serverPort(this.options.port, socket.port);
    this.transcript.add('server', `listening on ${socket.host}:${socket.port}${socket.protocol === 'udp' ? ' (UDP)' : ''}${elsewhere ? ` (not the page's ${this.options.port})` : ''}`);
    // The server did start: a wrong port costs this test alone, never the later ones.
    if (opts.pagePort && network.mode !== 'none') expectPagePort(protocol, this.options.port, socket.port);
    return new ServerUnderTest(started.program, started.dir, started.programDir, this.deadlines, { host: socket.host, port: socket.port, unconfirmed: socket.unconfirmed });
  }

  /**
   * Starts the submission's client, pointed (HOST, PORT) at a server: the grader's
   * (a FakeServer, a UDP peer's endpoint) or the student's own (end to end).
   */
  async startClient(server: Endpoint | ServerUnderTest, opts: StartOptions = {}): Promise<ProgramUnderTest> {
    const target = server instanceof ServerUnderTest ? server.endpoint : server;
    const cmd = await findProgram(this.task, 'client', this.group, this.notes, this.transcript.entries.length);
    const started = await spawnInFolder(cmd, 'client', { HOST: target.host, PORT: String(target.port) }, opts, this.transcript, target.network ?? (await this.net()));
    this.adopt(started);
    return new ProgramUnderTest(started.program, started.dir, started.programDir, this.deadlines);
  }

  /**
   * The grader connects to the student's server as a client. Its lines go the way the
   * server reads them (server-framing.ts): without the newline to a server that acts on
   * what one recv() gives.
   */
  async connect(server: ServerUnderTest | Endpoint): Promise<Connection> {
    const conn = await this.connectPlain(server);
    if (server instanceof ServerUnderTest && (await this.serverFraming()) === 'bare') conn.framing = 'bare';
    return conn;
  }

  private async connectPlain(server: ServerUnderTest | Endpoint): Promise<Connection> {
    const to = server instanceof ServerUnderTest ? server.endpoint : server;
    this.graderConnections++;
    const name = this.graderConnections === 1 ? 'grader' : `grader #${this.graderConnections}`;
    const conn = await connectTo(to, await this.net(), this.transcript, this.deadlines, name);
    if (server instanceof ServerUnderTest) conn.peerProgram = server;
    this.cleanups.push(() => conn.destroy());
    return conn;
  }

  /** How the task's server reads a message in this grading, when learned ('line' otherwise: the page's). */
  async serverFraming(): Promise<Framing> {
    return (await serverFraming(this.task, this.options)) ?? 'line';
  }

  /**
   * True (and said in the transcript) when the server reads messages without a newline:
   * the page's newline is then charged once, in the test that grades it, and a test of the
   * newlines it sends has nothing more to charge.
   */
  async newlineChargedElsewhere(): Promise<boolean> {
    if ((await this.serverFraming()) !== 'bare') return false;
    this.transcript.add('grader', `your server reads messages without a newline: the page's newline is charged once, in "${PAGE_NEWLINE_TEST}", not here`);
    return true;
  }

  /**
   * The one test that grades the page's newline: a server of its own is sent the page's
   * first message without the newline, and fails if it acts on it before the newline comes.
   */
  async expectServerWaitsForNewline(opts: StartOptions = {}): Promise<void> {
    const probe = this.options.framingProbe;
    if (!probe) throw new Error(`task ${this.task} gives no first message to send (framingProbe)`);
    const server = await this.startServer(opts);
    const conn = await this.connectPlain(server);
    const seen = await observeFraming(conn, server.process, probe, undefined, () => this.connectPlain(server));
    if (seen.framing === 'line') conn.note('the server read the message and waits for its newline');
    expectWaitedForNewline(probe.message, seen);
  }

  /**
   * How the grader, as the server, answers the client: without a newline only where the
   * client sends none and its own server answers so (or, not seen answering, reads without
   * one too): a client that reads up to the newline keeps it. A client handed in without a
   * server is answered the way it sends, as its course's programs do (one send, one recv).
   */
  private async answerFraming(clientFraming: Framing | undefined): Promise<Framing> {
    if (clientFraming !== 'bare') return 'line';
    if ('missing' in (await locateProgram(submissionDir(), this.task, 'server'))) return 'bare';
    const replies = await serverReplyFraming(this.task, this.options);
    return (replies ?? (await serverFraming(this.task, this.options))) === 'bare' ? 'bare' : 'line';
  }

  /** The grader listens as the server, where a student's client looks for it. */
  async listen(): Promise<FakeServer> {
    // Where the page gives a first message, the client's own framing is learned from the first line it sends, and later answers go its way
    // (as one test after another would know it here: an earlier test that may still see it first is waited for).
    const framing = this.options.framingProbe ? await this.answerFraming(await this.notes.clientFraming()) : undefined;
    const server = await FakeServer.start(this.transcript, await this.net(), await this.graderServerPort(), this.deadlines);
    this.cleanups.push(() => server.close());
    server.contact = this.contact;
    if (framing) {
      server.framing = framing;
      server.onFirstLine = (endedWithNewline) => this.notes.clientFramingSeen(this.options.port, endedWithNewline ? 'line' : 'bare');
    }
    return server;
  }

  /** A UDP socket of the grader's, as a client (any port). */
  async udp(name = 'grader'): Promise<UdpPeer> {
    const peer = await UdpPeer.open(this.transcript, await this.net(), name, 0, this.deadlines);
    peer.contact = this.contact;
    this.cleanups.push(() => peer.close());
    return peer;
  }

  /** A UDP socket of the grader's playing the server, where a student's client looks for it. */
  async udpServer(name = 'grader (server)'): Promise<UdpPeer> {
    const peer = await UdpPeer.open(this.transcript, await this.net(), name, await this.graderServerPort(), this.deadlines);
    peer.contact = this.contact;
    this.cleanups.push(() => peer.close());
    return peer;
  }

  /**
   * A UDP relay to `target`, taking the place a student's client looks for: in front of
   * the grader's server, the task port ('task port'); in front of the student's own
   * server, which holds that port, the task port of the client's own network
   * ('own client side': start the client with `relay.endpoint`); 'any port' otherwise.
   */
  async udpRelay(target: Endpoint, front: 'task port' | 'own client side' | 'any port' = 'task port'): Promise<UdpRelay> {
    const frontNetwork = front === 'own client side' ? await this.clientNet() : await this.net();
    const relay = await UdpRelay.start(target, this.transcript, await this.net(), front === 'any port' ? 0 : await this.graderServerPort(), frontNetwork);
    this.cleanups.push(() => relay.close());
    return relay;
  }

  /**
   * Connects refused so far in the test's own network (to a port nobody listens on);
   * undefined where that cannot be known (no network of its own).
   */
  async refusedConnects(): Promise<number | undefined> {
    const network = await this.net();
    return network.mode === 'none' ? undefined : refusedConnects(network.netPid);
  }

  /** Fails unless a connect was refused since `before` (from refusedConnects()): the client really tried. */
  async expectTriedToConnect(before: number | undefined, help: string): Promise<void> {
    const now = await this.refusedConnects();
    if (before === undefined || now === undefined || now > before) return;
    throw new StudentFailure({ expected: 'the client tries to connect to HOST:PORT (and is refused: no server runs there)', actual: 'it never tried to connect', help });
  }

  /**
   * Where the student's own client stands with the student's server, from the socket
   * table (what the grader saw, for a hint that names a cause): for each connection the
   * client holds to the server, whether the server accepted it and read what it sent.
   * Empty when the client holds none (not connected yet, or gone).
   */
  async serverEndsOf(client: ProgramUnderTest, server: ServerUnderTest): Promise<ServerEnd[]> {
    if (!client.running) return [];
    return serverEndsOf(client.process.pid, server.endpoint.port, (await this.net()).netPid);
  }

  /** Registers any other resource a spec opened, closed at the end of the test. */
  defer(cleanup: () => void | Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  /**
   * Before a failure is explained: a program whose crash closed the connection is
   * reported as crashed (with its traceback), not as running, once its exit arrives.
   */
  async settleExits(): Promise<void> {
    await Promise.all(this.programs.filter((p) => p.running).map((p) => p.exitsWithin(EXIT_SETTLE_MS)));
  }

  /** A failure's message, with how each program ended and its stderr. */
  explain(failure: StudentFailure): string {
    // Only what adds evidence: a program that ended by itself, or wrote to stderr.
    const reports = this.programs.filter((p) => (!p.running && !p.killedByGrader) || p.stderr.all().length > 0).map((p) => p.statusReport());
    return [failure.message, ...reports].join('\n');
  }

  async dispose(): Promise<void> {
    // The network goes last: its folders hold the programs' files until they are gone.
    const { network, clientSide } = this;
    if (network !== undefined) this.cleanups.unshift(async () => (await network).close());
    if (clientSide !== undefined) this.cleanups.unshift(async () => (await clientSide).close());
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // cleaning up must never hide the test's own outcome
      }
    }
  }

  private adopt(started: Started): void {
    this.programs.push(started.program);
    // Kill first, then remove the folder: a live program may still be writing into it.
    this.cleanups.push(started.cleanupDir);
    this.cleanups.push(() => started.program.kill());
  }
}
