// task6: a binary file server that serves clients one after another. Same wire format as
// task5 ("name\n" in; "OK\n" and the bytes, or "ERROR …", then close), but the files are
// binary: every byte value, NULs, CR and LF, bytes that are not UTF-8, several MiB.

import { check, group, holdReading, randomBinary, randomFileName, randomInt, resumeOnceSenderWaits, task } from '../harness/index.js';
import { expectDownloaded, fileAskedFor, startOwnClient } from './lib/end-to-end.js';
import { allByteValues, folderWith, MiB } from './lib/file-contents.js';
import { clientAnswered, expectEnds, expectErrorReply, expectFileArrivesWhole, expectFileReply, expectNoFile, expectStillServes } from './lib/file-request.js';
import { binaryClientChecks, expectServes, missingFileCheck, requestNewlineChecks } from './lib/file-transfer-checks.js';
import { sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';

/** Text-like bytes broken by every kind of line ending, lone CRs and non-UTF-8 bytes. */
function lineEndingsMix(): Buffer {
  const pieces = ['\r\n', '\n', '\r', '\r\r\n', '\n\r', 'data', 'x', '\t', '\0'].map((p) => Buffer.from(p, 'latin1'));
  const parts: Buffer[] = [];
  for (let size = 0; size < 4096; ) {
    const part = randomInt(6) === 0 ? randomBinary(1 + randomInt(4)) : pieces[randomInt(pieces.length)];
    parts.push(part);
    size += part.length;
  }
  return Buffer.concat(parts);
}

const BINARY_HELP = 'open the file with "rb" and send the bytes as they are: never .decode() them or open the file in text mode';
const ERROR_NEWLINE_HELP = 'send the error as a whole line, conn.sendall(b"ERROR file not found\\n"): the status line, OK or ERROR, ends with a newline, so a client can read up to it';
const SENDALL_HELP = 'send() may send only part of what you give it (always so on a socket with a timeout): use sendall(), which loops until every byte is sent';

/**
 * Random letters in lines: the robustness probes judge framing, sending and surviving,
 * so their files are text; binary bytes are the server and client groups' tests.
 */
function asciiText(size: number): Buffer {
  const bytes = randomBinary(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 64 === 63 ? 0x0a : 0x61 + (bytes[i] % 26);
  return bytes;
}

task('task6', { port: 56, framingProbe: { message: 'notes.bin' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server sends a file holding all 256 byte values unchanged', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = allByteValues();
      await expectServes(t, name, content, { help: BINARY_HELP });
    });

    check('the server sends a file with CR, LF and CR LF bytes unchanged', 1, async (t) => {
      const name = randomFileName('.bin');
      const content = lineEndingsMix();
      await expectServes(t, name, content, { help: 'text mode ("r") turns \\r\\n and \\r into \\n: open the file with "rb"' });
    });

    check.alone('the server sends a random binary file over 1 MiB unchanged (same SHA-256)', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = randomBinary(1.5 * MiB);
      await expectServes(t, name, content, { help: `${BINARY_HELP}; read the whole file (f.read(), or a loop until f.read(65536) returns b"")` });
    });

    check('the server answers ERROR for a missing file and serves the next client', 1, async (t) => {
      const name = randomFileName('.bin');
      const content = randomBinary(2048);
      const server = await t.startServer({ files: folderWith(name, content) });
      const first = await t.connect(server);
      await first.sendLine(randomFileName('.bin'));
      await expectErrorReply(first, { why: 'the file does not exist', help: 'check os.path.isfile(name) (or catch FileNotFoundError) and send b"ERROR file not found\\n"' });
      await expectStillServes(t, server, name, content, 'a missing file must not end the server: keep the accept() loop going');
    });

    check('several clients started together are all served, one after another', 2, async (t) => {
      const names = Array.from({ length: 4 }, () => randomFileName('.bin'));
      const contents = names.map(() => randomBinary(256 * 1024));
      const server = await t.startServer({ files: Object.fromEntries(names.map((n, i) => [n, contents[i]])) });
      // All connect and ask before any is answered: the later ones wait in the listen() queue.
      const conns = await Promise.all(names.map(() => t.connect(server)));
      await Promise.all(conns.map((c, i) => c.sendLine(names[i])));
      const help = 'after one client, close its connection and go back to accept() for the next (a while True loop); listen(5) lets waiting clients queue up';
      for (const [i, conn] of conns.entries()) {
        await expectFileReply(conn, names[i], contents[i], { within: t.deadlines.scaled(5000), help });
      }
    });
  });

  group('client', () => {
    binaryClientChecks('keep the received bytes as bytes: no .decode(), and write them with open(filename, "wb")');

    check('the client writes no file when the server answers ERROR', 1, async (t) => {
      const name = randomFileName('.bin');
      const client = await clientAnswered(t, name, 'ERROR file not found\n');
      await expectEnds(client, 'after the ERROR line the server closes: print the message and end');
      expectNoFile(client, name);
    });
  });

  group('end-to-end', () => {
    check.alone('your client gets a 1.2 MiB binary file (every byte value, CR, LF, NUL) from your server: saved under its name, identical (same SHA-256), exit code 0', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = Buffer.concat([allByteValues(), lineEndingsMix(), randomBinary(1.2 * MiB)]);
      // A client with a name of its own (hard-coded) is graded on the file it saves: its server holds the file under that name.
      const asked = await fileAskedFor(t, name);
      const server = await t.startServer({ files: folderWith(asked, content) });
      const client = await startOwnClient(t, server, name);
      await expectDownloaded(client, asked, content, { within: t.deadlines.scaled(5000) });
    });

    missingFileCheck('binary', 1);

    check('several of your clients started together all get their files from your server', 2, async (t) => {
      const names = Array.from({ length: 3 }, () => randomFileName('.bin'));
      const contents = names.map(() => randomBinary(300 * 1024));
      const server = await t.startServer({ files: Object.fromEntries(names.map((n, i) => [n, contents[i]])) });
      const clients = await Promise.all(names.map((name) => startOwnClient(t, server, name)));
      for (const [i, client] of clients.entries()) {
        await expectDownloaded(client, names[i], contents[i], { help: 'each client asks for its own file; the server answers them one after another, and must go back to accept() after each' });
      }
    });
  });

  group('robustness', () => {
    requestNewlineChecks('binary', ERROR_NEWLINE_HELP);

    check('the server waits for the whole file name when it arrives in two pieces', 1, async (t) => {
      const name = randomFileName('.bin');
      const content = asciiText(4096);
      const server = await t.startServer({ files: folderWith(name, content) });
      const conn = await t.connect(server);
      await sendLineInTwo(conn, name, 3);
      await expectFileArrivesWhole(conn, name, content, { help: 'TCP may deliver the name in pieces: keep calling recv() until the newline has arrived' });
    });

    check.alone('a large file (8 MiB) read slowly by the grader still arrives whole', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = asciiText(8 * MiB);
      const server = await t.startServer({ files: folderWith(name, content) });
      const conn = await t.connect(server);
      holdReading(conn);
      await conn.sendLine(name);
      await resumeOnceSenderWaits(conn, server);
      await expectFileReply(conn, name, content, { within: t.deadlines.scaled(6000), help: SENDALL_HELP });
    });

    check.alone('the server serves the next client after one disconnects in the middle of a large file', 2, async (t) => {
      const big = randomFileName('.bin');
      const name = randomFileName('.bin');
      const content = asciiText(4096);
      const server = await t.startServer({ files: { [big]: asciiText(8 * MiB), [name]: content } });
      const first = await t.connect(server);
      holdReading(first);
      await first.sendLine(big);
      await resumeOnceSenderWaits(first, server);
      // Read a little of it, then vanish the way a killed client does.
      await first.inbox.waitFor(() => (first.inbox.unread().length > 0 ? true : undefined), t.deadlines.reply);
      first.reset();
      await expectStillServes(
        t,
        server,
        name,
        content,
        'when the client disappears, sendall() raises ConnectionResetError or BrokenPipeError: catch it (try/except OSError), close that connection and accept() the next',
      );
    });
  });
});
