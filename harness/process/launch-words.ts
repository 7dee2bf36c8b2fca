// How a program was started, as a student would type it again: the command and its
// arguments (paths relative to the submission, as in the manifest), where it ran, and the
// HOST and PORT it was given. A program that dies at start is shown this beside its stderr.

import path from 'node:path';

export interface LaunchShown {
  /** The command and every argument, as started. */
  words: readonly string[];
  /** The submission folder: paths inside it are shown relative to it (none: a program started outside a grading). */
  submission?: string;
  /** Its working folder, as the program itself names it. */
  folder: string;
  host?: string;
  port?: string;
}

function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** One word as a shell would need it: in single quotes when it holds a space or a quote. */
function shellWord(word: string): string {
  return word === '' || /[\s"'\\$`]/.test(word) ? `'${word.replaceAll("'", "'\\''")}'` : word;
}

/** A path of the submission relative to it (`task3b/server.py`, `./server`); the grader's own files (python3, a bundle) by their name. */
function shownWord(word: string, submission: string | undefined): string {
  if (!path.isAbsolute(word)) return word;
  if (submission !== undefined && isWithin(submission, word)) {
    const rel = path.relative(submission, word);
    return rel.includes('/') ? rel : `./${rel}`;
  }
  return path.basename(word);
}

/** The command line as typed: `python3 -u task3b/server.py 5000`. */
export function shownCommandLine(words: readonly string[], submission: string | undefined): string {
  return words.map((w) => shellWord(shownWord(w, submission))).join(' ');
}

/** `"./server 5000", in the folder /work/server-1, with HOST=127.0.0.1 and PORT=5000` */
export function describeLaunch(l: LaunchShown): string {
  const env = [l.host === undefined ? undefined : `HOST=${l.host}`, l.port === undefined ? undefined : `PORT=${l.port}`].filter((e) => e !== undefined);
  return `"${shownCommandLine(l.words, l.submission)}", in the folder ${l.folder}${env.length > 0 ? `, with ${env.join(' and ')}` : ''}`;
}
