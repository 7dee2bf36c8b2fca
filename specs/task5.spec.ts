// task5: the client asks for a text file by name; the server sends it back ("OK\n" and the
// bytes, then closes) or answers "ERROR …" when it is not there or not allowed.

import path from 'node:path';
import { check, group, randomFileName, task } from '../harness/index.js';
import { expectDownloaded, fileAskedFor, startOwnClient } from './lib/end-to-end.js';
import { folderWith } from './lib/file-contents.js';
import {
  clientAnswered,
  expectEnds,
  expectErrorReply,
  expectFileArrivesWhole,
  expectNoFile,
  expectNonZeroExit,
  expectSaidNotFound,
  expectSavedFile,
  expectSavedWhole,
  expectStillServes,
  fetchAndCheck,
  okThen,
  randomUtf8Text,
  secretBeside,
  startClientFor,
} from './lib/file-request.js';
import { expectServes, missingFileCheck, requestNewlineChecks } from './lib/file-transfer-checks.js';
import { sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';

const REFUSE_HELP = 'serve only names without a folder part: refuse a name containing "/", "\\\\" or ".." with conn.sendall(b"ERROR not allowed\\n")';
const WHOLE_FILE_HELP = 'read the whole file (f.read(), or a loop until f.read(4096) returns b"") and send it with sendall()';

task('task5', { port: 55, framingProbe: { message: 'notes.txt' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server sends a small UTF-8 text file unchanged, after the line OK', 2, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(300);
      await expectServes(t, name, content, { help: 'open the file in binary mode (open(name, "rb")) and send its bytes as they are' }, 'text');
    });

    check('the server sends a text file far over 1 KiB (40 KiB) unchanged', 2, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(40 * 1024);
      await expectServes(t, name, content, { help: WHOLE_FILE_HELP }, 'text');
    });

    check('the server answers OK and nothing more for an empty file (0 bytes)', 1, async (t) => {
      const name = randomFileName('.txt');
      const server = await t.startServer({ files: folderWith(name, Buffer.alloc(0), 'text') });
      await fetchAndCheck(t, server, name, Buffer.alloc(0));
    });

    check('the server sends a text file with Windows line endings (CR LF) unchanged', 1, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(2048, '\r\n');
      await expectServes(t, name, content, { help: 'a file opened in text mode ("r") turns \\r\\n into \\n: open it with "rb" and send the bytes' }, 'text');
    });

    check('the server answers ERROR for a file that is not in its folder, and keeps serving', 2, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(200);
      const server = await t.startServer({ files: folderWith(name, content, 'text') });
      const first = await t.connect(server);
      await first.sendLine(randomFileName('.txt'));
      await expectErrorReply(first, {
        why: 'the file does not exist',
        help: 'check os.path.isfile(name) (or catch FileNotFoundError) and send b"ERROR file not found\\n"',
      });
      await expectStillServes(
        t,
        server,
        name,
        content,
        'a missing file must not end the server: check os.path.isfile(name) before open() (or catch FileNotFoundError) and keep the accept() loop going',
      );
    });

    check('the server refuses a name with ../ and sends nothing from outside its folder', 2, async (t) => {
      const server = await t.startServer({ files: folderWith(randomFileName('.txt'), randomUtf8Text(100), 'text') });
      const secret = await secretBeside(t, server.dir);
      const conn = await t.connect(server);
      await conn.sendLine(`../${path.basename(secret.file)}`);
      await expectErrorReply(conn, { why: "the name leaves the server's folder", secret: secret.content, help: REFUSE_HELP });
    });

    check('the server refuses an absolute path and does not send that file', 1, async (t) => {
      const server = await t.startServer({ files: folderWith(randomFileName('.txt'), randomUtf8Text(100), 'text') });
      const secret = await secretBeside(t, server.dir);
      const conn = await t.connect(server);
      // The path as the server itself names the file.
      await conn.sendLine(path.join(path.dirname(server.programDir), path.basename(secret.file)));
      await expectErrorReply(conn, { why: 'an absolute path names a file anywhere on the machine', secret: secret.content, help: REFUSE_HELP });
    });
  });

  group('client', () => {
    check('the client saves a small UTF-8 text file unchanged and exits with code 0', 2, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(300);
      const client = await clientAnswered(t, name, okThen(content));
      await expectSavedFile(client, name, content, 'write the bytes as received: open(filename, "wb").write(data)');
      await client.expectExit(0, { help: 'end normally (no sys.exit with an error code) once the file is saved' });
    });

    check('the client saves a text file far over 1 KiB (40 KiB) unchanged', 2, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(40 * 1024);
      const client = await clientAnswered(t, name, okThen(content));
      await expectSavedFile(client, name, content, 'one recv() returns at most what you asked for, often less: loop on recv() until it returns b""');
    });

    check('the client saves an empty file when the server sends OK and nothing more', 1, async (t) => {
      const name = randomFileName('.txt');
      const client = await clientAnswered(t, name, 'OK\n');
      await expectSavedFile(client, name, Buffer.alloc(0));
    });

    check('the client writes no file when the server answers ERROR, and says it was not found', 2, async (t) => {
      const name = randomFileName('.txt');
      const client = await clientAnswered(t, name, 'ERROR file not found\n');
      await expectEnds(client, 'after the ERROR line the server closes: print the message and end');
      expectNoFile(client, name);
      await expectSaidNotFound(client);
    });

    check('the client exits with a non-zero code when the file was not found', 1, async (t) => {
      const client = await clientAnswered(t, randomFileName('.txt'), 'ERROR file not found\n');
      await expectNonZeroExit(client, 'end with sys.exit(1) when the server answered ERROR');
    });
  });

  group('end-to-end', () => {
    check('your client gets a 40 KiB text file (accents, CR LF lines) from your server: saved under its name, identical, exit code 0', 2, async (t) => {
      const name = randomFileName('.txt');
      const content = Buffer.concat([randomUtf8Text(20 * 1024), randomUtf8Text(20 * 1024, '\r\n')]);
      // A client with a name of its own (hard-coded) is graded on the file it saves: its server holds the file under that name.
      const asked = await fileAskedFor(t, name);
      const server = await t.startServer({ files: folderWith(asked, content, 'text') });
      const client = await startOwnClient(t, server, name);
      await expectDownloaded(client, asked, content);
    });

    check('your client gets an empty file from your server as an empty file', 1, async (t) => {
      const name = randomFileName('.txt');
      const server = await t.startServer({ files: folderWith(name, Buffer.alloc(0), 'text') });
      const client = await startOwnClient(t, server, name);
      await expectDownloaded(client, name, Buffer.alloc(0), { help: 'an empty file exists: the client must still create it, with nothing in it' });
    });

    missingFileCheck('text', 2);
  });

  group('robustness', () => {
    requestNewlineChecks('text', 'send the error as a whole line, conn.sendall(b"ERROR file not found\\n"): the page\'s replies are lines, and a client may read up to the newline');

    check('the server waits for the whole file name when it arrives in two pieces', 1, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(500);
      const server = await t.startServer({ files: folderWith(name, content, 'text') });
      const conn = await t.connect(server);
      await sendLineInTwo(conn, name, 3);
      await expectFileArrivesWhole(conn, name, content, { help: 'TCP may deliver the name in pieces: keep calling recv() until the newline has arrived' });
    });

    check('the server keeps serving after a client connects and leaves without a word', 1, async (t) => {
      const name = randomFileName('.txt');
      const content = randomUtf8Text(200);
      const server = await t.startServer({ files: folderWith(name, content, 'text') });
      const silent = await t.connect(server);
      silent.end();
      await expectStillServes(t, server, name, content, 'recv() returning b"" means the client left: stop reading, close that connection and accept() the next', 'file only');
    });

    check('the client waits for the whole OK line and the whole file when they arrive in pieces', 1, async (t) => {
      const name = randomFileName('.txt');
      // No space or newline at either end: what the client strips off is the client group's test; here only the join is.
      const content = Buffer.from(randomUtf8Text(3000).toString('utf8').trim());
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
  });
});
