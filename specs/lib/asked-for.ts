// End to end, a client is graded on what it does with what it asks for: a symbol or a
// file name given as its argument, typed at its input() prompt (before or after it
// connects), or hard-coded in it. Which one it asks for is learned from the client
// itself: it is given the name both ways and asks the grader, listening where it
// connects; a client that asks for a name of its own is then graded on that name. The
// hard-coding is the client group's charge, once.

import { type ProgramUnderTest, quote, StudentFailure, type TestContext } from '../../harness/index.js';

/** How the grader recognises a name of the client's own in what it sends. */
export type OwnName = (request: string) => string | undefined;

/** The student's client, given `name` as its first argument and typed at its input(). */
export type StartAsking = (to: Parameters<TestContext['startClient']>[0], name: string) => Promise<ProgramUnderTest>;

/**
 * What the client asks for when given `given`: `given` when its first message holds it
 * (in any framing, any case), else the name `own` finds there; `given` when nothing
 * shows (the client sent nothing, or nothing recognisable).
 */
export async function nameAskedFor(t: TestContext, given: string, own: OwnName, start: StartAsking): Promise<string> {
  t.transcript.add('grader', `first, which name does your client ask for when given ${quote(given)}? (it asks the grader, listening as its server)`);
  const fake = await t.listen();
  const probe = await start(fake, given);
  let request: string | undefined;
  try {
    const conn = await fake.accept({ from: probe });
    request = await conn.readLine();
    // A reset leaves no TIME_WAIT on the server's port: the student's server binds it next.
    conn.reset();
  } catch (e) {
    if (!(e instanceof StudentFailure)) throw e;
  } finally {
    fake.close();
    probe.signal('SIGKILL');
    await probe.exitsWithin(t.deadlines.reply);
  }
  if (request === undefined || request.toLowerCase().includes(given.toLowerCase())) return given;
  const mine = own(request);
  if (mine === undefined) return given;
  t.transcript.add('grader', `your client asks for ${quote(mine)}, not the ${quote(given)} it was given: it is graded end to end on what it does with ${quote(mine)}`);
  return mine;
}

/** A file name in what the client sent ("notes.txt", "GET data.bin"). */
export const fileNameIn: OwnName = (request) => request.match(/[\w.-]*\w\.[A-Za-z0-9]{1,8}\b/)?.[0];

/** A stock symbol in what the client sent: one of `known`, else a lone word of capitals ("NVDA"). */
export function symbolIn(known: readonly string[]): OwnName {
  return (request) =>
    known.find((s) => new RegExp(`(?<![A-Za-z])${s}(?![A-Za-z])`, 'i').test(request)) ??
    request
      .trim()
      .match(/^[A-Za-z]{1,5}$/)?.[0]
      ?.toUpperCase();
}
