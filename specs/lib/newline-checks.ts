// The page's newline, from both sides of a server: it waits for the newline that ends what
// it is sent (the page's own test), and it ends its own answer with one.

import { ANY_LINE, type Connection, check, PAGE_NEWLINE_TEST, type ServerUnderTest, type TestContext } from '../../harness/index.js';

/**
 * The page's newline test, then the test `title`: the student's server (started by `start`)
 * is sent something by `ask`, which judges the newline that ends its answer.
 */
export function newlineChecks(title: string, ask: (conn: Connection) => Promise<void>, start = (t: TestContext): Promise<ServerUnderTest> => t.startServer()): void {
  check(PAGE_NEWLINE_TEST, 1, async (t) => {
    await t.expectServerWaitsForNewline();
  });

  check(title, 1, async (t) => {
    // A server that reads without the newline is charged once for the page's newline, above.
    if (await t.newlineChargedElsewhere()) return;
    const conn = await t.connect(await start(t));
    await ask(conn);
  });
}

/**
 * The next answer on `conn` ends with its newline, when an answer comes. A server that
 * closes without a byte (it crashed, or it answers once per connection) sent no line whose
 * newline could be judged: why no answer came is the charge of the test about that answer.
 */
export async function expectNewlineIfAnswered(conn: Connection, help: string): Promise<void> {
  const first = await conn.inbox.waitFor(() => (conn.inbox.unread().length > 0 ? true : undefined), conn.deadlines.reply);
  if (first.kind === 'ended' && conn.inbox.unread().length === 0) {
    conn.note('(the connection closed with no answer: no newline to judge here)');
    return;
  }
  await conn.expectLine(ANY_LINE, { requireNewline: true, help });
}
