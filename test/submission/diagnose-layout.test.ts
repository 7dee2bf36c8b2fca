// A program not where the grader looks: what was found instead, and what to do, in one
// sentence per role; nothing offered that is another task's or a correct file.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { acceptableLayout, diagnoseLayout, programFiles } from '../../harness/submission/diagnose-layout.js';

const TASKS = ['chat', 'task3b', 'stock7'];
const say = (files: string[], role = 'server', task = 'chat'): string | undefined => diagnoseLayout(files, task, role, TASKS);

describe('diagnosing a submission layout', () => {
  it('a program in the top level: put it in the task folder', () => {
    expect(say(['server.py'])).to.equal("found server.py in the folder's top level; put it at chat/server.py");
    expect(say(['client.js'], 'client')).to.equal("found client.js in the folder's top level; put it at chat/client.js");
  });

  it('a file named after the task: where this role goes', () => {
    expect(say(['chat.py'])).to.equal("found chat.py in the folder's top level; the server goes at chat/server.py");
  });

  it('unpacked one folder too deep: grade that folder', () => {
    expect(say(['chat-main/chat/client.py', 'chat-main/chat/server.py'])).to.equal('found chat/server.py inside chat-main/; grade that folder instead of the one above it');
  });

  it('other capitals or other words for the role', () => {
    expect(say(['Chat/server.py'])).to.equal('found Chat/server.py; put it at chat/server.py');
    expect(say(['chat/Server.py'])).to.equal('found chat/Server.py; put it at chat/server.py');
    expect(say(['chat/chat_server.py'])).to.equal('found chat/chat_server.py; if it is your server, put it at chat/server.py');
    expect(say(['ChatServer.py'])).to.equal("found ChatServer.py in the folder's top level; if it is your server, put it at chat/server.py");
  });

  it('offers nothing that is not this program: another task, the other role in place, observer.py', () => {
    expect(say(['task3b/server.py', 'stock7/server.py'])).to.equal(undefined);
    expect(say(['chat/client.py'])).to.equal(undefined);
    expect(say(['tools/observer.py'])).to.equal(undefined);
    expect(say([])).to.equal(undefined);
  });

  it('walks names only: hidden folders, node_modules and links are not followed', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'layout-'));
    try {
      mkdirSync(path.join(dir, 'sub', 'chat'), { recursive: true });
      writeFileSync(path.join(dir, 'sub', 'chat', 'server.py'), '');
      writeFileSync(path.join(dir, 'notes.txt'), '');
      mkdirSync(path.join(dir, '.git'));
      writeFileSync(path.join(dir, '.git', 'server.py'), '');
      mkdirSync(path.join(dir, 'node_modules'));
      writeFileSync(path.join(dir, 'node_modules', 'server.js'), '');
      symlinkSync('/usr', path.join(dir, 'usr'));
      symlinkSync(path.join(dir, 'sub', 'chat', 'server.py'), path.join(dir, 'linked.py'));
      expect(programFiles(dir)).to.deep.equal(['sub/chat/server.py']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('a misplaced program run where it is, only when nothing else could be meant', () => {
    const accept = (files: string[], top: string[], role = 'server', task = 'chat'): string | undefined => acceptableLayout(files, task, role, TASKS, top);

    it('unpacked a folder too deep, or a task folder in other capitals', () => {
      expect(accept(['chat-main/chat/client.py', 'chat-main/chat/server.py'], ['chat-main'])).to.equal('chat-main/chat/server.py');
      expect(accept(['Chat/Server.py'], ['Chat'])).to.equal('Chat/Server.py');
    });

    it('server.py beside the only task folder', () => {
      expect(accept(['chat/client.py', 'server.py'], ['chat'])).to.equal('server.py');
    });

    it('nothing when it could be another program or another task', () => {
      // Beside two task folders: whose server is it?
      expect(accept(['server.py', 'chat/client.py', 'stock7/client.py'], ['chat', 'stock7'])).to.equal(undefined);
      // In the top level with no task folder: which task is it?
      expect(accept(['server.py'], [])).to.equal(undefined);
      // Two places that both look like it.
      expect(accept(['server.py', 'Chat/server.py'], ['Chat'])).to.equal(undefined);
      // Named in other words: maybe, not surely.
      expect(accept(['chat/chat_server.py'], ['chat'])).to.equal(undefined);
      // Another task's program.
      expect(accept(['old/stock7/server.py'], ['old'])).to.equal(undefined);
    });

    it('one place with two extensions is one program, taken in the runner order', () => {
      expect(accept(['x/chat/server.js', 'x/chat/server.py'], ['x'])).to.equal('x/chat/server.py');
    });
  });
});
