// A submission's socket-grader.json: read, checked, and explained when it is wrong. A
// broken manifest is the submission's own mistake, so it becomes a sentence for the
// student (naming the file and where the JSON breaks), never an error of the grader.

import jsonc from 'jsonc-parser';
import { readUntrustedFile } from '../sandbox/untrusted-file.js';

export const MANIFEST_FILE = 'socket-grader.json';

/** A manifest is a few lines: anything bigger is not one. */
const MANIFEST_CAP = 1024 * 1024;

/** A command as the manifest gives it: one string of words, or a list of them. */
export type ManifestEntry = string | string[];

/** Which of a task's programs: the manifest names a command for each. */
export type Role = 'server' | 'client';

export type ManifestRead = { none: true } | { entries: Record<string, Partial<Record<Role, ManifestEntry>>> } | { invalid: string };

/** Where the JSON goes wrong, as an offset (V8 does not always say: `Unexpected token '}'`); undefined when it is valid. */
export function jsonErrorOffset(text: string): number | undefined {
  const errors: jsonc.ParseError[] = [];
  jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0]?.offset;
}

/** "line 3, column 5" of an offset, as an editor counts them. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** V8's words without its position (given as line and column instead) or its quote of the text. */
function parseProblem(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '');
}

function isEntry(value: unknown): value is ManifestEntry {
  return typeof value === 'string' || (Array.isArray(value) && value.every((w) => typeof w === 'string'));
}

/** Checks the shape: an object of tasks, each an object of roles, each a command. */
function shapeProblem(data: unknown): string | undefined {
  const example = `like { "task4": { "server": ["python3", "-u", "chat/server.py"] } }`;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `it should hold an object of tasks, ${example}`;
  for (const [task, roles] of Object.entries(data)) {
    if (typeof roles !== 'object' || roles === null || Array.isArray(roles)) return `"${task}" should be an object of programs, ${example}`;
    for (const [role, entry] of Object.entries(roles)) {
      if (!isEntry(entry)) return `"${task}"."${role}" should be a command: a string, or a list of strings`;
    }
  }
  return undefined;
}

export function readManifest(submission: string): ManifestRead {
  // Read as untrusted: a link to a secret, a named pipe or a huge file is refused, not read.
  const read = readUntrustedFile(submission, MANIFEST_FILE, { cap: MANIFEST_CAP, who: 'your submission' });
  if ('absent' in read) return { none: true };
  if ('refused' in read) return { invalid: read.reason };
  let text = read.bytes.toString('utf8');
  // Windows editors often start a UTF-8 file with a byte-order mark: not a mistake worth a grade.
  if (text.startsWith('\ufeff')) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorOffset(text) ?? text.length;
    return { invalid: `${MANIFEST_FILE} is not valid JSON: ${lineAndColumn(text, at)}: ${parseProblem((e as Error).message)}` };
  }
  const problem = shapeProblem(data);
  if (problem) return { invalid: `${MANIFEST_FILE} is not a valid manifest: ${problem}` };
  return { entries: data as Record<string, Partial<Record<Role, ManifestEntry>>> };
}
