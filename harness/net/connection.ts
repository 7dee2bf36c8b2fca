// One TCP connection between the grader and a student's program, whichever side
// connected. Sends are logged; everything received lands in an inbox that the
// expectations read. Every expectation has a deadline and fails fast when the
// connection ends.

import type net from 'node:net';
import { StudentFailure } from '../core/failures.js';
import { Inbox, stalledWords, takeLine, type WaitOutcome, whyNoMore } from '../core/inbox.js';
import { describeBytes, quote } from '../core/quote.js';
import { onStall } from '../core/stall-signal.js';
import { ANY_LINE, type TextPattern } from '../core/text-pattern.js';
import { type Deadlines, pollUntil, seconds } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import { allThreadsAsleep } from '../process/process-tree.js';
import { studentSideOf } from '../process/sockets.js';
import type { PeerProgram } from './peer-program.js';

/** Enough for the largest file a spec sends; past it bytes are counted, not kept. */
const RECEIVE_CAP_BYTES = 64 * 1024 * 1024;

/** The exact line, or a pattern with the words that say what it expects. */
export type LineMatcher = string | TextPattern;

export interface ExpectOptions {
  within?: number;
  /** What the student should look at if this fails. */
  help?: string;
  /**
   * The line must end with its newline, as the protocol page asks. Only the robustness
   * group's framing test sets this; elsewhere a message the sender has finished sending
   * counts as complete without one.
   */
  requireNewline?: boolean;
}

/** How often a message without its newline is checked for a sender that went on to wait. */
const SENDER_CHECK_MS = 5;

export class Connection {
  readonly inbox = new Inbox(RECEIVE_CAP_BYTES);
  /** The last thing the grader sent, shown as `sent:` in failures. */
  lastSent: string | undefined;
  /** The student's program on the other end, when known: its state tells when an unframed message is over. */
  peerProgram: PeerProgram | undefined;
  /** How the program on the other end reads a message: up to its newline (the page's), or as one recv() gives it. */
  framing: 'line' | 'bare' = 'line';
  /** Told, at the first line this connection reads, whether it ended with a newline (how the peer frames its messages). */
  onFirstLine: ((endedWithNewline: boolean) => void) | undefined;
  /** The start of a line held back from a 'bare' reader, sent with the rest. */
  private heldPiece = '';
  private sentBare = false;
  private readonly label: string;
  /** The peer closed its side in order (FIN); `errored`: a reset or another error ended the connection. */
  private finReceived = false;
  private errored = false;

  /**
   * @param peer who is on the other end: "server" or "client"
   * @param name how the transcript names this connection, e.g. "grader" or "grader #2"
   * @param netPid a process whose /proc/<pid>/net shows the network the connection is in
   * @param deadlines the run's: how long an expectation waits unless told
   */
  constructor(
    readonly socket: net.Socket,
    readonly peer: string,
    private readonly transcript: Transcript,
    readonly name: string,
    readonly netPid: number,
    readonly deadlines: Deadlines,
  ) {
    this.label = name;
    socket.setNoDelay(true); // pieces must leave as separate segments
    socket.on('data', (chunk: Buffer) => {
      transcript.received(this.label, chunk);
      this.inbox.push(chunk);
    });
    socket.on('end', () => {
      this.finReceived = true;
      transcript.add(this.label, `the ${peer} closed the connection`);
      this.inbox.end(`the ${peer} closed the connection`);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.errored = true;
      const why = err.code === 'ECONNRESET' ? `the ${peer} reset the connection` : `connection error ${err.code ?? err.message}`;
      transcript.add(this.label, why);
      this.inbox.end(why);
    });
    socket.on('close', () => this.inbox.end(`the connection closed`));
  }

  /** Adds what the grader did or saw on this connection to the test's transcript. */
  note(event: string): void {
    this.transcript.add(this.label, event);
  }

  get localPort(): number {
    return this.socket.localPort ?? 0;
  }

  get remotePort(): number {
    return this.socket.remotePort ?? 0;
  }

  /** Writes and waits until the bytes are handed to the kernel. */
  async send(data: string | Buffer): Promise<void> {
    this.lastSent = quote(data);
    this.transcript.sent(this.label, data);
    if (this.socket.destroyed || this.socket.writableEnded) return;
    await new Promise<void>((resolve) => this.socket.write(data, () => resolve()));
  }

  /**
   * One message: the text and its newline, as the page asks; to a server that reads
   * messages as one recv() gives them (`framing` 'bare'), the text alone, once it has read
   * the one before (two in its queue at once would be one recv()).
   */
  async sendLine(text: string): Promise<void> {
    if (this.framing === 'line') return this.send(`${text}\n`);
    const message = this.heldPiece + text;
    this.heldPiece = '';
    if (this.sentBare) await this.readByPeer();
    else this.note('(messages go without the newline: the server reads each as one recv() gives it)');
    this.sentBare = true;
    return this.send(message);
  }

  /**
   * The first piece of a line, sent as it is. To a 'bare' server it is held back and sent
   * with the rest: to it a piece is a whole message (the page's newline is graded elsewhere).
   */
  async sendLinePiece(piece: string): Promise<void> {
    if (this.framing === 'line') return this.send(piece);
    this.heldPiece += piece;
    this.note(`held back ${quote(piece)} to send with the rest: the server takes what one recv() gives as a whole message`);
  }

  /** Until the program has read all that was sent (or the connection ended, or the deadline): never fails. */
  private async readByPeer(): Promise<void> {
    await pollUntil(() => {
      if (this.inbox.ended) return true;
      const side = studentSideOf(this.remotePort, this.localPort, this.netPid);
      return side?.accepted && side.unreadBytes === 0 ? true : undefined;
    }, this.deadlines.reply);
  }

  /** Half-close: the student's program reads end of file, can still answer. */
  end(): void {
    this.transcript.add(this.label, 'closed its sending side (FIN)');
    this.socket.end();
  }

  /** An abrupt disconnect (RST), as a crashed or killed peer would leave. */
  reset(): void {
    this.transcript.add(this.label, 'reset the connection (RST)');
    this.socket.resetAndDestroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  /**
   * Waits until the student's program has accept()ed this connection (if it is the
   * server) and recv()'d everything sent so far: the event that makes "a message in
   * pieces" deterministic. Read from /proc, so it costs the program nothing.
   */
  async waitUntilRead(opts: ExpectOptions = {}): Promise<void> {
    const within = opts.within ?? this.deadlines.reply;
    let stalled: string | undefined;
    const stop = onStall((why) => (stalled = why), Date.now() + within);
    const read = await pollUntil(() => {
      // A program that closes a socket with bytes still unread resets it: an orderly
      // close (FIN, no reset) proves it read everything, whether it then exited or not.
      if (this.finReceived && !this.errored) return true;
      const state = studentSideOf(this.remotePort, this.localPort, this.netPid);
      if (state?.accepted && state.unreadBytes === 0) return true;
      if (this.inbox.ended) return false; // reset: it will read no more
      return stalled === undefined ? undefined : false;
    }, within);
    stop();
    if (!read && this.inbox.ended) {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: `the ${this.peer} accepts the connection and reads what was sent`,
        actual: `${this.inbox.endedBecause ?? 'the connection ended'} with what was sent still unread (a program that closes or exits with bytes unread resets the connection)`,
        help: opts.help,
      });
    }
    if (!read) {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: `the ${this.peer} accepts the connection and reads what was sent`,
        actual: stalled === undefined ? `it had not read it after ${seconds(within)}` : `it has not read it: ${stalledWords(stalled)}`,
        help: opts.help ?? `is the ${this.peer} busy with another client, or stuck before accept()/recv()?`,
      });
    }
  }

  /**
   * True once the program that sent what is unread has gone on to wait: nothing left
   * in its socket's send queue, nothing the grader's socket holds unread (a long message
   * comes to the grader 64 KiB at a time), nothing the grader sent waiting for it to read
   * (asleep in recv() with bytes queued, it is about to wake and may send the rest), and
   * every thread of its tree asleep (in recv, input(), accept...). Its message is over,
   * newline or not. Read from /proc: no timer decides.
   */
  private senderWaits(): boolean {
    const sender = this.peerProgram;
    if (!sender?.process.running) return false;
    const side = studentSideOf(this.remotePort, this.localPort, this.netPid);
    if (side === undefined || side.unsentBytes !== 0 || side.unreadBytes !== 0) return false;
    // The same table seen from the grader's end of the connection.
    const ours = studentSideOf(this.localPort, this.remotePort, this.netPid);
    return (ours === undefined || ours.unreadBytes === 0) && allThreadsAsleep(sender.process.pid);
  }

  /**
   * The next line (CR/LF stripped) must match. A last line without its newline counts
   * once the peer closes, or (unless `requireNewline`) once the sender goes on to wait.
   */
  async expectLine(matcher: LineMatcher, opts: ExpectOptions = {}): Promise<string> {
    const within = opts.within ?? this.deadlines.reply;
    const wanted = describeMatcher(matcher);
    let unframed = false;
    const next = (): string | undefined => {
      const line = takeLine(this.inbox);
      if (line !== undefined) return line;
      if (this.inbox.unread().length === 0 || !this.senderWaits()) return undefined;
      unframed = true;
      if (opts.requireNewline) return undefined;
      const rest = this.inbox.unreadText();
      this.inbox.consume(this.inbox.unread().length);
      return rest.replace(/\r$/, '');
    };
    // Rechecked while a part of a line waits for its newline: the sender's state has no event.
    const outcome = await this.inbox.waitFor(() => (unframed && opts.requireNewline ? null : next()), within, { recheckMs: this.peerProgram ? SENDER_CHECK_MS : undefined });
    if (outcome.kind === 'found') this.firstLineSeen(!unframed);
    if (outcome.kind === 'found' && outcome.value === null) {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: `${wanted}, ended by a newline ("\\n"), as the protocol page asks`,
        actual: `${describeBytes(this.inbox.unread())} with no newline, and the ${this.peer} went on to wait`,
        help: opts.help ?? `end every message with "\\n": sock.sendall((text + "\\n").encode()); the other side reads up to the newline to know the message is complete`,
      });
    }
    if (outcome.kind !== 'found' || outcome.value === null) {
      throw this.nothingCame(`${wanted} from the ${this.peer}`, outcome, within, opts.help);
    }
    if (unframed) this.note(`(no newline; taken as complete when the ${this.peer} went on to wait)`);
    if (!matches(matcher, outcome.value)) {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: wanted,
        actual: `the line ${quote(outcome.value)}`,
        help: opts.help,
      });
    }
    return outcome.value;
  }

  private firstLineSeen(endedWithNewline: boolean): void {
    const tell = this.onFirstLine;
    this.onFirstLine = undefined;
    tell?.(endedWithNewline);
  }

  /** The next line, whatever it is. */
  async readLine(opts: ExpectOptions = {}): Promise<string> {
    return this.expectLine(ANY_LINE, opts);
  }

  /**
   * A fixed word such as HELLO, with or without a newline after it: the word is
   * complete once that many bytes arrived, so no newline has to be waited for.
   */
  async expectText(text: string, opts: ExpectOptions & { ignoreCase?: boolean } = {}): Promise<void> {
    const within = opts.within ?? this.deadlines.reply;
    const want = Buffer.byteLength(text);
    const outcome = await this.inbox.waitFor(() => {
      const unread = this.inbox.unread();
      return unread.length >= want ? unread.subarray(0, want).toString('utf8') : undefined;
    }, within);
    if (outcome.kind !== 'found') {
      const partial = this.inbox.unread();
      if (partial.length > 0) {
        throw new StudentFailure({
          sent: this.lastSent,
          expected: `${quote(text)} from the ${this.peer}`,
          actual: `only ${quote(partial)}, then ${whyNoMore(outcome, within, this.inbox.endedBecause)}`,
          help: opts.help,
        });
      }
      throw this.nothingCame(quote(text), outcome, within, opts.help);
    }
    const same = opts.ignoreCase ? outcome.value.toLowerCase() === text.toLowerCase() : outcome.value === text;
    if (!same) {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: `${quote(text)} from the ${this.peer}`,
        actual: `${quote(this.inbox.unread().subarray(0, Math.max(want, 60)))}`,
        help: opts.help,
      });
    }
    this.inbox.consume(want);
    // A line ending after the word is allowed.
    const rest = this.inbox.unread();
    if (rest[0] === 0x0d && rest[1] === 0x0a) this.inbox.consume(2);
    else if (rest[0] === 0x0a) this.inbox.consume(1);
  }

  /** Reads until the peer closes; fails if it never does. */
  async readUntilClosed(opts: ExpectOptions = {}): Promise<Buffer> {
    const within = opts.within ?? this.deadlines.reply;
    const outcome = await this.inbox.waitFor(() => undefined, within);
    const data = Buffer.from(this.inbox.unread());
    if (outcome.kind === 'timeout' || outcome.kind === 'stalled') {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: `the ${this.peer} sends everything and closes the connection`,
        actual:
          outcome.kind === 'timeout'
            ? `after ${describeBytes(data)} the connection was still open ${seconds(within)} later`
            : `after ${describeBytes(data)} the connection is still open: ${stalledWords(outcome.why)}`,
        help: opts.help ?? `close the socket when you are done, so the other side knows the data ended`,
      });
    }
    this.inbox.consume(data.length);
    return data;
  }

  /** The peer closes the connection (trailing whitespace it sends first is fine). */
  async expectClosed(opts: ExpectOptions = {}): Promise<void> {
    const data = await this.readUntilClosed(opts);
    if (data.toString('utf8').trim().length > 0) {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: `the ${this.peer} closes the connection`,
        actual: `it sent ${describeBytes(data)} before closing`,
        help: opts.help,
      });
    }
  }

  /** The connection is still open: no close, no reset, nothing unexpected has ended it. */
  expectOpen(help?: string): void {
    if (this.inbox.ended) {
      throw new StudentFailure({
        sent: this.lastSent,
        expected: `the connection stays open`,
        actual: this.inbox.endedBecause ?? 'it closed',
        help,
      });
    }
  }

  private nothingCame(what: string, outcome: WaitOutcome<unknown>, within: number, help?: string): StudentFailure {
    const partial = this.inbox.unread();
    const before = partial.length > 0 ? `only ${describeBytes(partial)} (no end of line), then ` : '';
    const why =
      outcome.kind === 'timeout'
        ? `nothing within ${seconds(within)} (the connection is still open)`
        : outcome.kind === 'stalled'
          ? `nothing: ${stalledWords(outcome.why)}`
          : `nothing: ${this.inbox.endedBecause}`;
    return new StudentFailure({ sent: this.lastSent, expected: what, actual: `${before}${why}`, help });
  }
}

export function matches(matcher: LineMatcher, line: string): boolean {
  return typeof matcher === 'string' ? line === matcher : matcher.test(line);
}

/** What was expected, quoted: `the line "OK"`, or the pattern's own words. */
export function describeMatcher(matcher: LineMatcher): string {
  return typeof matcher === 'string' ? `the line ${quote(matcher)}` : matcher.says;
}
