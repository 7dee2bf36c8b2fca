// task7: a text file server that serves every client at the same time. The client
// sends "name\n"; the server sends the file's bytes and closes, or "ERROR ..." and closes.

import {
  type Connection,
  check,
  expectSameBytes,
  group,
  holdReading,
  PAGE_NEWLINE_TEST,
  randomFileName,
  randomText,
  readOnceSenderWaits,
  type ServerUnderTest,
  StudentFailure,
  sizeBeyondBuffers,
  type TestContext,
  task,
  textPattern,
} from '../harness/index.js';
import { busyServerHint, withHintFromEvidence } from './lib/busy-server.js';
import { expectDownloaded, expectReportsMissing, fileAskedFor, startOwnClient } from './lib/end-to-end.js';
import { expectClientEndsNameWithNewline, expectEnds, expectNoFile, expectSavedFile, startClientFor } from './lib/file-request.js';
import { sendLineInTwo } from './lib/pieces.js';
import { serverListensCheck } from './lib/server-listens.js';
import { silentClient } from './lib/sessions.js';

const THREAD_HELP =
  'serve each client in its own thread: after conn, addr = server.accept(), start threading.Thread(target=handle_client, args=(conn,)) and go straight back to accept(); read the file name inside that thread';
const READ_ALL_HELP = 'keep calling recv() until it returns b"" (the server closes after the last byte), then save everything you got';

/** Text files for a server's folder, by name. */
function textFiles(...sizes: number[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const size of sizes) files[randomFileName('.txt')] = randomText(size);
  return files;
}

/** Asks for `name` on a new connection and checks the reply is exactly `content`. */
async function download(t: TestContext, server: ServerUnderTest, name: string, content: string, help?: string): Promise<void> {
  const conn = await t.connect(server);
  await conn.sendLine(name);
  await expectFile(conn, name, content, help);
}

async function expectFile(conn: Connection, name: string, content: string, help?: string): Promise<void> {
  const got = await conn.readUntilClosed({ help: help ?? 'after sending the file, close the connection (conn.close()): that is how the client knows the file ended' });
  expectSameBytes(got, content, { what: `the bytes of ${JSON.stringify(name)}, then the server closes`, sent: conn.lastSent, help });
}

/**
 * Runs `action` (clients that sent their names in two pieces get their files); if it fails,
 * one client alone sends a name in two pieces: when that fails too, the server does not join
 * pieces at all, which is charged once, in the robustness test of a name in two pieces, and
 * the failure here says nothing of serving clients at the same time (one bug, one charge).
 */
async function unlessPiecesLostAlone(t: TestContext, server: ServerUnderTest, files: Record<string, string>, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (e) {
    if (!(e instanceof StudentFailure)) throw e;
    // Only a server that still serves a whole name, alone, and fails a split one is excused.
    const [name] = Object.keys(files);
    const gets = async (pieces: string[]): Promise<boolean> => {
      const alone = await t.connect(server);
      if (pieces.length > 1) {
        await alone.sendLinePiece(pieces[0]);
        await alone.waitUntilRead();
      }
      await alone.sendLine(pieces[pieces.length - 1]);
      const got = await alone.readUntilClosed().catch(() => undefined);
      return got?.equals(Buffer.from(files[name])) ?? false;
    };
    if (!(await gets([name])) || (await gets([name.slice(0, 4), name.slice(4)]))) throw e;
    t.transcript.add('grader', `alone, your server answers a whole name with its file but not a name sent in two pieces: that is charged in "${PIECES_TEST}", not here`);
  }
}

const PIECES_TEST = 'the server answers a file name that arrives in two pieces';

task('task7', { port: 57, framingProbe: { message: 'notes.txt' } }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server sends the requested file byte for byte, then closes the connection', 2, async (t) => {
      const files = textFiles(3000, 1500, 800);
      const [name] = Object.keys(files);
      const server = await t.startServer({ files });
      await download(t, server, name, files[name]);
    });

    check.alone('the server sends a file of several MiB completely to a client that reads slowly', 2, async (t) => {
      // Larger than the kernel buffers between the two programs hold (about 4 MiB here),
      // so one send() cannot hand it all over while the grader holds off reading.
      const files = textFiles(sizeBeyondBuffers());
      const [name] = Object.keys(files);
      const size = `${(files[name].length / 1024 / 1024).toFixed(1)} MiB`;
      const server = await t.startServer({ files });
      const conn = await t.connect(server);
      holdReading(conn);
      await conn.sendLine(name);
      const help = 'send() may send only part of the data and returns how much it sent; use conn.sendall(data), which sends it all';
      // Several MiB from one program to another take seconds when both cores are busy: a
      // deadline of its own (a server that sends part and closes still fails on the bytes).
      const got = await readOnceSenderWaits(conn, server, { help, within: t.deadlines.scaled(10_000) });
      expectSameBytes(got, files[name], { what: `the ${size} file ${JSON.stringify(name)}, then the server closes`, sent: conn.lastSent, help });
    });

    check('the server answers a missing file with a line starting with ERROR, then still serves others', 2, async (t) => {
      const files = textFiles(2000);
      const [name] = Object.keys(files);
      const server = await t.startServer({ files });
      const conn = await t.connect(server);
      await conn.sendLine(`missing_${name}`);
      await conn.expectLine(textPattern('a line starting with "ERROR" (in any letter case)', /^ERROR/i), {
        help: 'when open() raises FileNotFoundError, send b"ERROR file not found\\n" and close the connection',
      });
      await conn.readUntilClosed({ help: 'close the connection after the ERROR line' });
      await download(t, server, name, files[name], "a missing file must not stop the server: catch the error in that client's thread, answer ERROR, and keep serving");
    });

    check('while one client is connected and silent, another client gets its file', 3, async (t) => {
      const files = textFiles(4000, 2500);
      const [first, second] = Object.keys(files);
      const server = await t.startServer({ files });
      const silent = await t.connect(server);
      await silent.waitUntilRead({ help: 'the server should accept() every connection at once' });
      const other = await t.connect(server);
      await other.sendLine(second);
      await other.waitUntilRead({ help: `the server is still waiting for the first (silent) client; ${THREAD_HELP}` });
      await expectFile(other, second, files[second]);
      // The silent client was kept waiting, not dropped: it gets its file now.
      await silent.sendLine(first);
      await expectFile(silent, first, files[first], 'the first client, silent until now, must still be served once it asks');
    });

    check('while one client has sent half a file name and waits, another client gets its file', 3, async (t) => {
      const files = textFiles(3000, 2000);
      const [first, second] = Object.keys(files);
      const server = await t.startServer({ files });
      const slow = await t.connect(server);
      await slow.sendLinePiece(first.slice(0, 3));
      await slow.waitUntilRead();
      const other = await t.connect(server);
      await other.sendLine(second);
      await other.waitUntilRead({ help: `the server is still reading the first client's file name, which has not ended yet; ${THREAD_HELP}` });
      await expectFile(other, second, files[second]);
    });

    check.alone('20 clients connected at the same time, each halfway through its request, all get their own files, identical', 3, async (t) => {
      // Sizes from 1 KiB to 200 KiB, several over 64 KiB; every client its own file.
      const sizes = Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 70_000 + i * 6000 : 1000 + i * 1500));
      const files = textFiles(...sizes);
      const names = Object.keys(files);
      const server = await t.startServer({ files });
      // One at a time, each connection is accepted and has its first half read, so all 20
      // are inside the server at once (and no backlog of listen() can overflow).
      const conns: Connection[] = [];
      for (const name of names) {
        const conn = await t.connect(server);
        conns.push(conn);
        await conn.sendLinePiece(name.slice(0, 4));
        await conn.waitUntilRead({ help: `client ${conns.length} of 20 was not served while the others wait; ${THREAD_HELP}` });
      }
      await Promise.all(conns.map((conn, i) => conn.sendLine(names[i].slice(4))));
      await unlessPiecesLostAlone(t, server, files, () =>
        Promise.all(
          conns.map((conn, i) =>
            expectFile(
              conn,
              names[i],
              files[names[i]],
              "each name arrives in two pieces here: read until the newline, in the client's own thread, and keep each client's data (the name so far, the file) in local variables; a global variable is shared by all threads and gets mixed up",
            ),
          ),
        ),
      );
    });
  });

  group('client', () => {
    check('the client sends the file name from its command line', 2, async (t) => {
      await startClientFor(t, await t.listen(), randomFileName('.txt'));
    });

    check('the client saves the file under the same name, identical to what the server sent', 3, async (t) => {
      const name = randomFileName('.txt');
      const content = Buffer.from(randomText(5000));
      const { client, conn } = await startClientFor(t, await t.listen(), name);
      await conn.send(content);
      conn.end();
      await expectSavedFile(client, name, content, 'write exactly the bytes received, nothing added: open(name, "wb").write(data)');
    });

    check('the client exits with code 0 after saving the file', 1, async (t) => {
      const { client, conn } = await startClientFor(t, await t.listen(), randomFileName('.txt'));
      await conn.send(randomText(1000));
      conn.end();
      await client.expectExit(0, { help: 'close the socket and the file and let the program end normally' });
    });

    check('the client keeps reading until the server closes: a 200 KiB file sent in pieces is saved whole', 2, async (t) => {
      const name = randomFileName('.txt');
      const content = Buffer.from(randomText(200 * 1024));
      const { client, conn } = await startClientFor(t, await t.listen(), name);
      await conn.send(content.subarray(0, 700));
      await conn.waitUntilRead();
      await conn.send(content.subarray(700));
      conn.end();
      await expectSavedFile(client, name, content, READ_ALL_HELP);
    });

    check('the client reports a missing file and writes no file', 2, async (t) => {
      const name = randomFileName('.txt');
      const { client, conn } = await startClientFor(t, await t.listen(), name);
      await conn.sendLine('ERROR file not found');
      conn.end();
      const help = 'if the reply starts with b"ERROR", print it and do not open the file for writing';
      await client.expectOutput(textPattern('a line with "error" or "not found" (in any letter case)', /error|not found/i), { help });
      await expectEnds(client, help);
      expectNoFile(client, name);
    });
  });

  group('end-to-end', () => {
    check('your client gets a text file from your server: saved under the same name, identical, exit code 0', 2, async (t) => {
      const files = textFiles(30_000, 2000);
      const [name] = Object.keys(files);
      // A client with a name of its own (hard-coded) is graded on the file it saves: its server holds the file under that name.
      const asked = await fileAskedFor(t, name);
      const server = await t.startServer({ files: asked === name ? files : { ...files, [asked]: files[name] } });
      const client = await startOwnClient(t, server, name);
      await expectDownloaded(client, asked, Buffer.from(files[name]));
    });

    check('asking your server for a missing file, your client reports it and saves nothing', 1, async (t) => {
      const name = randomFileName('.txt');
      const server = await t.startServer({ files: textFiles(2000) });
      const client = await startOwnClient(t, server, name);
      await expectReportsMissing(client, name, { nonZeroExit: false });
    });

    check('while another client sits connected and silent, two of your clients started together both get their files from your server', 3, async (t) => {
      const files = textFiles(70_000, 40_000);
      const names = Object.keys(files);
      const server = await t.startServer({ files });
      // Someone else's client, connected and saying nothing (its user went for coffee).
      const silent = await t.connect(server);
      await silent.waitUntilRead({ help: 'the server should accept() every connection at once' });
      const clients = await Promise.all(names.map((name) => startOwnClient(t, server, name)));
      for (const [i, client] of clients.entries()) {
        await withHintFromEvidence(
          () => expectDownloaded(client, names[i], Buffer.from(files[names[i]])),
          () => busyServerHint(t, client, server, THREAD_HELP),
        );
      }
    });
  });

  group('robustness', () => {
    check('the client ends the file name it sends with a newline', 1, async (t) => {
      await expectClientEndsNameWithNewline(t, await t.listen(), randomFileName('.txt'));
    });

    check(PAGE_NEWLINE_TEST, 1, async (t) => {
      await t.expectServerWaitsForNewline();
    });

    check(PIECES_TEST, 1, async (t) => {
      const files = textFiles(2000);
      const [name] = Object.keys(files);
      const server = await t.startServer({ files });
      const conn = await t.connect(server);
      await sendLineInTwo(conn, name, 4);
      await expectFile(conn, name, files[name], 'TCP may deliver the name in pieces: keep calling recv() until the newline has arrived');
    });

    check('the server keeps serving after a client connects and leaves without a word', 1, async (t) => {
      const files = textFiles(2000);
      const [name] = Object.keys(files);
      const server = await t.startServer({ files });
      const quiet = await silentClient(t, server);
      await quiet.readUntilClosed({ help: 'when recv() returns b"" the client has left: close that connection and end its thread' });
      await download(t, server, name, files[name], 'a client that leaves must end only its own thread, not the server');
    });

    check('the server keeps serving after a client disconnects in the middle of its file name', 1, async (t) => {
      const files = textFiles(2000);
      const [name] = Object.keys(files);
      const server = await t.startServer({ files });
      const gone = await t.connect(server);
      await gone.sendLinePiece(name.slice(0, 4));
      await gone.waitUntilRead();
      gone.reset();
      await download(t, server, name, files[name], "recv() raises ConnectionResetError when a client vanishes: catch it (try/except) in that client's thread so the server carries on");
    });
  });
});
