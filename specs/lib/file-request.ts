// The file-request protocol of task5 and task6, from the grader's side: the client sends
// one line with a file name; the server answers "OK\n" and the file's bytes, or a line
// "ERROR <reason>", and closes the connection. Shared by both specs so they grade the
// same wire format the same way. task7 asks the same way (its reply has no OK line) and
// judges its client with the same client-side checks.

import { readdirSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ANY_LINE,
  type Connection,
  describeBytes,
  expectNoSavedFile,
  expectSameBytes,
  type FakeServer,
  type ProgramUnderTest,
  quote,
  randomBytes,
  randomInt,
  randomWord,
  readUntrustedFile,
  type ServerUnderTest,
  StudentFailure,
  type TestContext,
  textPattern,
  whyNoMore,
} from '../../harness/index.js';

/** A file the server must never send, in the folder above its own. */
export async function secretBeside(t: TestContext, serverDir: string): Promise<{ file: string; content: Buffer }> {
  const file = path.join(path.dirname(serverDir), `secret_${randomBytes(6).toString('hex')}.txt`);
  const content = Buffer.from(`top secret ${randomBytes(12).toString('hex')}\n`);
  await writeFile(file, content);
  t.defer(() => unlink(file));
  return { file, content };
}

/** Words beyond ASCII (2-, 3- and 4-byte UTF-8), so a file that is not kept as UTF-8 shows. */
const NON_ASCII_WORDS = ['Grüße', 'señor', 'café', 'naïve', 'Ελλάδα', 'Москва', '日本語', 'حرف', '✓', '€100', '🙂', 'Straße', 'ça', 'Åland'];

/** UTF-8 text of about `bytes` bytes: lines of ASCII and non-ASCII words, each line ending in `eol`. */
export function randomUtf8Text(bytes: number, eol = '\n'): Buffer {
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words = Array.from({ length: 4 + randomInt(8) }, () => (randomInt(3) === 0 ? NON_ASCII_WORDS[randomInt(NON_ASCII_WORDS.length)] : randomWord(1 + randomInt(9))));
    const line = `${words.join(' ')}${eol}`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join(''), 'utf8');
}

/** How the first line of a reply is judged: "OK" and "ERROR …", any letter case. */
const OK_LINE = /^ok$/i;
const ERROR_LINE = textPattern('a line starting with "ERROR" (in any letter case)', /^error\b/i);

function firstLine(raw: Buffer): { line: string; rest: Buffer } | undefined {
  const nl = raw.indexOf(0x0a);
  if (nl < 0) return undefined;
  return { line: raw.subarray(0, nl).toString('utf8').replace(/\r$/, '').trim(), rest: raw.subarray(nl + 1) };
}

export interface ReplyOptions {
  /** The deadline for the whole reply (large files get longer). */
  within?: number;
  help?: string;
}

/** Reads the server's whole reply (it must close) and checks it is "OK\n" followed by exactly `expected`. */
export async function expectFileReply(conn: Connection, name: string, expected: Buffer, opts: ReplyOptions = {}): Promise<void> {
  const raw = await conn.readUntilClosed({
    within: opts.within,
    help: 'after the last byte of the file, close the connection (conn.close()): that is how the client knows the file ended',
  });
  const head = firstLine(raw);
  if (!head) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `the line "OK", then the ${expected.length} bytes of the file`,
      actual: `${describeBytes(raw)} with no line "OK" first`,
      help: 'send b"OK\\n" before the file\'s bytes, so the client can tell a file from an error',
    });
  }
  if (!OK_LINE.test(head.line)) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `the line "OK", then the ${expected.length} bytes of the file "${name}" (it is in the server's folder)`,
      actual: `the line ${quote(head.line)}`,
      help: ERROR_LINE.test(head.line)
        ? 'the file is there: open it by the name the client sent, relative to the working folder, after stripping the newline (name.strip())'
        : 'the first line must be exactly OK',
    });
  }
  expectSameBytes(head.rest, expected, {
    what: `after "OK\\n", the file "${name}"`,
    sent: conn.lastSent,
    help: opts.help,
  });
}

/**
 * Robustness: the server's reply (it must close) ends with exactly `expected`, after at
 * most one status line that is not an ERROR. The probes that use it judge whether the
 * file came whole; the page's "OK" line is the server group's test.
 */
export async function expectFileArrivesWhole(conn: Connection, name: string, expected: Buffer, opts: ReplyOptions = {}): Promise<void> {
  const raw = await conn.readUntilClosed({
    within: opts.within,
    help: 'after the last byte of the file, close the connection (conn.close()): that is how the client knows the file ended',
  });
  const head = firstLine(raw);
  if (raw.equals(expected) || (head && !ERROR_LINE.test(head.line) && head.rest.equals(expected))) return;
  if (head && ERROR_LINE.test(head.line)) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `the ${expected.length} bytes of the file "${name}" (it is in the server's folder)`,
      actual: `the line ${quote(head.line)}`,
      help: opts.help,
    });
  }
  expectSameBytes(head && OK_LINE.test(head.line) ? head.rest : raw, expected, {
    what: `the file "${name}" (after its status line)`,
    sent: conn.lastSent,
    help: opts.help,
  });
}

/**
 * The server answers a line starting with ERROR and closes, and nothing it sent contains
 * `secret` (the content of a file it must not serve).
 */
export async function expectErrorReply(conn: Connection, opts: { help?: string; secret?: Buffer; why: string }): Promise<void> {
  const raw = await conn.readUntilClosed({ help: 'after the ERROR line, close the connection (conn.close())' });
  const leaked = opts.secret !== undefined && opts.secret.length > 0 && raw.includes(opts.secret);
  const head = firstLine(raw) ?? { line: raw.toString('utf8').trim(), rest: Buffer.alloc(0) };
  if (!ERROR_LINE.test(head.line) || leaked) {
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: `a line starting with "ERROR" (${opts.why}), then the connection closes`,
      actual: leaked ? `it sent the content of that file: ${describeBytes(raw)}` : head.line ? `the line ${quote(head.line)}` : describeBytes(raw),
      help: opts.help,
    });
  }
}

/** The grader asks for `name` on a fresh connection and expects the file back. */
export async function fetchAndCheck(t: TestContext, server: Parameters<TestContext['connect']>[0], name: string, expected: Buffer, opts: ReplyOptions = {}): Promise<void> {
  const conn = await t.connect(server);
  await conn.sendLine(name);
  await expectFileReply(conn, name, expected, opts);
}

// ---- the grader as the server, for the student's client ----

export interface ClientRun {
  client: ProgramUnderTest;
  conn: Connection;
}

/**
 * Starts the client for `name`, given both ways (first argument and typed on stdin), and
 * waits for its request line.
 */
export async function startClientFor(t: TestContext, fake: FakeServer, name: string): Promise<ClientRun> {
  const client = await t.startClient(fake, { args: [name] });
  client.type(name);
  const conn = await fake.accept({ from: client });
  await conn.expectLine(name, {
    help: 'send the file name and a newline: s.sendall((filename + "\\n").encode()); take the name from sys.argv[1] if given, else input()',
  });
  return { client, conn };
}

/** The page's answer with a file: the line OK, then its bytes to the end of the stream. */
export const okThen = (content: Buffer): Buffer => Buffer.concat([Buffer.from('OK\n'), content]);

/** The student's client asks the grader, as the server, for `name`: it is answered `reply` and the connection closed. */
export async function clientAnswered(t: TestContext, name: string, reply: string | Buffer): Promise<ProgramUnderTest> {
  const { client, conn } = await startClientFor(t, await t.listen(), name);
  await conn.send(reply);
  conn.end();
  return client;
}

function listFolder(dir: string): string {
  const names = readdirSync(dir);
  return names.length === 0 ? 'its folder is empty' : `its folder holds ${names.map((n) => quote(n)).join(', ')}`;
}

/**
 * The client ends by itself, with whatever exit code. (ProgramUnderTest.expectExit's
 * `code` has a default, so passing undefined there still means 0.)
 */
export async function expectEnds(client: ProgramUnderTest, help: string, within = client.deadlines.reply): Promise<void> {
  if (await client.exitsWithin(within)) return;
  throw new StudentFailure({
    expected: 'the client ends once the server has closed the connection',
    actual: await client.stillRunning(within),
    help,
  });
}

/** After the client exits, its folder holds `name` with exactly `expected`. */
export async function expectSavedFile(client: ProgramUnderTest, name: string, expected: Buffer, help?: string): Promise<void> {
  await expectEnds(client, 'the server closed the connection after the file: when recv() returns b"", save the file and end');
  const read = readUntrustedFile(client.dir, name, { who: 'the client' });
  if ('absent' in read) {
    throw new StudentFailure({
      expected: `the client saves the file as ${quote(name)} in its working folder`,
      actual: `no such file after it ${client.describeExit()}; ${listFolder(client.dir)}`,
      help:
        client.exitInfo?.code === 0
          ? 'open(filename, "wb") in the folder the client runs in, and write every byte of the file you received'
          : `it ended with an error before saving: read its stderr below${help ? `; ${help}` : ''}`,
    });
  }
  // A link, a pipe, a folder or a huge file in its place: said in words, its target never read.
  if ('refused' in read)
    throw new StudentFailure({
      expected: `the client saves the file as ${quote(name)} in its working folder`,
      actual: read.reason,
      help: 'open(filename, "wb") and write the bytes you received into it',
    });
  expectSameBytes(read.bytes, expected, { what: `the file ${quote(name)} the client saved`, help });
}

/**
 * Robustness: the client saved the whole of `expected` after a reply in pieces. A file that
 * also kept the status line "OK" at its front was joined all the same: keeping it is the
 * client group's charge.
 */
export async function expectSavedWhole(client: ProgramUnderTest, name: string, expected: Buffer, help: string): Promise<void> {
  try {
    await expectSavedFile(client, name, expected, help);
  } catch (e) {
    if (!(e instanceof StudentFailure)) throw e;
    const read = readUntrustedFile(client.dir, name, { who: 'the client' });
    if (!('bytes' in read) || !read.bytes.equals(okThen(expected))) throw e;
  }
}

/** The client said, on stdout or stderr, that the file was not found (call once it ended). */
export async function expectSaidNotFound(client: ProgramUnderTest): Promise<void> {
  // The exit is reported only once its output pipes are read to the end: all of it is here.
  const said = `${client.printedOn('stdout')}\n${client.printedOn('stderr')}`;
  if (/not found/i.test(said) && !said.includes('Traceback (most recent call last)')) return;
  throw new StudentFailure({
    expected: 'the client prints a message saying the file was not found (e.g. the server\'s line "ERROR file not found")',
    actual: said.trim() ? `it printed ${quote(said.trim())}` : 'it printed nothing',
    help: 'when the first line starts with ERROR, print it (print(status)) and do not open the file',
  });
}

/** The client wrote no file called `name`. */
export function expectNoFile(client: ProgramUnderTest, name: string): void {
  expectNoSavedFile(client.dir, name, {
    why: 'the server answered ERROR',
    help: 'look at the reply before opening the output file: open(filename, "wb") only when it is not an ERROR',
  });
}

/** The client ended with a non-zero exit code (sys.exit(1) or any other). */
export async function expectNonZeroExit(client: ProgramUnderTest, help: string): Promise<void> {
  await expectEnds(client, help);
  const exit = client.exitInfo;
  if (exit && exit.code !== 0 && exit.code !== null) return;
  throw new StudentFailure({
    expected: 'the client exits with a non-zero code (the file was not found)',
    actual: `it ${client.describeExit()}`,
    help,
  });
}

/**
 * After something that may have crashed the server, it still serves a request; when it
 * is gone, the failure says so (with the help) instead of only "connection refused".
 */
export async function expectStillServes(t: TestContext, server: ServerUnderTest, name: string, content: Buffer, help: string, judge: 'page' | 'file only' = 'page'): Promise<void> {
  try {
    if (judge === 'page') await fetchAndCheck(t, server, name, content, { help });
    else {
      const conn = await t.connect(server);
      await conn.sendLine(name);
      await expectFileArrivesWhole(conn, name, content, { help });
    }
  } catch (e) {
    if (!(e instanceof StudentFailure)) throw e;
    // A refused or reset connection usually means the server is on its way out: let it finish dying.
    if (!(await server.exitsWithin(1000))) throw e;
    throw new StudentFailure({
      sent: quote(`${name}\n`),
      expected: 'the server keeps running and serves the next client',
      actual: `it ${server.describeExit()}`,
      help,
    });
  }
}

// ---- framing: the newlines the protocol page asks for (robustness group only) ----

const NEWLINE_HELP_CLIENT = 'end the file name with a newline, s.sendall((filename + "\\n").encode()): the newline is how the server knows the name is complete, since TCP may deliver it in pieces';

/** The client's request is the file name ended by its newline (the grader plays the server). */
export async function expectClientEndsNameWithNewline(t: TestContext, fake: FakeServer, name: string): Promise<void> {
  const client = await t.startClient(fake, { args: [name] });
  client.type(name);
  const conn = await fake.accept({ from: client });
  // The newline alone is judged here: what the client sends as the name is the client group's test.
  await conn.expectLine(ANY_LINE, { requireNewline: true, help: NEWLINE_HELP_CLIENT });
}

/**
 * The server's ERROR line ends with its newline. A line cut off by the close is not ended
 * by a newline either, whatever the harness allows elsewhere: that is checked here first.
 */
export async function expectErrorLineEndsWithNewline(conn: Connection, help: string): Promise<void> {
  const outcome = await conn.inbox.waitFor(() => (conn.inbox.unread().includes(0x0a) ? true : undefined), conn.deadlines.reply);
  if (outcome.kind !== 'found') {
    const got = conn.inbox.unread();
    // Closed without a byte (a crash on the missing file, a format of its own): no line whose newline could be judged; the server group's tests charge that.
    if (outcome.kind === 'ended' && got.length === 0) {
      conn.note('(the connection closed with no answer: no newline to judge here)');
      return;
    }
    throw new StudentFailure({
      sent: conn.lastSent,
      expected: 'an error line (the page\'s starts with ERROR), ended by a newline ("\\n")',
      actual:
        got.length > 0
          ? `${quote(got)} with no newline, then ${whyNoMore(outcome, conn.deadlines.reply, conn.inbox.endedBecause)}`
          : `nothing, then ${whyNoMore(outcome, conn.deadlines.reply, conn.inbox.endedBecause)}`,
      help,
    });
  }
  // The newline is judged here; the line's words ("ERROR …") are the server group's test.
  await conn.expectLine(ANY_LINE, { requireNewline: true, help });
}
