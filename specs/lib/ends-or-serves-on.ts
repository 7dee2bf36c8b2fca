// After its one client, a server of the page ends; some courses' servers go back to
// accept() for the next one instead. The page's "exit" is charged once, in the server
// group; elsewhere (end to end, robustness) a server that serves on is as good as one
// that ends cleanly.

import { type ProgramUnderTest, type ServerUnderTest, StudentFailure, type TestContext } from '../../harness/index.js';

/** It exits with code 0 and printed no Python traceback; a traceback is the reported cause. */
export async function expectCleanExit(program: ProgramUnderTest, help: string): Promise<void> {
  try {
    await program.expectExit(0, { help });
  } catch (e) {
    program.expectNoTraceback(help);
    throw e;
  }
  program.expectNoTraceback(help);
}

/**
 * The server ends cleanly, or it is still running and `serveNext` (a new client served)
 * succeeds. A server still running that does not serve the next client fails with `help`.
 */
export async function expectEndsOrServesOn(t: TestContext, server: ServerUnderTest, serveNext: () => Promise<void>, help: string): Promise<void> {
  if (!(await server.exitsWithin(t.deadlines.reply))) {
    try {
      await serveNext();
      t.transcript.add('grader', 'the server went back to accept() and served the next client: it serves on, which is fine here');
      return;
    } catch (e) {
      if (!(e instanceof StudentFailure)) throw e;
    }
  }
  await expectCleanExit(server, help);
}
