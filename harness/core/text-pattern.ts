// A line the protocol allows in more than one form: how the grader recognises it, and
// how a student is told what was expected. A raw regular expression (/^\s*ERROR\b/i)
// means nothing to most students; `a line starting with "ERROR"` does.

import { quote } from './quote.js';

export interface TextPattern {
  /** What is expected, as a phrase a student reads after "expected:", e.g. `a line starting with "ERROR"`. */
  readonly says: string;
  test(text: string): boolean;
}

/** A pattern with its words; a regular expression is only the grader's way of checking them. */
export function textPattern(says: string, check: RegExp | ((text: string) => boolean)): TextPattern {
  if (typeof check === 'function') return { says, test: check };
  return {
    says,
    test: (text) => {
      // A global pattern remembers where it stopped; every line is checked from its start.
      check.lastIndex = 0;
      return check.test(text);
    },
  };
}

/** Any line at all. */
export const ANY_LINE: TextPattern = textPattern('a line', () => true);

/** The line `want`, spaces around it allowed. */
export function trimmedLine(want: string): TextPattern {
  return textPattern(`the line ${quote(want)} (spaces around it allowed)`, (line) => line.trim() === want);
}

/** The line `want` in any letter case, spaces around it allowed. */
export function trimmedLineAnyCase(want: string): TextPattern {
  const upper = want.toUpperCase();
  return textPattern(`the line ${quote(want)} (any letter case, spaces around it allowed)`, (line) => line.trim().toUpperCase() === upper);
}
