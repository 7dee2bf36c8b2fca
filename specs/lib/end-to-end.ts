// The end-to-end checks of the file tasks (task5 to task8): the student's own client
// against the student's own server, judged only by what a person at the keyboard sees:
// the file saved in the client's folder, what the client prints, its exit code. The wire
// format between the two programs is theirs, so nothing here looks at it, and no help
// names a protocol keyword.

import { type Endpoint, expectNoSavedFile, expectSavedFile, type ProgramUnderTest, quote, type ServerUnderTest, StudentFailure, type TestContext } from '../../harness/index.js';
import { fileNameIn, nameAskedFor } from './asked-for.js';

/**
 * Starts the student's client asking for `name`, pointed at the student's server (or at
 * a relay in front of it); the name is given both ways: first argument, and typed.
 */
export async function startOwnClient(t: TestContext, server: ServerUnderTest | Endpoint, name: string, env: Record<string, string> = {}): Promise<ProgramUnderTest> {
  const client = await t.startClient(server, { args: [name], env });
  client.type(name);
  return client;
}

/**
 * The file name the student's client asks for when given `name`: `name`, or the name
 * hard-coded in it (learned by letting it ask the grader first; see asked-for.ts). The
 * server's folder then holds the test's file under that name.
 */
export function fileAskedFor(t: TestContext, name: string): Promise<string> {
  return nameAskedFor(t, name, fileNameIn, (to, given) => startOwnClient(t, to, given));
}

/** It ends by itself within `within`; the failure says what it printed meanwhile. */
async function expectEndsByItself(client: ProgramUnderTest, expected: string, help: string, within: number): Promise<void> {
  if (await client.exitsWithin(within)) return;
  const printed = client.printed();
  throw new StudentFailure({
    expected,
    actual: `${(await client.stillRunning(within)).replace(/^it /, 'the client ')}${printed ? `; it printed ${quote(printed)}` : '; it printed nothing'}`,
    help,
  });
}

export interface DownloadOptions {
  within?: number;
  /** What to look at when the saved file differs. */
  help?: string;
}

/**
 * The client ends with exit code 0, without a traceback, and its folder holds `name`
 * with exactly `content`.
 */
export async function expectDownloaded(client: ProgramUnderTest, name: string, content: Buffer, opts: DownloadOptions = {}): Promise<void> {
  await expectEndsByItself(
    client,
    `the client saves ${quote(name)} and ends`,
    'run your server, then your client with the same file name, and watch which of the two waits for the other',
    opts.within ?? client.deadlines.reply,
  );
  client.expectNoTraceback('run your server and your client yourself with this file and read the traceback');
  expectSavedFile(client.dir, name, content, {
    help: opts.help ?? 'compare the saved file with the original (cmp, or sha256sum of both): the first difference says which side changes the bytes',
  });
  await client.expectExit(0, { help: 'when the file is saved, let the client end normally (exit code 0)' });
}

export interface MissingOptions {
  /** The page asks for a non-zero exit code when the file was not found. */
  nonZeroExit: boolean;
  within?: number;
}

/**
 * Asked for a file the server does not have, the client ends, saves no file of that
 * name, and lets the person know: a message in its own words ("File can't be found at
 * the server side"), or a non-zero exit code; and (when the page asks) exits non-zero.
 */
export async function expectReportsMissing(client: ProgramUnderTest, name: string, opts: MissingOptions): Promise<void> {
  await expectEndsByItself(
    client,
    `the client says that ${quote(name)} was not found, and ends`,
    'when the server has no such file, the server must say so and the client must print it and end; neither may wait for the other',
    opts.within ?? client.deadlines.reply,
  );
  expectNoSavedFile(client.dir, name, {
    why: 'the server has no such file',
    help: 'open the output file only once you know the file exists: a missing file must leave nothing behind, not even an empty file',
  });
  client.expectNoTraceback('a missing file is an expected case: print a message instead of crashing');
  const exit = client.exitInfo;
  const failedExit = exit !== undefined && exit.code !== 0;
  if (!client.printed() && !failedExit) {
    throw new StudentFailure({
      expected: 'the client lets the person know the file was not found: a message, or a non-zero exit code',
      actual: `it printed nothing and ${client.describeExit()}`,
      help: 'print a message such as "file not found" when the server has no such file',
    });
  }
  if (opts.nonZeroExit && !failedExit) {
    throw new StudentFailure({
      expected: 'the client exits with a non-zero code (the file was not found)',
      actual: `it ${client.describeExit()}`,
      help: 'end with sys.exit(1) when the file was not found',
    });
  }
}
