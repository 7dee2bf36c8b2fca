// Where "expected" and "got" part, for the HTML report to mark. The words are compared
// word by word, each quoted text ("HELLO") as one; a quoted text of one that the other
// lacks is compared with the other's first such text character by character, so "HEL"
// against "HELLO" marks the missing LO. Two sentences that share little are left
// unmarked: marking nearly every word shows nothing.

import { htmlText } from './escape.js';

/** Words, spaces, and quoted texts whole. */
function tokens(text: string): string[] {
  return text.match(/"(?:[^"\\]|\\.)*"|\s+|[^\s"]+|"/g) ?? [];
}

const isQuote = (t: string): boolean => t.length > 1 && t.startsWith('"') && t.endsWith('"');
const isSpace = (t: string): boolean => /^\s+$/.test(t);

/** For each token of a and of b: whether it is in their longest common subsequence. */
function common(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const inA = new Array<boolean>(n).fill(false);
  const inB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      inA[i++] = true;
      inB[j++] = true;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return [inA, inB];
}

/** Quoted texts longer than this are compared by their common start only. */
const MAX_CHARS = 200;

/**
 * `text` with the characters `other` lacks in <tag>, compared character by character;
 * '' when the two have less than half their characters in common (nothing alike inside).
 */
function markInside(text: string, other: string, tag: 'del' | 'ins'): string {
  const a = [...text.slice(1, -1)];
  const b = [...other.slice(1, -1)];
  let kept: boolean[];
  if (a.length > MAX_CHARS || b.length > MAX_CHARS) {
    let start = 0;
    while (start < a.length && a[start] === b[start]) start++;
    kept = a.map((_, i) => i < start);
  } else kept = common(a, b)[0];
  const shared = kept.filter(Boolean).length;
  if (shared === 0 || shared < 0.5 * Math.min(a.length, b.length)) return '';
  let html = '';
  a.forEach((c, i) => {
    html += kept[i] ? htmlText(c) : `<${tag}>${htmlText(c)}</${tag}>`;
  });
  return `&quot;${html.replace(new RegExp(`</${tag}><${tag}>`, 'g'), '')}&quot;`;
}

/** How much two texts must share, in words, for their other words to be marked. */
const SHARED_AT_LEAST = 0.3;
/** Longer texts are shown unmarked: the table is quadratic. */
const MAX_TOKENS = 400;

function render(parts: readonly string[], kept: readonly boolean[], counterpart: string | undefined, markWords: boolean, tag: 'del' | 'ins'): string {
  let html = '';
  let quoteDone = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (kept[i] || isSpace(p)) {
      html += htmlText(p);
      continue;
    }
    if (isQuote(p) && !quoteDone && counterpart !== undefined) {
      quoteDone = true;
      const inside = markInside(p, counterpart, tag);
      if (inside) {
        html += inside;
        continue;
      }
    }
    html += markWords || isQuote(p) ? `<${tag}>${htmlText(p)}</${tag}>` : htmlText(p);
  }
  // Marks of neighbouring words, apart only by a space, read as one.
  return html.replace(new RegExp(`</${tag}>(\\s+)<${tag}>`, 'g'), '$1');
}

/** HTML of both texts, what only `expected` holds in <del>, what only `got` holds in <ins>. */
export function markDifference(expected: string, got: string): { expected: string; got: string } {
  const a = tokens(expected);
  const b = tokens(got);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return { expected: htmlText(expected), got: htmlText(got) };
  const [inA, inB] = common(a, b);
  const words = (ts: readonly string[], kept?: readonly boolean[]): number => ts.filter((t, i) => !isSpace(t) && (kept === undefined || kept[i])).length;
  const markWords = words(a, inA) >= SHARED_AT_LEAST * Math.max(words(a), words(b));
  const firstLoneQuote = (ts: readonly string[], kept: readonly boolean[]): string | undefined => ts.find((t, i) => isQuote(t) && !kept[i]);
  return {
    expected: render(a, inA, firstLoneQuote(b, inB), markWords, 'del'),
    got: render(b, inB, firstLoneQuote(a, inA), markWords, 'ins'),
  };
}
