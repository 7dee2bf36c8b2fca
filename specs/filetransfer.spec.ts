// filetransfer: a file transfer client (seed 002 #4). The wire format is task6's ("name\n"
// in; "OK\n" and the bytes, or "ERROR …", then close), on TCP port 5004. The client is the
// focus: it saves any file byte for byte (binary, over 1 MiB), and when the file is not
// found, no server runs, or the connection breaks mid-file, it says so in a line, exits
// with a non-zero code, prints no traceback and leaves no file behind. The server serves
// binary files, refuses names that leave its folder, and survives bad requests.

import path from 'node:path';
import {
  check,
  type Endpoint,
  expectNoSavedFile,
  group,
  type ProgramUnderTest,
  quote,
  randomBinary,
  randomFileName,
  randomSentence,
  StudentFailure,
  type TestContext,
  task,
} from '../harness/index.js';
import { expectDownloaded, fileAskedFor, startOwnClient } from './lib/end-to-end.js';
import { allByteValues, folderWith, MiB } from './lib/file-contents.js';
import {
  clientAnswered,
  expectEnds,
  expectErrorReply,
  expectFileArrivesWhole,
  expectNoFile,
  expectNonZeroExit,
  expectSaidNotFound,
  expectSavedWhole,
  expectStillServes,
  okThen,
  secretBeside,
  startClientFor,
} from './lib/file-request.js';
import { binaryClientChecks, expectServes, missingFileCheck, requestNewlineChecks } from './lib/file-transfer-checks.js';
import { sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';

/** A binary file that breaks every text habit: all byte values, CR LF, NULs, then random bytes. */
function binaryFile(size: number): Buffer {
  const head = Buffer.concat([allByteValues(), Buffer.from('\r\n\n\r\0\0\xff\xfe', 'latin1')]);
  return Buffer.concat([head, randomBinary(Math.max(0, size - head.length))]).subarray(0, size);
}

/** Where nothing listens: the grader opens the place a client looks for, then closes it. */
async function nowhere(t: TestContext): Promise<Endpoint> {
  const fake = await t.listen();
  const to = { host: fake.host, port: fake.port };
  fake.close();
  return to;
}

/**
 * The client has given up: it ended by itself with a non-zero code, printed a message
 * and no traceback, and left no file called `name` (not even an empty or partial one).
 */
async function expectGaveUpCleanly(client: ProgramUnderTest, name: string, what: { why: string; help: string }): Promise<void> {
  await expectEnds(client, what.help);
  client.expectNoTraceback(what.help);
  const printed = client.printed();
  if (!printed) {
    throw new StudentFailure({
      expected: `the client prints a line saying what went wrong (${what.why})`,
      actual: `it printed nothing and ${client.describeExit()}`,
      help: what.help,
    });
  }
  const exit = client.exitInfo;
  if (!exit || exit.code === 0 || exit.code === null) {
    throw new StudentFailure({
      expected: `the client exits with a non-zero code (${what.why})`,
      actual: `it printed ${quote(printed)} and ${client.describeExit()}`,
      help: 'end with sys.exit(1) when the download failed, so a script that runs the client can tell',
    });
  }
  expectNoSavedFile(client.dir, name, { why: what.why, help: what.help });
}

const BINARY_HELP = 'open the file with "rb" and send the bytes as they are: never .decode() them or open the file in text mode';
const CLIENT_BYTES_HELP = 'keep the received bytes as bytes: no .decode(), no makefile("r"), and write them with open(filename, "wb")';
const NOT_FOUND_HELP = 'check os.path.isfile(name) (or catch FileNotFoundError) and send b"ERROR file not found\\n"';
const NO_SERVER_HELP = 'put connect() in try/except OSError (ConnectionRefusedError is one): print one line such as "cannot reach the server at HOST:PORT" and sys.exit(1)';
const BROKEN_HELP =
  'collect the whole file in memory (or in a temporary file) and write it under its name only once recv() has returned b""; catch OSError around recv(), print one line and sys.exit(1)';

task('filetransfer', { port: 5004, framingProbe: { message: 'notes.bin' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server sends a file holding all 256 byte values unchanged, after the line OK', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = allByteValues();
      await expectServes(t, name, content, { help: BINARY_HELP });
    });

    check.alone('the server sends a random binary file over 1 MiB unchanged (same SHA-256)', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = randomBinary(1.5 * MiB);
      await expectServes(t, name, content, { within: t.deadlines.scaled(5000), help: `${BINARY_HELP}; read the whole file and send it with sendall()` });
    });

    check('the server answers ERROR for a missing file and serves the next client', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = randomBinary(2048);
      const server = await t.startServer({ files: folderWith(name, content) });
      const first = await t.connect(server);
      await first.sendLine(randomFileName('.bin'));
      await expectErrorReply(first, { why: 'the file does not exist', help: NOT_FOUND_HELP });
      await expectStillServes(
        t,
        server,
        name,
        content,
        'a missing file must not end the server: check os.path.isfile(name) before open() (or catch FileNotFoundError) and keep the accept() loop going',
      );
    });

    check('the server survives bad requests (an empty line, bytes that are not text, a 5000-byte name) and serves the next client', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = randomBinary(4096);
      const server = await t.startServer({ files: folderWith(name, content) });
      const bad: Array<[string, Buffer]> = [
        ['an empty line', Buffer.from('\n')],
        ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x80, 0xc3, 0x28, 0x0a])],
        ['a 5000-byte name', Buffer.from(`${'n'.repeat(5000)}\n`)],
      ];
      const help =
        'every request the server cannot serve gets an ERROR line, and the accept() loop goes on: decode with errors="replace" (or catch UnicodeDecodeError), and catch OSError around open() (a name too long raises it, not FileNotFoundError)';
      for (const [, request] of bad) {
        const conn = await t.connect(server);
        await conn.send(request);
        // Whatever it answers, the connection must end: the next check says whether the server lives on.
        await conn.readUntilClosed({ help: `after ${quote(request.subarray(0, 40))}… answer ERROR and close the connection` }).catch(() => undefined);
      }
      await expectStillServes(t, server, name, content, help);
    });

    check('the server refuses a name with ../ and sends nothing from outside its folder', 1, async (t) => {
      const server = await t.startServer({ files: folderWith(randomFileName('.bin'), randomBinary(1024)) });
      const secret = await secretBeside(t, server.dir);
      const conn = await t.connect(server);
      await conn.sendLine(`../${path.basename(secret.file)}`);
      await expectErrorReply(conn, {
        why: "the name leaves the server's folder",
        secret: secret.content,
        help: 'serve only files directly in the folder: refuse a name containing "/", "\\\\" or ".." with conn.sendall(b"ERROR not allowed\\n")',
      });
    });
  });

  group('client', () => {
    binaryClientChecks(CLIENT_BYTES_HELP);

    check('the client writes no file when the server answers ERROR, and says it was not found', 2, async (t) => {
      const name = randomFileName('.bin');
      const client = await clientAnswered(t, name, 'ERROR file not found\n');
      await expectEnds(client, 'after the ERROR line the server closes: print the message and end');
      expectNoFile(client, name);
      await expectSaidNotFound(client);
    });

    check('the client exits with a non-zero code and no traceback when the file was not found', 1, async (t) => {
      const client = await clientAnswered(t, randomFileName('.bin'), 'ERROR file not found\n');
      await expectNonZeroExit(client, 'end with sys.exit(1) when the server answered ERROR (not by raising an exception)');
      client.expectNoTraceback("a missing file is an expected case: print the server's line and sys.exit(1)");
    });
  });

  group('end-to-end', () => {
    check.alone('your client gets a 1.2 MiB binary file (every byte value, CR, LF, NUL) from your server: saved under its name, identical (same SHA-256), exit code 0', 2, async (t) => {
      const name = randomFileName('.bin');
      const content = binaryFile(1.2 * MiB);
      // A client with a name of its own (hard-coded) is graded on the file it saves: its server holds the file under that name.
      const asked = await fileAskedFor(t, name);
      const server = await t.startServer({ files: folderWith(asked, content) });
      const client = await startOwnClient(t, server, name);
      await expectDownloaded(client, asked, content, { within: t.deadlines.scaled(5000) });
    });

    missingFileCheck('binary', 2);

    check('with no server running, your client prints one line saying so, saves nothing and exits with a non-zero code (no traceback)', 2, async (t) => {
      const name = randomFileName('.bin');
      const to = await nowhere(t);
      const refused = await t.refusedConnects();
      const client = await startOwnClient(t, to, name);
      await expectGaveUpCleanly(client, name, { why: 'no server is running', help: NO_SERVER_HELP });
      await t.expectTriedToConnect(refused, NO_SERVER_HELP);
    });
  });

  group('robustness', () => {
    requestNewlineChecks('binary', 'send the error as a whole line, conn.sendall(b"ERROR file not found\\n"): the status line, OK or ERROR, ends with a newline, so a client can read up to it');

    check('the server waits for the whole file name when it arrives in two pieces', 1, async (t) => {
      const name = randomFileName('.bin');
      // Text, so only the joining of the name's pieces is judged here: binary bytes are the server group's tests.
      const content = Buffer.from(randomSentence(4096));
      const server = await t.startServer({ files: folderWith(name, content) });
      const conn = await t.connect(server);
      await sendLineInTwo(conn, name, 3);
      await expectFileArrivesWhole(conn, name, content, { help: 'TCP may deliver the name in pieces: keep calling recv() until the newline has arrived' });
    });

    check('the client waits for the whole OK line and the whole file when they arrive in pieces', 1, async (t) => {
      const name = randomFileName('.bin');
      // Text, so only the joining of the pieces is judged here: binary bytes are the client group's tests.
      const content = Buffer.from(randomSentence(3000));
      const fake = await t.listen();
      const { client, conn } = await startClientFor(t, fake, name);
      await conn.send('O');
      await conn.waitUntilRead();
      await conn.send(Buffer.concat([Buffer.from('K\n'), content.subarray(0, 1000)]));
      await conn.waitUntilRead();
      await conn.send(content.subarray(1000));
      conn.end();
      await expectSavedWhole(client, name, content, 'read everything until recv() returns b"", then split at the first newline: the status line, then the file');
    });

    check('when the connection breaks (reset) in the middle of the file, the client says so, exits with a non-zero code and leaves no partial file', 1, async (t) => {
      const name = randomFileName('.bin');
      const content = randomBinary(256 * 1024);
      const fake = await t.listen();
      const { client, conn } = await startClientFor(t, fake, name);
      await conn.send(okThen(content.subarray(0, content.length / 2)));
      await conn.waitUntilRead();
      conn.reset();
      await expectGaveUpCleanly(client, name, { why: 'the connection broke before the end of the file', help: BROKEN_HELP });
    });
  });
});
