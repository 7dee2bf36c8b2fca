// Failure messages in words: bytes shown as text where they are text, a difference said
// as where and what, and "expected" quoting what was expected, never a raw pattern.

import { expect } from 'chai';
import { isStudentFailure } from '../../harness/core/failures.js';
import { describeBytes, pythonBytes, quoteByte } from '../../harness/core/quote.js';
import { ANY_LINE, textPattern, trimmedLine, trimmedLineAnyCase } from '../../harness/core/text-pattern.js';
import { describeDifference, expectSameBytes, firstDifference } from '../../harness/dsl/compare-bytes.js';
import { describeMatcher, matches } from '../../harness/net/connection.js';

/** The message of the StudentFailure `run` throws. */
function failureOf(run: () => void): string {
  try {
    run();
  } catch (e) {
    if (isStudentFailure(e)) return e.message;
    throw e;
  }
  throw new Error('no failure');
}

describe('messages in words', () => {
  describe('bytes', () => {
    it('shows text as text, binary data as a Python bytes literal, never hex', () => {
      expect(describeBytes(Buffer.from('OK\n'))).to.equal('"OK\\n"');
      expect(describeBytes(Buffer.alloc(0))).to.equal('nothing (0 bytes)');
      expect(describeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).to.equal("b'\\x89PNG\\r\\n' (6 bytes)");
      expect(describeBytes(Buffer.concat([Buffer.from([0]), Buffer.alloc(99, 0x61)]))).to.equal("100 bytes starting b'\\x00aaaaaaaaaaaaaaa'…");
      expect(pythonBytes(Buffer.from("it's \\"))).to.equal("b'it\\'s \\\\'");
    });

    it('names one byte as its character, or as Python escapes it', () => {
      expect(quoteByte(0x61)).to.equal('"a"');
      expect(quoteByte(0x0d)).to.equal('"\\r"');
      expect(quoteByte(0xff)).to.equal("the byte b'\\xff'");
    });
  });

  describe('byte comparisons', () => {
    const expected = Buffer.from('hello\nworld\n');

    it('a file cut short: where it stops, of how many', () => {
      expect(firstDifference(Buffer.alloc(3000, 0x61), Buffer.alloc(1024, 0x61))?.description).to.equal('it stops after byte 1024 of 3000');
    });

    it('a byte that differs: which one (counted from 1, with its line in text) and both characters', () => {
      expect(firstDifference(expected, Buffer.from('hellO\nworld\n'))?.description).to.equal('byte 5 differs: expected "o", got "O"');
      expect(firstDifference(expected, Buffer.from('hello\nwOrld\n'))?.description).to.equal('byte 8 (line 2) differs: expected "o", got "O"');
    });

    it('says what the usual bugs look like: a CR dropped, a byte decoded as text', () => {
      expect(firstDifference(Buffer.from('a\r\nb'), Buffer.from('a\nb'))?.description).to.equal('byte 2 differs: expected "\\r", got "\\n" (a CR byte was dropped: the file went through text mode)');
      expect(firstDifference(Buffer.from([0x41, 0xff]), Buffer.from([0x41, 0xef, 0xbf, 0xbd]))?.description).to.equal(
        "byte 2 differs: expected the byte b'\\xff', got the byte b'\\xef' (a byte became U+FFFD: the bytes were decoded as text)",
      );
    });

    it('bytes after the end: how many, shown as text', () => {
      expect(firstDifference(Buffer.from('OK\n'), Buffer.from('OK\n\n\n'))?.description).to.equal('it has 2 extra bytes after the expected end: "\\n\\n"');
    });

    it('a difference in a few words, with short text quoted', () => {
      expect(describeDifference(Buffer.from('OK'), Buffer.from('OK\n'))).to.equal('"OK", 2 bytes instead of 3; it stops after byte 2 of 3');
      expect(describeDifference(Buffer.alloc(1024, 1), Buffer.alloc(3000, 1))).to.equal('1024 bytes instead of 3000; it stops after byte 1024 of 3000');
    });

    it('expectSameBytes quotes what was expected and what came when they are short text', () => {
      const message = failureOf(() => expectSameBytes(Buffer.from('hellO\n'), 'hello\n', { what: 'the echo' }));
      expect(message).to.include('expected: the echo: "hello\\n" (6 bytes)');
      expect(message).to.include('got:      "hellO\\n" (6 bytes); byte 5 differs: expected "o", got "O"');
      expect(message).not.to.match(/[0-9a-f]{2} [0-9a-f]{2} [0-9a-f]{2}/);
    });

    it('expectSameBytes tells a long file by its size and digest', () => {
      const message = failureOf(() => expectSameBytes(Buffer.alloc(1024, 0x61), Buffer.alloc(3000, 0x61), { what: 'the file' }));
      expect(message).to.match(/expected: the file: 3000 bytes, SHA-256 [0-9a-f]{16}…/);
      expect(message).to.match(/got: {6}1024 bytes, SHA-256 [0-9a-f]{16}…; it stops after byte 1024 of 3000/);
    });
  });

  describe('expected lines', () => {
    it('an exact line is quoted', () => {
      expect(describeMatcher('OK')).to.equal('the line "OK"');
    });

    it('a pattern is said in its own words, never shown as a regular expression', () => {
      const error = textPattern('a line starting with "ERROR" (in any letter case)', /^\s*ERROR\b/i);
      expect(describeMatcher(error)).to.equal('a line starting with "ERROR" (in any letter case)');
      expect(matches(error, ' error: no such file')).to.equal(true);
      expect(matches(error, 'OK')).to.equal(false);
      expect(describeMatcher(ANY_LINE)).to.equal('a line');
    });

    it('a global pattern checks every line from its start', () => {
      const hint = textPattern('a hint', /\b(higher|lower)\b/gi);
      expect([hint.test('HIGHER'), hint.test('HIGHER'), hint.test('lower')]).to.deep.equal([true, true, true]);
    });

    it('a line with spaces around it, in any letter case where asked', () => {
      expect(describeMatcher(trimmedLine('189.50'))).to.equal('the line "189.50" (spaces around it allowed)');
      expect(matches(trimmedLine('189.50'), ' 189.50 ')).to.equal(true);
      expect(describeMatcher(trimmedLineAnyCase('BYE'))).to.equal('the line "BYE" (any letter case, spaces around it allowed)');
      expect(matches(trimmedLineAnyCase('BYE'), 'bye ')).to.equal(true);
      expect(matches(trimmedLineAnyCase('BYE'), 'goodbye')).to.equal(false);
    });
  });
});
