// Which of the machine's folders a test's programs must not see: the folder holding the
// submission that was handed in (in a class, every other student's), and the grader's
// own (reference solutions, mutants). Their programs read a copy of the submission.

import path from 'node:path';

/**
 * `original`'s parent and `graderRoot`, unless one is the whole file system or holds a
 * path the programs need (the copy they run from, an interpreter).
 */
export function hiddenFolders(original: string, graderRoot: string, needed: string[]): string[] {
  const holds = (folder: string, p: string): boolean => p === folder || p.startsWith(`${folder}${path.sep}`);
  const candidates = [path.dirname(path.resolve(original)), path.resolve(graderRoot)];
  return [...new Set(candidates)].filter((folder) => folder !== path.parse(folder).root && !needed.some((p) => holds(folder, path.resolve(p))));
}
