// A submission's stop word, read from its own Python source: courses end a chat or a
// session with their own word (`exit`, `quit`, `q`, `Bye`), compared with `==`. A string
// is a candidate only where the program compares something with it (`== "exit"`,
// `in ("quit", "q")`, `.startswith("bye")`, `case "exit":`), and only if it is a word
// courses use to end a session: a prompt, a reply or a price is never taken for one.

import { readUntrustedFile } from '../sandbox/untrusted-file.js';
import type { Role } from './manifest.js';

/** Words courses end a session with (compared without case here; the program's own form is kept). */
// Not "end", "stop", "close" or "leave": programs compare those with events and states too (`e["event"] == "leave"`).
const KNOWN_STOP_WORDS = new Set(['bye', 'goodbye', 'exit', 'quit', 'q', 'disconnect', 'logout', '/quit', '/exit']);

/** Source larger than this is no student's program: not read. */
const SOURCE_CAP = 256 * 1024;

type Token = { kind: 'string'; text: string } | { kind: 'name'; text: string } | { kind: 'op'; text: string };

/** A string's prefix (r, b, u, f and pairs such as rb, fr) and its opening quote. */
const STRING_START = /^([rRbBuUfF]{0,2})('''|"""|'|")/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', '->', '**', '//', ':=']);

/** The body of a quoted string starting at `start` (after its quote), and where it ends; escapes kept simple. */
function readString(src: string, start: number, quote: string): { body: string; end: number } {
  let i = start;
  let body = '';
  while (i < src.length) {
    if (src.startsWith(quote, i)) return { body, end: i + quote.length };
    const c = src[i];
    if (c === '\n' && quote.length === 1) break; // an unterminated line: stop there
    if (c === '\\' && i + 1 < src.length) {
      body += src[i + 1] === 'n' ? '\n' : src[i + 1] === 't' ? '\t' : src[i + 1];
      i += 2;
      continue;
    }
    body += c;
    i++;
  }
  return { body, end: i };
}

/**
 * Python source as tokens: names, operators, and string literals (single-line ones; a
 * triple-quoted string is a docstring or a banner, an f-string is built text: both are
 * kept as opaque tokens that compare with nothing). Comments are dropped.
 */
export function pythonTokens(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i, i + 8);
    const c = src[i];
    if (c === '#') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const str = STRING_START.exec(rest);
    if (str) {
      const [whole, prefix, quote] = str;
      const { body, end } = readString(src, i + whole.length, quote);
      const opaque = quote.length === 3 || /[fF]/.test(prefix);
      tokens.push(opaque ? { kind: 'op', text: 'text' } : { kind: 'string', text: body });
      i = end;
      continue;
    }
    const name = NAME.exec(src.slice(i, i + 256));
    if (name) {
      tokens.push({ kind: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: 'op', text: two });
      i += 2;
      continue;
    }
    tokens.push({ kind: 'op', text: c });
    i++;
  }
  return tokens;
}

const isOp = (t: Token | undefined, ...ops: string[]): boolean => t?.kind === 'op' && ops.includes(t.text);
const isName = (t: Token | undefined, ...names: string[]): boolean => t?.kind === 'name' && names.includes(t.text);

/** `... in (`, `... in [`, `... in {`, `.startswith(`, `.endswith(`: the bracket opens a comparison. */
function opensComparison(tokens: Token[], bracket: number): boolean {
  const before = tokens[bracket - 1];
  if (isName(before, 'in')) return true;
  return isOp(tokens[bracket], '(') && isName(before, 'startswith', 'endswith') && isOp(tokens[bracket - 2], '.');
}

/** Whether the string at `i` stands in a comparison: beside `==`/`!=`, after `in` or `case`, or one of a collection compared with. */
function inComparison(tokens: Token[], i: number): boolean {
  if (isOp(tokens[i - 1], '==', '!=') || isOp(tokens[i + 1], '==', '!=')) return true;
  if (isName(tokens[i - 1], 'in', 'case') || isName(tokens[i + 1], 'in')) return true;
  // Back over `"a", "b",` to the bracket that holds them.
  let j = i - 1;
  while (isOp(tokens[j], ',') && tokens[j - 1]?.kind === 'string') j -= 2;
  return isOp(tokens[j], '(', '[', '{') && opensComparison(tokens, j);
}

/** The stop words a Python program compares what it reads with, in order of first use, each once. */
export function stopWordsInSource(src: string): string[] {
  const tokens = pythonTokens(src);
  const found: string[] = [];
  for (const [i, t] of tokens.entries()) {
    if (t.kind !== 'string') continue;
    const word = t.text.trim();
    if (!KNOWN_STOP_WORDS.has(word.toLowerCase()) || found.includes(word)) continue;
    if (inComparison(tokens, i)) found.push(word);
  }
  return found;
}

/**
 * The word a program ends a session with, when it is not the page's: undefined when it
 * knows one of the page's words (in any letter case: the case is graded by the page's own tests)
 * or compares with no stop word at all (then the page's applies). Of several, the first its
 * partner program compares with too (`partnerWords`), else the first.
 */
export function ownStopWord(words: string[], pageWords: string[], partnerWords: string[] = []): string | undefined {
  const page = new Set(pageWords.map((w) => w.toLowerCase()));
  if (words.length === 0 || words.some((w) => page.has(w.toLowerCase()))) return undefined;
  // A word its partner program knows too is the one that ends a session between them.
  return words.find((w) => partnerWords.includes(w)) ?? words[0];
}

/** The stop words in `<task>/<role>.py` of a submission; none when there is no such file, or it is not one the grader reads. */
export function stopWordsOfProgram(submission: string, task: string, role: Role): string[] {
  try {
    const read = readUntrustedFile(submission, `${task}/${role}.py`, { cap: SOURCE_CAP, who: 'your submission' });
    return 'bytes' in read ? stopWordsInSource(read.bytes.toString('utf8')) : [];
  } catch {
    return []; // no folder to read: nothing learned, the page's word applies
  }
}
