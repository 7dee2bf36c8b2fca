// A hint that blames a server busy with another client must rest on what the grader saw:
// the student's own client's connection still in the server's backlog, or what it sent
// still unread. Otherwise the failure keeps its own, neutral hint.

import { type ProgramUnderTest, type ServerUnderTest, StudentFailure, type TestContext } from '../../harness/index.js';

/** The hint when the socket table shows the server has not taken up the client, else undefined. */
export async function busyServerHint(t: TestContext, client: ProgramUnderTest, server: ServerUnderTest, threadHelp: string, busyWith = 'the silent client'): Promise<string | undefined> {
  const ends = await t.serverEndsOf(client, server);
  if (ends.includes('not accepted')) return `your server has not accept()ed your client's connection: it is still busy with ${busyWith}; ${threadHelp}`;
  if (ends.includes('unread')) return `your server accepted your client's connection but has not read what your client sent: it is still busy with ${busyWith}; ${threadHelp}`;
  return undefined;
}

/** Runs `action`; a student failure gets the hint `evidence` finds (read before anything is stopped), if any. */
export async function withHintFromEvidence<T>(action: () => Promise<T>, evidence: () => Promise<string | undefined>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (!(e instanceof StudentFailure)) throw e;
    const help = await evidence();
    if (help === undefined) throw e;
    throw new StudentFailure({ ...e.details, help });
  }
}
