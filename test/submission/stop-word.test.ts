// A submission's stop word from its own source: a literal counts only where the program
// compares with it, and only a word courses end a session with.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ownStopWord, stopWordsInSource, stopWordsOfProgram } from '../../harness/submission/stop-word.js';

describe('learning a stop word from the source', () => {
  it('finds the word compared with ==, !=, in a tuple or list, with startswith, or in a match', () => {
    expect(stopWordsInSource('if msg == "exit":\n    break\n')).to.deep.equal(['exit']);
    expect(stopWordsInSource("while message != 'quit':\n")).to.deep.equal(['quit']);
    expect(stopWordsInSource('if "Bye" == data.strip():\n')).to.deep.equal(['Bye']);
    expect(stopWordsInSource('if msg.lower() in ("quit", "q"):\n')).to.deep.equal(['quit', 'q']);
    expect(stopWordsInSource("if cmd in ['exit', 'bye']:\n")).to.deep.equal(['exit', 'bye']);
    expect(stopWordsInSource("if line.startswith('disconnect'):\n")).to.deep.equal(['disconnect']);
    expect(stopWordsInSource('match cmd:\n    case "quit":\n        pass\n')).to.deep.equal(['quit']);
    expect(stopWordsInSource('if data == b"bye":\n')).to.deep.equal(['bye']);
    expect(stopWordsInSource('if "exit" in msg:\n')).to.deep.equal(['exit']);
  });

  it('takes no string that is not compared: prompts, prints, sends, comments, docstrings', () => {
    const src = [
      '"""Type exit to quit"""',
      "# if msg == 'quit':",
      "msg = input('exit')",
      "print('bye')",
      "sock.sendall(b'bye')",
      'words = ["exit", "quit"]',
      "if msg == f'{name} exit':",
      "if msg == 'hello':",
    ].join('\n');
    expect(stopWordsInSource(src)).to.deep.equal([]);
  });

  it('takes only words courses end a session with, each once, in order of use', () => {
    expect(stopWordsInSource('if r == "CORRECT":\n    pass\nif m == "q":\n    pass\nif n == "q":\n')).to.deep.equal(['q']);
    expect(stopWordsInSource('if e["event"] == "leave":\n    pass\nelif state == "close":\n')).to.deep.equal([]);
  });

  it('an escaped quote or a string with a # does not derail it', () => {
    expect(stopWordsInSource('print("it\'s # not a comment")\nif m == "exit": pass\n')).to.deep.equal(['exit']);
    expect(stopWordsInSource("print('say \\'hi\\'')\nif m == 'quit': pass\n")).to.deep.equal(['quit']);
  });

  it("the page's word in any letter case is no word of its own; nothing compared, nothing learned", () => {
    expect(ownStopWord(['bye'], ['BYE'])).to.equal(undefined);
    expect(ownStopWord(['quit', 'exit', 'bye'], ['BYE'])).to.equal(undefined);
    expect(ownStopWord(['exit', 'q'], ['BYE'])).to.equal('exit');
    expect(ownStopWord(['quit'], ['bye', 'quit', 'exit'])).to.equal(undefined);
    expect(ownStopWord([], ['BYE'])).to.equal(undefined);
    expect(ownStopWord(['q', 'end'], ['bye'], ['end'])).to.equal('end');
  });

  describe('from the submission folder', () => {
    let tmp: string;
    before(() => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'stop-word-test-'));
      mkdirSync(path.join(tmp, 'task4'));
      writeFileSync(path.join(tmp, 'task4', 'server.py'), 'if m == "exit":\n    pass\n');
      writeFileSync(path.join(tmp, 'secret.py'), 'if m == "quit":\n    pass\n');
      symlinkSync(path.join(tmp, 'secret.py'), path.join(tmp, 'task4', 'client.py'));
    });
    after(() => rmSync(tmp, { recursive: true, force: true }));

    it("reads the role's program, follows no link, and learns nothing where there is none", () => {
      expect(stopWordsOfProgram(tmp, 'task4', 'server')).to.deep.equal(['exit']);
      expect(stopWordsOfProgram(tmp, 'task4', 'client')).to.deep.equal([]);
      expect(stopWordsOfProgram(tmp, 'task5', 'server')).to.deep.equal([]);
      expect(stopWordsOfProgram(path.join(tmp, 'nowhere'), 'task4', 'server')).to.deep.equal([]);
    });
  });
});
