// Where "expected" and "got" part: the pieces of each that the other lacks, for the HTML
// report to mark. Quoted text ("HEL" against "HELLO") is compared character by character,
// the words around it word by word, so a missing "LO" stands out in a sentence.

import { htmlText } from './escape.js';

/** Words and spaces outside quotes; single characters inside them. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/("(?:[^"\\]|\\.)*")/)) {
    if (part.startsWith('"') && part.length > 1) out.push(...part);
    else out.push(...(part.match(/\s+|[^\s]+/g) ?? []));
  }
  return out;
}

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

function marked(parts: readonly string[], kept: readonly boolean[], tag: 'del' | 'ins'): string {
  let html = '';
  let open = false;
  parts.forEach((p, i) => {
    // A space between two changed pieces joins them, rather than splitting one mark in two.
    const change = !kept[i] && !(/^\s+$/.test(p) && open && !kept[i + 1]);
    if (change && !open) html += `<${tag}>`;
    if (!change && open) html += `</${tag}>`;
    open = change;
    html += htmlText(p);
  });
  return open ? `${html}</${tag}>` : html;
}

/** Longer texts than this are marked by their common start and end only: the table is quadratic. */
const MAX_TOKENS = 600;

/** HTML of both texts, what only `expected` holds in <del>, what only `got` holds in <ins>. */
export function markDifference(expected: string, got: string): { expected: string; got: string } {
  const a = tokens(expected);
  const b = tokens(got);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    let start = 0;
    while (start < expected.length && expected[start] === got[start]) start++;
    const keep = (text: string): boolean[] => [...text].map((_, i) => i < start);
    return { expected: marked([...expected], keep(expected), 'del'), got: marked([...got], keep(got), 'ins') };
  }
  const [inA, inB] = common(a, b);
  return { expected: marked(a, inA, 'del'), got: marked(b, inB, 'ins') };
}
