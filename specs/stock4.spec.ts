// stock4: stock quotes for many clients at once, all served by ONE thread (select or
// selectors). One symbol per line in, one line out ("189.50" or "ERROR unknown symbol X").
// The point of the step: clients that interleave are all served, and the server does it
// without a thread (or process) per client.

import { check, group, PAGE_NEWLINE_TEST, SkipTest, StudentFailure, task } from '../harness/index.js';
import { clientBasics, connectMany, endToEndBasics, expectAllAnswered, interleavedClients, robustnessBasics, serverBasics, twoOwnClientsBesideASilentOne } from './lib/stock-many.js';

const SELECT_HELP =
  'serve every client from one loop: readable, _, _ = select.select([server] + clients, [], []); accept() when the server socket is readable, recv() once from each readable client (it will not block), and answer the complete lines it holds';

task('stock4', { port: 5000, framingProbe: { message: 'AAPL' } }, () => {
  group('server', () => {
    serverBasics();

    check('two clients interleaved are both served: A connects and sends half a symbol, B connects and is answered, then A is answered', 3, async (t) => {
      const server = await t.startServer();
      await interleavedClients(t, server, SELECT_HELP);
    });

    check('8 clients connected at the same time are all answered, each several times', 2, async (t) => {
      const server = await t.startServer();
      const conns = await connectMany(t, server, 8, SELECT_HELP);
      await expectAllAnswered(conns, 'keep every connected client in your list until it leaves, and answer whichever is readable');
    });

    check('the server serves many clients from one thread: its thread count does not grow with the clients', 2, async (t) => {
      const server = await t.startServer();
      const first = await connectMany(t, server, 1, SELECT_HELP);
      const before = server.threadCount();
      if (before === undefined) throw new SkipTest("this machine has no /proc: the grader cannot count the server's threads here (advisory: use select, not threads)");
      await connectMany(t, server, 6, SELECT_HELP);
      const after = server.threadCount() ?? before;
      if (after - before >= 3) {
        throw new StudentFailure({
          expected: 'the same number of threads with 7 clients connected as with 1 (one thread serves them all)',
          actual: `the server's processes had ${before} thread(s) with 1 client connected and ${after} with 7`,
          help: `this step asks for a single-threaded server: no threading.Thread (or fork) per client; ${SELECT_HELP}`,
        });
      }
      await expectAllAnswered(first, SELECT_HELP);
    });
  });

  group('client', () => {
    clientBasics();
  });

  group('end-to-end', () => {
    endToEndBasics();

    twoOwnClientsBesideASilentOne(SELECT_HELP);
  });

  group('robustness', () => {
    robustnessBasics();
    check(PAGE_NEWLINE_TEST, 1, async (t) => {
      await t.expectServerWaitsForNewline();
    });
  });
});
