// The tests that the file-transfer tasks (task5, task6, filetransfer) share word for word:
// the newline at each end of a request, a missing file end to end, and a binary file saved
// unchanged by the client. Each task's own help is passed in.

import { check, randomBinary, randomFileName, type TestContext } from '../../harness/index.js';
import { expectReportsMissing, startOwnClient } from './end-to-end.js';
import { allByteValues, folderWith, MiB } from './file-contents.js';
import { clientAnswered, expectClientEndsNameWithNewline, expectErrorLineEndsWithNewline, expectSavedFile, fetchAndCheck, okThen, type ReplyOptions, randomUtf8Text } from './file-request.js';
import { newlineChecks } from './newline-checks.js';

/** What a task serves: binary files (.bin) or text files (.txt). */
export type FileKind = 'binary' | 'text';

const extOf = (kind: FileKind): string => (kind === 'binary' ? '.bin' : '.txt');
const contentOf = (kind: FileKind, bytes: number): Buffer => (kind === 'binary' ? randomBinary(bytes) : randomUtf8Text(bytes));

/** The student's server, holding `name` (and another file beside it), sends it whole when the grader asks for it. */
export async function expectServes(t: TestContext, name: string, content: Buffer, opts: ReplyOptions, kind: FileKind = 'binary'): Promise<void> {
  const server = await t.startServer({ files: folderWith(name, content, kind) });
  await fetchAndCheck(t, server, name, content, opts);
}

/** Robustness: the client ends the name it sends with a newline; the server waits for it, and ends its ERROR line with one. */
export function requestNewlineChecks(kind: FileKind, errorHelp: string): void {
  check('the client ends the file name it sends with a newline', 1, async (t) => {
    await expectClientEndsNameWithNewline(t, await t.listen(), randomFileName(extOf(kind)));
  });

  newlineChecks(
    'the server ends its ERROR line with a newline',
    async (conn) => {
      await conn.sendLine(randomFileName(extOf(kind)));
      await expectErrorLineEndsWithNewline(conn, errorHelp);
    },
    (t) => t.startServer({ files: folderWith(randomFileName(extOf(kind)), contentOf(kind, kind === 'binary' ? 512 : 100), kind) }),
  );
}

/** End to end: the student's client asks the student's server for a file it does not have. */
export function missingFileCheck(kind: FileKind, points: number): void {
  check('asking your server for a missing file, your client says it was not found, saves nothing and exits with a non-zero code', points, async (t) => {
    const name = randomFileName(extOf(kind));
    const server = await t.startServer({ files: folderWith(randomFileName(extOf(kind)), contentOf(kind, kind === 'binary' ? 2048 : 200), kind) });
    const client = await startOwnClient(t, server, name);
    await expectReportsMissing(client, name, { nonZeroExit: true });
  });
}

/** Client: it saves every byte value unchanged (with `bytesHelp`) and exits with 0, and a random binary file over 1 MiB. */
export function binaryClientChecks(bytesHelp: string): void {
  check('the client saves a file holding all 256 byte values unchanged and exits with code 0', 2, async (t) => {
    const name = randomFileName('.bin');
    const content = allByteValues();
    const client = await clientAnswered(t, name, okThen(content));
    await expectSavedFile(client, name, content, bytesHelp);
    await client.expectExit(0, { help: 'end normally once the file is saved' });
  });

  check.alone('the client saves a random binary file over 1 MiB unchanged (same SHA-256)', 2, async (t) => {
    const name = randomFileName('.bin');
    const content = randomBinary(1.5 * MiB);
    const client = await clientAnswered(t, name, okThen(content));
    await expectSavedFile(client, name, content, 'one recv() returns at most what you asked for, often less: loop on recv() until it returns b""');
  });
}
