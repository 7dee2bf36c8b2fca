// task3b: the client says HELLO, the server says HELLO back and closes.
// End to end, the student's client runs against the student's server: only what the
// person sees counts (the client printing the server's HELLO, its exit code).

import { check, group, quote, randomWord, StudentFailure, task } from '../harness/index.js';
import { serverListensCheck } from './lib/server-listens.js';

task('task3b', { port: 53 }, () => {
  group('server', () => {
    serverListensCheck();

    check('the server answers HELLO with HELLO', 2, async (t) => {
      const server = await t.startServer();
      const client = await t.connect(server);
      await client.sendLine('HELLO');
      await client.expectText('HELLO', { help: 'after reading the message, reply with conn.sendall(b"HELLO\\n")' });
    });

    check('the server closes the connection after answering', 1, async (t) => {
      const server = await t.startServer();
      const client = await t.connect(server);
      await client.sendLine('HELLO');
      // The reply in any words: what it says is the test above's.
      await client.readUntilClosed({ help: 'call conn.close() once the reply is sent' });
    });
  });

  group('client', () => {
    check('the client connects and sends HELLO', 2, async (t) => {
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const conn = await fake.accept({ from: client });
      await conn.expectText('HELLO', { help: 'send exactly the word HELLO: s.sendall(b"HELLO\\n")' });
    });

    check("the client prints the server's reply", 2, async (t) => {
      const reply = `HELLO ${randomWord()}`;
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const conn = await fake.accept({ from: client });
      await conn.expectText('HELLO', { ignoreCase: true }); // its case is the test above's
      await conn.sendLine(reply);
      conn.end();
      await client.expectOutput(reply, { help: 'print what recv() returned, decoded: print(data.decode())' });
    });

    check('the client exits with code 0 after the server closes', 1, async (t) => {
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const conn = await fake.accept({ from: client });
      await conn.expectText('HELLO', { ignoreCase: true }); // its case is the test above's
      await conn.sendLine('HELLO');
      conn.end();
      await client.expectExit(0, { help: 'close the socket and let the program end after printing the reply' });
    });
  });

  group('end-to-end', () => {
    check('the client prints the HELLO its server sends back when the two are run together', 2, async (t) => {
      const server = await t.startServer();
      const client = await t.startClient(server);
      await client.expectOutput('HELLO', {
        help: 'run your server, then your client: the client must print the HELLO the server answered, in capitals (the server replies HELLO, the client prints what it received)',
      });
    });

    check('the client exits with code 0 once it has printed the HELLO', 1, async (t) => {
      const server = await t.startServer();
      const client = await t.startClient(server);
      await client.expectOutput('HELLO');
      await client.expectExit(0, { help: 'the server closes the connection after its HELLO; the client then closes its socket and ends (no input() to keep the window open)' });
    });
  });

  group('robustness', () => {
    check('the server waits for the whole HELLO when it arrives in two pieces', 1, async (t) => {
      const server = await t.startServer();
      const client = await t.connect(server);
      await client.send('HEL');
      await client.waitUntilRead();
      await client.send('LO\n');
      // Joined is judged by the answer, in any words: an answer to the piece "HEL" shows it was taken as the message; the word HELLO is the server group's test.
      const help = 'TCP may deliver a message in pieces: keep calling recv() until the whole word (or the newline) has arrived';
      const answer = await client.readLine({ help });
      if (/hel(?!lo)/i.test(answer)) {
        throw new StudentFailure({
          sent: '"HEL", then "LO\\n"',
          expected: 'one answer (in any words) to the whole HELLO: the two pieces read as one message',
          actual: `the answer ${quote(answer)}: the first piece "HEL" was taken as the whole message`,
          help,
        });
      }
    });

    check('the client prints the whole reply when it arrives in pieces', 1, async (t) => {
      const word = randomWord();
      const fake = await t.listen();
      const client = await t.startClient(fake);
      const conn = await fake.accept({ from: client });
      await conn.expectText('HELLO', { ignoreCase: true }); // its case is the test above's
      await conn.send(`HELLO ${word.slice(0, 3)}`);
      await conn.waitUntilRead();
      await conn.sendLine(word.slice(3));
      conn.end();
      await client.expectOutput(`HELLO ${word}`, { help: 'one recv() may return only part of the reply: keep reading until the server closes (recv returns b"")' });
    });
  });
});
