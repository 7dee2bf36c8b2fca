// Reading what a program left: a regular file is read (up to a cap); a link, a pipe, a
// folder, a socket or a device is refused with a sentence, at once, and nothing of its
// target is read.

import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { readUntrustedFile, somethingAt } from '../../harness/sandbox/untrusted-file.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

describe('reading a file a program left', () => {
  let dir: string;
  let server: net.Server;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'untrusted-file-'));
    writeFileSync(path.join(dir, 'saved.txt'), 'hello\n');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'big.bin'), Buffer.alloc(4096, 1));
    symlinkSync('/etc/passwd', path.join(dir, 'passwd-link'));
    symlinkSync('/proc/self/environ', path.join(dir, 'environ-link'));
    symlinkSync('/dev/zero', path.join(dir, 'zero-link'));
    symlinkSync('/nowhere/at/all', path.join(dir, 'dangling'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    mkdirSync(path.join(dir, 'folder'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'inner.txt'), 'inner');
    symlinkSync('/etc', path.join(dir, 'etc-link'));
    linkSync(path.join(dir, 'saved.txt'), path.join(dir, 'second-name.txt'));
    server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'sock'), resolve));
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a regular file, an empty one, one in a folder; says when nothing is there', () => {
    writeFileSync(path.join(dir, 'own.txt'), 'mine');
    expect(readUntrustedFile(dir, 'own.txt')).to.deep.equal({ bytes: Buffer.from('mine') });
    expect(readUntrustedFile(dir, 'empty.txt')).to.deep.equal({ bytes: Buffer.alloc(0) });
    expect(readUntrustedFile(dir, 'sub/inner.txt')).to.deep.equal({ bytes: Buffer.from('inner') });
    expect(readUntrustedFile(dir, 'missing.txt')).to.deep.equal({ absent: true });
    expect(somethingAt(dir, 'missing.txt')).to.equal(false);
  });

  it('refuses a symbolic link, whatever it points at, and reads none of its target', () => {
    for (const [name, target] of [
      ['passwd-link', '/etc/passwd'],
      ['environ-link', '/proc/self/environ'],
      ['zero-link', '/dev/zero'],
      ['dangling', '/nowhere/at/all'],
    ]) {
      const read = readUntrustedFile(dir, name, { who: 'the client' });
      expect(read, name).to.deep.equal({ refused: 'symbolic link', reason: `the client saved ${name} as a symbolic link (to "${target}"), not as a file: save the file itself` });
      expect(somethingAt(dir, name), name).to.equal(true);
    }
  });

  it('does not follow a symbolic link to a folder on the way', () => {
    expect(readUntrustedFile(dir, 'etc-link/passwd', { who: 'the client' })).to.deep.equal({
      refused: 'symbolic link',
      reason: 'the client saved etc-link as a symbolic link (to "/etc"), not as a folder: save the folder itself',
    });
  });

  it('refuses a named pipe at once (no writer needed), a folder, a socket, a hard link', () => {
    const started = Date.now();
    expect(readUntrustedFile(dir, 'pipe')).to.deep.equal({ refused: 'named pipe', reason: 'pipe is a named pipe, not a file' });
    // Opened for reading, a pipe with no writer blocks for good: any bound tells the two apart.
    expect(Date.now() - started).to.be.lessThan(PROGRAM_WAIT_MS);
    expect(readUntrustedFile(dir, 'folder')).to.deep.equal({ refused: 'folder', reason: 'folder is a folder, not a file' });
    expect(readUntrustedFile(dir, 'sock')).to.deep.equal({ refused: 'socket', reason: 'sock is a socket, not a file' });
    expect(readUntrustedFile(dir, 'second-name.txt', { who: 'the client' })).to.deep.include({ refused: 'hard link' });
  });

  it('refuses a file over the cap without reading it', () => {
    expect(readUntrustedFile(dir, 'big.bin', { cap: 1024 })).to.deep.equal({ refused: 'too big', reason: 'big.bin is larger than 1 KiB (4096 bytes): the grader reads at most 1 KiB' });
    expect(readUntrustedFile(dir, 'big.bin', { cap: 4096 }))
      .to.have.property('bytes')
      .with.length(4096);
  });

  it('refuses names that climb out of the folder', () => {
    expect(readUntrustedFile(path.join(dir, 'sub'), '../saved.txt')).to.have.property('refused', 'unreadable');
  });
});
