// Reading a file a student's program left, or a submission holds, when the grader may
// be root. What is there was made by the student: a link to /etc/shadow or to
// /proc/<grader>/environ would put the grader's secrets in the report, a link to
// /dev/zero would eat its memory, a named pipe would block it, a folder would break it.
// So: no link is followed (not in the name, not in a folder on the way), nothing but a
// regular file is read, never more than a cap, and opening never blocks. Anything else
// is a sentence for the student, never an exception.

import { closeSync, constants, existsSync, fstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';

/** More than any file an exercise saves; a bound on the grader's memory. */
export const UNTRUSTED_READ_CAP = 16 * 1024 * 1024;

export type UntrustedKind = 'symbolic link' | 'named pipe' | 'folder' | 'device' | 'socket' | 'hard link' | 'too big' | 'unreadable';

export type UntrustedRead =
  | { bytes: Buffer }
  | { absent: true }
  /** Something is there, but it is not a file the grader will read; `reason` says what, in a student's words. */
  | { refused: UntrustedKind; reason: string };

export interface ReadOptions {
  /** At most this many bytes are read; a larger file is refused as 'too big'. */
  cap?: number;
  /** Who made the file, for the sentences: "the client", "your submission". */
  who?: string;
}

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK, O_DIRECTORY, O_NOCTTY } = constants;
const mib = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`);

/** Where the kernel lets a path start at an open folder (Linux): a race-free openat(2). */
const FD_DIR = existsSync('/proc/self/fd') ? '/proc/self/fd' : undefined;

class Refusal extends Error {
  constructor(
    readonly kind: UntrustedKind,
    reason: string,
  ) {
    super(reason);
  }
}

function kindOf(st: Stats): UntrustedKind | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'named pipe';
  if (st.isSocket()) return 'socket';
  if (st.isSymbolicLink()) return 'symbolic link';
  return 'device';
}

/** The sentence for something that is not a regular file. */
function notAFile(kind: UntrustedKind, shown: string, who: string, target?: string, folder = false): string {
  switch (kind) {
    case 'symbolic link':
      return `${who} saved ${shown} as a symbolic link${target === undefined ? '' : ` (to ${JSON.stringify(target)})`}, not as a ${folder ? 'folder' : 'file'}: save the ${folder ? 'folder' : 'file'} itself`;
    case 'named pipe':
      return `${shown} is a named pipe, not a file`;
    case 'folder':
      return `${shown} is a folder, not a file`;
    case 'socket':
      return `${shown} is a socket, not a file`;
    case 'device':
      return `${shown} is a device, not a file`;
    default:
      return `${shown} cannot be read`;
  }
}

/**
 * Opens `name` under the folder open as `dirFd` without following a link: through
 * /proc/self/fd where there is one, so the folder cannot be swapped between look and open.
 */
function openBeneath(dirFd: number, dirPath: string, name: string, flags: number): number {
  return openSync(FD_DIR ? `${FD_DIR}/${dirFd}/${name}` : path.join(dirPath, name), flags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
}

function linkTarget(dirFd: number, dirPath: string, name: string): string | undefined {
  try {
    return readlinkSync(FD_DIR ? `${FD_DIR}/${dirFd}/${name}` : path.join(dirPath, name));
  } catch {
    return undefined;
  }
}

/** Why opening failed, as a refusal; undefined when nothing is there. */
function openFailure(err: NodeJS.ErrnoException, dirFd: number, dirPath: string, name: string, shown: string, who: string, folder: boolean): Refusal | undefined {
  switch (err.code) {
    case 'ENOENT':
      return undefined;
    case 'ELOOP':
    case 'EMLINK': // BSDs' O_NOFOLLOW
      return new Refusal('symbolic link', notAFile('symbolic link', shown, who, linkTarget(dirFd, dirPath, name), folder));
    case 'ENOTDIR': {
      // O_DIRECTORY | O_NOFOLLOW on a link says "not a folder": it is a link.
      const target = linkTarget(dirFd, dirPath, name);
      if (target !== undefined) return new Refusal('symbolic link', notAFile('symbolic link', shown, who, target, folder));
      return new Refusal('unreadable', `${shown} is not a folder, so nothing can be inside it`);
    }
    case 'ENXIO':
      return new Refusal('socket', notAFile('socket', shown, who));
    default:
      return new Refusal('unreadable', `${shown} cannot be read (${err.code ?? err.message})`);
  }
}

/**
 * Reads at most `cap` + 1 bytes (one more than allowed tells "too big" without reading it
 * all), whatever size fstat said: the program may still be writing.
 */
function readCapped(fd: number, sizeSeen: number, cap: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(Math.max(sizeSeen + 1, 64 * 1024), 1024 * 1024, cap + 1 - total);
    if (want === 0) return undefined;
    const chunk = Buffer.allocUnsafe(want);
    const n = readSync(fd, chunk, 0, want, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
}

/**
 * The bytes of `dir/name` (name may hold folders: a/b.txt), where `dir` is a folder the
 * grader trusts (the program's working folder, the submission) and `name` is not.
 */
export function readUntrustedFile(dir: string, name: string, opts: ReadOptions = {}): UntrustedRead {
  const cap = opts.cap ?? UNTRUSTED_READ_CAP;
  const who = opts.who ?? 'the program';
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) return { refused: 'unreadable', reason: `${JSON.stringify(name)} is not a file name inside its folder` };
  const fds: number[] = [];
  try {
    let dirFd = openSync(dir, O_RDONLY | O_DIRECTORY);
    fds.push(dirFd);
    let dirPath = dir;
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      const shown = parts.slice(0, i + 1).join('/');
      let fd: number;
      try {
        fd = openBeneath(dirFd, dirPath, part, last ? O_RDONLY : O_RDONLY | O_DIRECTORY);
      } catch (e) {
        const refusal = openFailure(e as NodeJS.ErrnoException, dirFd, dirPath, part, shown, who, !last);
        if (!refusal) return { absent: true };
        throw refusal;
      }
      fds.push(fd);
      const st = fstatSync(fd);
      if (!last) {
        dirFd = fd;
        dirPath = path.join(dirPath, part);
        continue;
      }
      const kind = kindOf(st);
      if (kind) throw new Refusal(kind, notAFile(kind, shown, who));
      if (st.nlink > 1) throw new Refusal('hard link', `${who} saved ${shown} as a hard link to another file (it has ${st.nlink} names): save the file itself`);
      if (st.size > cap) throw new Refusal('too big', `${shown} is larger than ${mib(cap)} (${st.size} bytes): the grader reads at most ${mib(cap)}`);
      const bytes = readCapped(fd, st.size, cap);
      if (!bytes) throw new Refusal('too big', `${shown} is larger than ${mib(cap)}: the grader reads at most ${mib(cap)}`);
      return { bytes };
    }
    return { absent: true };
  } catch (e) {
    if (e instanceof Refusal) return { refused: e.kind, reason: e.message };
    throw e;
  } finally {
    for (const fd of fds.reverse()) closeSync(fd);
  }
}

/** Whether anything (a file, a link, a pipe…) is at `dir/name`, without following a link. */
export function somethingAt(dir: string, name: string): boolean {
  const read = readUntrustedFile(dir, name, { cap: 0 });
  return !('absent' in read);
}
