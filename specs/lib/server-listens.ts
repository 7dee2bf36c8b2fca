// The first test of every server: it starts, and listens on the port the page names.

import { check } from '../../harness/index.js';

/** The test "the server starts and listens on PORT" (1 point): a server that listens elsewhere fails only here. */
export function serverListensCheck(protocol?: 'udp'): void {
  check('the server starts and listens on PORT', 1, async (t) => {
    await t.startServer(protocol ? { protocol, pagePort: true } : { pagePort: true });
  });
}
