// What the report says first about a submission, before its tests: what the grader learned
// of its own conventions (dialect-words.ts) and where it found programs the page wanted
// elsewhere. One sentence each; none for a submission that follows the page.

import { dialectWords } from './dialect-words.js';
import type { TaskReport } from './types.js';

/** "your server was found at unzipped/chat/server.py and graded there; the page asks for chat/server.py: it costs nothing, but move it". */
function layoutWords(r: Pick<TaskReport, 'task' | 'foundAt'>): string | undefined {
  const found = Object.entries(r.foundAt ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (found.length === 0) return undefined;
  const at = found.map(([role, rel]) => `your ${role} was found at ${rel}`).join(' and ');
  const asked = found.map(([role, rel]) => `${r.task}/${role}${rel.slice(rel.lastIndexOf('.'))}`).join(' and ');
  return `${at} and graded there; the page asks for ${asked}: it costs nothing here, but move ${found.length > 1 ? 'them' : 'it'} there`;
}

export function learnedWords(r: Pick<TaskReport, 'task' | 'dialect' | 'foundAt'>): string[] {
  return [dialectWords(r.dialect), layoutWords(r)].filter((w): w is string => w !== undefined);
}
