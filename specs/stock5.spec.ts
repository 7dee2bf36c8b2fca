// stock5: stock quotes for many clients at once, a thread per client. One symbol per line
// in, one line out ("189.50" or "ERROR unknown symbol X"). The point of the step: a client
// that is connected and idle, or halfway through a symbol, holds up no one else.

import { check, group, PAGE_NEWLINE_TEST, task } from '../harness/index.js';
import {
  clientBasics,
  connectMany,
  endToEndBasics,
  expectAllAnswered,
  interleavedClients,
  robustnessBasics,
  serverBasics,
  silentClientDoesNotBlock,
  twoOwnClientsBesideASilentOne,
} from './lib/stock-many.js';

const THREAD_HELP =
  'serve each client in its own thread: after conn, addr = server.accept(), start threading.Thread(target=handle_client, args=(conn,)) and go straight back to accept(); the thread does all the talking with that client';

task('stock5', { port: 5000, framingProbe: { message: 'AAPL' } }, () => {
  group('server', () => {
    serverBasics();

    check('while one client is connected and silent, another client is answered (and the silent one later too)', 3, async (t) => {
      const server = await t.startServer();
      await silentClientDoesNotBlock(t, server, THREAD_HELP);
    });

    check('while one client has sent half a symbol and waits, another client is answered', 2, async (t) => {
      const server = await t.startServer();
      await interleavedClients(t, server, THREAD_HELP);
    });

    check('10 clients connected at the same time are all answered, each several times', 2, async (t) => {
      const server = await t.startServer();
      const conns = await connectMany(t, server, 10, THREAD_HELP);
      await expectAllAnswered(conns, "each client's thread keeps serving its client until that client leaves");
    });
  });

  group('client', () => {
    clientBasics();
  });

  group('end-to-end', () => {
    endToEndBasics();
    twoOwnClientsBesideASilentOne(THREAD_HELP);
  });

  group('robustness', () => {
    robustnessBasics();
    check(PAGE_NEWLINE_TEST, 1, async (t) => {
      await t.expectServerWaitsForNewline();
    });
  });
});
