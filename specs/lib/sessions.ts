// How a test of a line-by-line pair opens: the grader as the client of the student's
// server, as the server of the student's client, or the student's two programs together;
// and the client's turn, a line typed at it that it must send.

import { type Connection, expectServesOnOrEndsCleanly, type FakeServer, type ProgramUnderTest, type ServerUnderTest, StudentFailure, type TestContext, type TextPattern } from '../../harness/index.js';

/** The student's server, and the grader connected to it as the client. */
export async function serverSession(t: TestContext): Promise<{ server: ServerUnderTest; conn: Connection }> {
  const server = await t.startServer();
  const conn = await t.connect(server);
  return { server, conn };
}

/** The grader listens as the server and the student's client connects to it. */
export async function clientSession(t: TestContext): Promise<{ client: ProgramUnderTest; conn: Connection; fake: FakeServer }> {
  const fake = await t.listen();
  const client = await t.startClient(fake);
  const conn = await fake.accept({ from: client });
  return { client, conn, fake };
}

/** The student's server, and the student's client pointed at it. */
export async function startPair(t: TestContext): Promise<{ server: ServerUnderTest; client: ProgramUnderTest }> {
  const server = await t.startServer();
  const client = await t.startClient(server);
  return { server, client };
}

/** `typed` is typed at the client, which must send it (as `sent` says, with `help`); the grader answers `answer`. */
export async function typedLineSent(client: ProgramUnderTest, conn: Connection, typed: string, sent: string | TextPattern, answer: string, help: string): Promise<void> {
  client.type(typed);
  await conn.expectLine(sent, { help });
  await conn.sendLine(answer);
}

/** A client of `server` that sends `partial` (no newline) and, once it is read, vanishes with a reset (RST). */
export async function abruptClient(t: TestContext, server: ServerUnderTest, partial: string): Promise<void> {
  const rude = await t.connect(server);
  await rude.send(partial);
  await rude.waitUntilRead();
  rude.reset();
}

/** A client of `server` that connects and, once the server has waited on it, closes without a word; its connection. */
export async function silentClient(t: TestContext, server: ServerUnderTest): Promise<Connection> {
  const quiet = await t.connect(server);
  await quiet.waitUntilRead();
  quiet.end();
  return quiet;
}

/**
 * The student's server meets `visitor` (a client that misbehaves), then serves the next
 * client (`serveNext`) or ends cleanly: serving on is the server group's test, not this one.
 */
export async function expectSurvives(t: TestContext, visitor: (server: ServerUnderTest) => Promise<unknown>, serveNext: (server: ServerUnderTest) => Promise<void>, help: string): Promise<void> {
  const server = await t.startServer();
  await visitor(server);
  await expectServesOnOrEndsCleanly(server, () => serveNext(server), { help });
}

/**
 * The grader's connection closes its side: the server must close its own (else `help`),
 * then serve the next client (`serveNext`) or end cleanly.
 */
export async function expectClosesAfterClient(server: ServerUnderTest, conn: Connection, serveNext: () => Promise<void>, help: string): Promise<void> {
  conn.end();
  await conn.readUntilClosed({ help });
  await expectServesOnOrEndsCleanly(server, serveNext, { help });
}

/** Closes the connection, or fails saying whether the server is stuck in a busy loop. */
export async function expectServerCloses(server: ServerUnderTest, conn: Connection, help: string): Promise<void> {
  try {
    await conn.readUntilClosed({ help });
  } catch (e) {
    if (e instanceof StudentFailure && (await server.isSpinning())) {
      throw new StudentFailure({ ...e.details, actual: `${e.details.actual}, while the server kept using the CPU all the time (a busy loop: recv() returning b"" over and over?)` });
    }
    throw e;
  }
}
