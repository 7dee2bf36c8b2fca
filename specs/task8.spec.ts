// task8: binary files over UDP, stop-and-wait (DATA n / ACK n / END count), served to
// several clients at once. The grader plays each side itself; loss, duplicates and
// late datagrams come from a relay it controls, never from luck.
//
// No newline framing test here, unlike the TCP tasks: UDP keeps message boundaries, so
// every request, DATA, ACK, END and ERROR is one whole datagram and nothing has to say
// where it ends. The one newline inside a datagram, after the DATA header, separates
// the header from the chunk; the server and client tests already fail a DATA without it.

import {
  check,
  type Endpoint,
  expectNoSavedFile,
  expectSavedFile,
  group,
  type ProgramUnderTest,
  quote,
  randomBinary,
  randomFileName,
  StudentFailure,
  settlesWithin,
  type TestContext,
  task,
  type UdpRelay,
} from '../harness/index.js';
import { expectDownloaded, expectReportsMissing, startOwnClient } from './lib/end-to-end.js';
import { serverListensCheck } from './lib/server-listens.js';
import { GraderDownload } from './task8/grader-client.js';
import { type ServeOptions, serveOneRequest } from './task8/grader-server.js';
import { parse, showDatagram } from './task8/wire.js';

/** Binary content that breaks text handling: every byte value, CR/LF, NULs, invalid UTF-8. */
function binaryFile(size: number): Buffer {
  const tricky = Buffer.concat([Buffer.from([...Array(256).keys()]), Buffer.from('\r\n\n\r\0\0\xff\xfe', 'latin1')]);
  return Buffer.concat([tricky, randomBinary(Math.max(0, size - tricky.length))]).subarray(0, size);
}

/**
 * Letters in lines, for the probes of loss, duplicates and replies: they judge how the
 * client handles datagrams, so binary bytes (the client group's tests) are left out.
 */
function textFile(size: number): Buffer {
  const bytes = randomBinary(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 64 === 63 ? 0x0a : 0x61 + (bytes[i] % 26);
  return bytes;
}

/**
 * The client's TIMEOUT where giving up is the right answer. With no server at all any
 * value will do; behind the relay the client must first get a few chunks through, so
 * the timeout must stay well above the grader's reply time on a busy machine.
 */
const NO_SERVER_TIMEOUT = { TIMEOUT: '0.1' };
// 0.3 s was not: a client started beside validate on 2 cores gave up before DATA 0 reached it.
// Still a race with the grader's relay under load: the checks that set it run alone (check.alone).
const lossTimeout = (t: TestContext): Record<string, string> => ({ TIMEOUT: String(t.deadlines.scaled(1000) / 1000) });
/** Enough (times the run's scale) for a client that ignores TIMEOUT and waits its own default (2 s per the page). */
const GIVE_UP_WITHIN_MS = 4500;

const SERVE_SEPARATELY =
  "the server handles one client at a time: while it waits for client A's ACK it does not answer B. Keep each client's transfer apart: a thread per request (threading.Thread(target=send_file, args=(name, addr)).start()) with its own socket, or a dict {addr: transfer} on one socket";

async function startDownloadClient(t: TestContext, to: Endpoint, name: string, env: Record<string, string> = {}): Promise<ProgramUnderTest> {
  const client = await t.startClient(to, { args: [name], env });
  // The name is also typed, for a client that reads it with input().
  client.type(name);
  return client;
}

/** The client ends by itself within GIVE_UP_WITHIN_MS, whatever its exit code. */
async function expectAnyExit(client: ProgramUnderTest, help: string): Promise<void> {
  const within = client.deadlines.scaled(GIVE_UP_WITHIN_MS);
  if (!(await client.exitsWithin(within))) {
    throw new StudentFailure({ expected: 'the client gives up and exits', actual: await client.stillRunning(within), help });
  }
}

/** The client ends on its own, says why, exits non-zero, without a traceback, and writes nothing. */
async function expectGivesUp(client: ProgramUnderTest, name: string, help: string): Promise<void> {
  await expectAnyExit(client, `${help}; wait with a timeout: sock.settimeout(TIMEOUT), TIMEOUT = float(os.environ.get("TIMEOUT", 2))`);
  expectNoSavedFile(client.dir, name, { help: `${help}; keep the chunks in memory and write the file only after a correct END` });
  if (client.exitInfo?.code === 0) {
    throw new StudentFailure({ expected: 'the client exits with a non-zero code (sys.exit(1))', actual: 'it exited with code 0', help });
  }
  client.expectNoTraceback('catch socket.timeout (and the error cases) and print a message instead');
  if (!client.printed()) {
    throw new StudentFailure({ expected: 'the client prints a message saying what went wrong', actual: 'it printed nothing', help });
  }
}

/** A loss test means something only once the relay has done its part. */
async function expectRelayActed(relay: UdpRelay, serving: Promise<void>, what: string): Promise<void> {
  if (relay.actions.length > 0) return;
  await serving; // the grader's server says why the download never got that far
  throw new StudentFailure({ expected: `the download gets as far as ${what}`, actual: 'it stopped before that' });
}

/**
 * The grader's server behind a relay; the client talks to the relay. `serve` starts
 * serving once the client is started (its request waits in the grader's socket).
 */
async function relayedServer(t: TestContext): Promise<{ relay: UdpRelay; serve: (opts: ServeOptions) => Promise<void> }> {
  const fake = await t.udp('grader (server)');
  const relay = await t.udpRelay({ host: '127.0.0.1', port: fake.port });
  const serve = (opts: ServeOptions): Promise<void> => {
    const serving = serveOneRequest(fake, opts);
    // Loss tests do not wait for the grader's server, which may still wait for an ACK.
    serving.catch(() => undefined);
    return serving;
  };
  return { relay, serve };
}

/** The grader, as the server, sends the student's client `name` in chunks of `chunkSize`; the client must end with code 0. */
async function clientServedFile(t: TestContext, name: string, content: Buffer, chunkSize: number): Promise<ProgramUnderTest> {
  const fake = await t.udpServer();
  const client = await startDownloadClient(t, { host: '127.0.0.1', port: fake.port }, name);
  await serveOneRequest(fake, { name, content, chunkSize, client });
  await client.expectExit(0, { help: 'after a correct END, write the file and let the program end' });
  return client;
}

/** The student's server holding two binary files of these sizes, and the grader downloading each: client A, client B. */
async function twoDownloads(t: TestContext, sizeA: number, sizeB: number): Promise<{ a: GraderDownload; b: GraderDownload; fileA: Buffer; fileB: Buffer }> {
  const [nameA, nameB] = [randomFileName('.bin'), randomFileName('.bin')];
  const [fileA, fileB] = [binaryFile(sizeA), binaryFile(sizeB)];
  const server = await t.startServer({ protocol: 'udp', files: { [nameA]: fileA, [nameB]: fileB } });
  const a = new GraderDownload(await t.udp('client A'), server, nameA, 'client A');
  const b = new GraderDownload(await t.udp('client B'), server, nameB, 'client B');
  return { a, b, fileA, fileB };
}

task('task8', { port: 59, protocol: 'udp' }, () => {
  group('server', () => {
    serverListensCheck('udp');

    check('the server sends a binary file over 64 KiB in chunks of at most 4096 bytes, byte-exact, then END', 3, async (t) => {
      const name = randomFileName('.bin');
      const content = binaryFile(200 * 1024 + 777);
      const server = await t.startServer({ protocol: 'udp', files: { [name]: content } });
      const download = new GraderDownload(await t.udp(), server, name);
      await download.run(content);
    });

    check('the server answers ERROR for a file that is not in its folder', 1, async (t) => {
      const server = await t.startServer({ protocol: 'udp', files: { [randomFileName('.bin')]: binaryFile(100) } });
      const peer = await t.udp();
      const missing = randomFileName('.bin');
      await peer.send(missing, server.endpoint);
      const d = await peer.nextDatagram({
        from: server,
        expected: `ERROR <message>, as ${missing} is not in the server's folder`,
        help: 'catch FileNotFoundError and reply sock.sendto(b"ERROR file not found", addr)',
      });
      if (parse(d.data).kind !== 'ERROR') {
        throw new StudentFailure({ sent: peer.lastSent, expected: 'a datagram starting with ERROR', actual: showDatagram(d.data), help: 'reply b"ERROR file not found" when open() fails' });
      }
      server.expectRunning('a missing file must not stop the server: catch the error and keep serving');
    });

    check('a second client is served completely while the first has not acknowledged its first chunk', 3, async (t) => {
      const { a, b, fileA, fileB } = await twoDownloads(t, 40 * 1024 + 5, 9 * 1024 + 3);
      await a.request();
      await a.next(); // DATA 0 for A, deliberately not acknowledged yet
      await b.request();
      await b.next({ help: SERVE_SEPARATELY });
      await b.finish();
      b.expectBytes(fileB);
      // Only a repeat of DATA 0 may have arrived for A meanwhile.
      const early = a.untaken().filter((d) => {
        const p = parse(d);
        return !(p.kind === 'DATA' && p.n === 0);
      });
      if (early.length > 0) {
        throw new StudentFailure({
          expected: 'client A gets nothing more before it sends ACK 0 (stop-and-wait)',
          actual: `client A received ${showDatagram(early[0])}`,
          help: "after each DATA, wait for that client's ACK before sending its next chunk",
        });
      }
      await a.ack();
      await a.finish();
      a.expectBytes(fileA);
    });

    check('each client receives only its own file when two downloads interleave', 2, async (t) => {
      const { a, b, fileA, fileB } = await twoDownloads(t, 20 * 1024 + 11, 16 * 1024 + 7);
      await a.request();
      await a.next();
      await b.request();
      await b.next({ help: SERVE_SEPARATELY });
      // Turn by turn: A's ACK must move A's download along and reach A, not B.
      for (const [me, other] of [
        [a, b],
        [b, a],
        [a, b],
        [b, a],
      ] as const) {
        if (me.ended) continue;
        await me.ack();
        try {
          await me.next();
        } catch (e) {
          const stray = other.untaken();
          if (stray.length === 0) throw e;
          throw new StudentFailure({
            sent: `ACK from ${me === a ? 'client A' : 'client B'}`,
            expected: `the next chunk of ${me.name} goes to ${me === a ? 'client A' : 'client B'}, who asked for it`,
            actual: `${me === a ? 'client B' : 'client A'} received it (${showDatagram(stray[0])})`,
            help: 'each transfer must keep its own client address: pass addr to the thread (args=(name, addr)) instead of reading a variable the main loop overwrites on every request',
          });
        }
      }
      await a.finish();
      await b.finish();
      a.expectBytes(fileA);
      b.expectBytes(fileB);
    });
  });

  group('client', () => {
    check('the client saves a binary file byte-exact (NUL bytes, CR/LF, invalid UTF-8)', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = binaryFile(6 * 1000 + 321);
      const client = await clientServedFile(t, name, content, 1000);
      expectSavedFile(client.dir, name, content, { help: 'keep the data as bytes: split the header off with datagram.split(b"\\n", 1), never .decode() the chunk, and write with open(name, "wb")' });
    });

    check('the client reads full 4096-byte chunks whole and saves a file over 64 KiB', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = binaryFile(100 * 1024 + 123);
      const client = await clientServedFile(t, name, content, 4096);
      expectSavedFile(client.dir, name, content, { help: 'recvfrom(1024) silently cuts a bigger datagram short: read with sock.recvfrom(65535)' });
    });

    check("the client prints the server's ERROR, writes no file and exits with a non-zero code", 1, async (t) => {
      const name = randomFileName('.bin');
      const fake = await t.udpServer();
      const client = await startDownloadClient(t, { host: '127.0.0.1', port: fake.port }, name);
      await serveOneRequest(fake, { name, content: undefined, chunkSize: 4096, client });
      await expectGivesUp(client, name, 'on ERROR, print the message and sys.exit(1) without creating the file');
      const printed = client.printed();
      if (!/file not found/i.test(printed)) {
        throw new StudentFailure({
          expected: 'the client prints the server\'s message, "ERROR file not found: …"',
          actual: `it printed ${quote(printed)}`,
          help: "print the ERROR datagram's text: print(data.decode())",
        });
      }
    });

    check('the client gives up with a message and a non-zero exit when no server answers', 1, async (t) => {
      const name = randomFileName('.bin');
      const silent = await t.udpServer('grader (silent)');
      const client = await startDownloadClient(t, { host: '127.0.0.1', port: silent.port }, name, NO_SERVER_TIMEOUT);
      // It gives up only after asking: a client that ends without a word has not waited for anything.
      await silent.nextDatagram({ from: client, within: t.deadlines.reply, expected: `the client sends the file name ${quote(name)} to HOST:PORT, then waits for an answer` });
      await expectGivesUp(client, name, 'nobody answered: after TIMEOUT seconds without a datagram, print a message and sys.exit(1)');
    });
  });

  group('end-to-end', () => {
    check('your client gets a binary file over 64 KiB from your server: saved under its name, identical, exit code 0', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = binaryFile(150 * 1024 + 99);
      const server = await t.startServer({ protocol: 'udp', files: { [name]: content, [randomFileName('.bin')]: binaryFile(3000) } });
      const client = await startOwnClient(t, server, name);
      await expectDownloaded(client, name, content, {
        help: 'compare the saved file with the original (cmp): a file cut short at 65,507 bytes was sent in one datagram; one cut every few KiB was read with too small a recvfrom() buffer',
      });
    });

    check('asking your server for a missing file, your client says it was not found, saves nothing and exits with a non-zero code', 1, async (t) => {
      const name = randomFileName('.bin');
      const server = await t.startServer({ protocol: 'udp', files: { [randomFileName('.bin')]: binaryFile(3000) } });
      const client = await startOwnClient(t, server, name);
      await expectReportsMissing(client, name, { nonZeroExit: true, within: t.deadlines.scaled(GIVE_UP_WITHIN_MS) });
    });

    check.alone("two of your clients at once both get their files from your server, while the first one's download is held up in the network", 3, async (t) => {
      const [nameA, nameB] = [randomFileName('.bin'), randomFileName('.bin')];
      const [fileA, fileB] = [binaryFile(60 * 1024 + 5), binaryFile(30 * 1024 + 7)];
      const server = await t.startServer({ protocol: 'udp', files: { [nameA]: fileA, [nameB]: fileB } });
      // Both clients talk to the server through the grader's relay, from a network of their
      // own (so a hard-coded port reaches the relay too). The first datagram the
      // server sends to A is held back until the server sends something to B: until then
      // A's download cannot move, so B is served while A is in the middle of its own.
      const relay = await t.udpRelay(server.endpoint, 'own client side');
      let noteHeld = (): void => undefined;
      const held = new Promise<'held'>((resolve) => (noteHeld = () => resolve('held')));
      relay.addRule({
        direction: 'to-client',
        match: (_d, index) => {
          if (index !== 0) return false;
          noteHeld();
          return true;
        },
        action: 'hold',
      });
      // B's request is the second datagram to the server (A's waits, held, with nothing to acknowledge).
      let noteAsked = (): void => undefined;
      const asked = new Promise<'asked'>((resolve) => (noteAsked = () => resolve('asked')));
      relay.addRule({
        direction: 'to-server',
        match: (_d, index) => {
          if (index === 1) noteAsked();
          return false;
        },
        action: 'hold',
      });
      // A client that waits its own TIMEOUT waits long enough here, however slowly the second one
      // starts on a busy machine (its wait ends as soon as its data comes); one that ignores it still passes.
      const env = { TIMEOUT: String(t.deadlines.scaled(30000) / 1000) };
      const a = await startOwnClient(t, relay.endpoint, nameA, env);
      const first = await settlesWithin(Promise.race([held, a.exited.then(() => 'exited' as const)]), t.deadlines.startup);
      if (first !== 'held') {
        throw new StudentFailure({
          expected: `your server answers your first client, who asked for ${quote(nameA)}`,
          actual: first === 'exited' ? `the client ${a.describeExit()} before the server sent it anything` : `the server sent it nothing within ${(t.deadlines.startup / 1000).toFixed(0)} s`,
          help: 'run your server, then your client, and see which one waits',
        });
      }
      const b = await startOwnClient(t, relay.endpoint, nameB, env);
      // B's download is timed from its request, not from its start: a start is slow on a busy machine, whatever the server.
      await settlesWithin(Promise.race([asked, b.exited]), t.deadlines.startup);
      await expectDownloaded(b, nameB, fileB, { within: t.deadlines.scaled(4000), help: SERVE_SEPARATELY });
      await expectDownloaded(a, nameA, fileA, { help: "the first client must finish its own file once the second one is served: keep each client's transfer (address, chunk number) apart" });
    });
  });

  group('robustness', () => {
    check.alone('the client reports a lost chunk instead of saving a short file', 1, async (t) => {
      const name = randomFileName('.bin');
      const { relay, serve } = await relayedServer(t);
      relay.addRule({ direction: 'to-client', match: (d) => /^DATA 1\n/.test(d.subarray(0, 8).toString('latin1')), action: 'drop' });
      const client = await startDownloadClient(t, relay.endpoint, name, lossTimeout(t));
      const serving = serve({ name, content: textFile(5000), chunkSize: 1000, client });
      await expectGivesUp(client, name, 'DATA 1 never arrived, so the file is incomplete: a timeout is not the end of a file, only END is');
      await expectRelayActed(relay, serving, 'DATA 1');
    });

    check.alone('the client reports a lost END instead of assuming the file is complete', 1, async (t) => {
      const name = randomFileName('.bin');
      const { relay, serve } = await relayedServer(t);
      relay.addRule({ direction: 'to-client', match: (d) => parse(d).kind === 'END', action: 'drop' });
      const client = await startDownloadClient(t, relay.endpoint, name, lossTimeout(t));
      const serving = serve({ name, content: textFile(3000), chunkSize: 1000, client });
      await expectGivesUp(client, name, 'END never arrived, so the client cannot know the file is complete: only END says so, a timeout does not');
      await expectRelayActed(relay, serving, 'END');
    });

    check('the client ignores a late duplicate of an earlier chunk', 1, async (t) => {
      const name = randomFileName('.bin');
      const content = textFile(4500);
      const { relay, serve } = await relayedServer(t);
      // DATA 1 arrives, then DATA 2, then DATA 1 again.
      relay.addRule({ direction: 'to-client', match: (d) => /^DATA 1\n/.test(d.subarray(0, 8).toString('latin1')), action: 'late-copy' });
      const client = await startDownloadClient(t, relay.endpoint, name);
      await serve({ name, content, chunkSize: 1000, client });
      await client.expectExit(0, { help: 'a DATA whose number you already have is a duplicate: ignore it and keep waiting for the next chunk' });
      expectSavedFile(client.dir, name, content, { help: 'keep only the chunk numbered as expected; skip a DATA whose number you already have' });
    });

    check('the client sends each ACK to the address the data came from', 1, async (t) => {
      const name = randomFileName('.bin');
      const content = textFile(2500);
      const fake = await t.udpServer();
      const replySocket = await t.udp('grader (transfer socket)');
      const client = await startDownloadClient(t, { host: '127.0.0.1', port: fake.port }, name);
      await serveOneRequest(fake, { name, content, chunkSize: 1000, replyFrom: replySocket, client });
      await client.expectExit(0);
      expectSavedFile(client.dir, name, content);
    });
  });
});
