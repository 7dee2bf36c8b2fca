// task3a: the client sends HELLO and closes; the server prints what it received.
// End to end, the student's client runs against the student's server: only what the
// person sees counts (the server's HELLO on screen, the client's exit code).

import { check, group, randomWord, type ServerUnderTest, type TestContext, task, textPattern } from '../harness/index.js';
import { serverListensCheck } from './lib/server-listens.js';
import { abruptClient, expectSurvives } from './lib/sessions.js';

/** End to end, the HELLO the server prints in any case: the word's case is the client group's test. */
const ANY_CASE_HELLO = textPattern('HELLO (in any letter case)', /hello/i);

const READ_WHOLE_MESSAGE = 'keep calling recv() until the newline arrives or recv() returns b"" (the client closed), then print everything you collected';

/** A client that does what the protocol says: HELLO (as given), then closes. */
async function sendAndClose(t: TestContext, server: ServerUnderTest, message: string): Promise<void> {
  const client = await t.connect(server);
  await client.send(message);
  client.end();
}

task('task3a', { port: 53 }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server prints HELLO sent by a client', 2, async (t) => {
      const server = await t.startServer();
      await sendAndClose(t, server, 'HELLO\n');
      await server.expectOutput('HELLO', { help: 'print what recv() returned, decoded: print(data.decode())' });
    });

    check('the server prints HELLO sent without a newline, ended by the client closing', 1, async (t) => {
      const server = await t.startServer();
      await sendAndClose(t, server, 'HELLO');
      await server.expectOutput('HELLO', {
        help: 'a message may come without a newline: when recv() returns b"" the client has closed, so the message is complete (do not wait for a newline that never comes)',
      });
    });

    check('the server prints the message it received, not a fixed text', 1, async (t) => {
      const message = `HELLO ${randomWord().toUpperCase()}`;
      const server = await t.startServer();
      await sendAndClose(t, server, `${message}\n`);
      await server.expectOutput(message, { help: 'print the bytes you received (data.decode()), not a text written in your program' });
    });
  });

  group('client', () => {
    check('the client connects and sends HELLO', 2, async (t) => {
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const conn = await fake.accept({ from: client });
      await conn.expectText('HELLO', { help: 'send exactly the word HELLO, in capitals: s.sendall(b"HELLO")' });
    });

    check('the client sends only HELLO, then closes the connection', 1, async (t) => {
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const conn = await fake.accept({ from: client });
      await conn.expectText('HELLO', { ignoreCase: true }); // its case is the test above's
      await conn.expectClosed({ help: 'send HELLO (a newline after it is fine) and nothing else, then s.close(); the server sends no reply in this task, so do not wait for one' });
    });

    check('the client exits with code 0 after sending', 1, async (t) => {
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const conn = await fake.accept({ from: client });
      await conn.expectText('HELLO', { ignoreCase: true }); // its case is the test above's
      await client.expectExit(0, { help: 'after s.close() the program should simply end: no recv(), no input(), no loop' });
    });
  });

  group('end-to-end', () => {
    check('the server prints HELLO when the client is run against it', 2, async (t) => {
      const server = await t.startServer();
      await t.startClient(server);
      await server.expectOutput(ANY_CASE_HELLO, {
        help: 'run your server, then your client: the server must print HELLO, in capitals. Check that the client sends HELLO and the server prints what it received, whole',
      });
    });

    check('the client exits with code 0 once the server has printed its HELLO', 1, async (t) => {
      const server = await t.startServer();
      const client = await t.startClient(server);
      await server.expectOutput(ANY_CASE_HELLO);
      await client.expectExit(0, { help: 'after sending HELLO the client closes its socket and ends: no input(), no waiting for an answer the server never sends' });
    });
  });

  group('robustness', () => {
    check('the server prints the whole HELLO when it arrives in pieces', 1, async (t) => {
      const server = await t.startServer();
      const client = await t.connect(server);
      for (const piece of ['HE', 'LL']) {
        await client.send(piece);
        await client.waitUntilRead();
      }
      await client.send('O\n');
      client.end();
      await server.expectOutput('HELLO', { help: `TCP may deliver a message in pieces, and one recv() returns only what has arrived so far: ${READ_WHOLE_MESSAGE}` });
    });

    check('the server survives a client that disconnects abruptly', 1, async (t) => {
      await expectSurvives(
        t,
        (server) => abruptClient(t, server, 'HEL'),
        // Still serving is shown by taking the next client's HELLO: what the server prints is the server group's test.
        async (server) => {
          const next = await t.connect(server);
          await next.send('HELLO\n');
          next.end();
          await next.waitUntilRead();
        },
        'recv() raises ConnectionResetError when a client disconnects abruptly: catch it (try/except ConnectionResetError), close that connection and go on',
      );
    });
  });
});
