// How a start is put into words: a manifest's {port} and {host} filled in, the command
// line as the student would type it, and a signal said as what it means.

import { expect } from 'chai';
import { describeLaunch, shownCommandLine } from '../../harness/process/launch-words.js';
import { signalWords } from '../../harness/process/signal-words.js';
import { fillLaunchValues } from '../../harness/submission/launch-values.js';

describe('launch words', () => {
  it('fills {port} and {host}, also inside a word, and leaves other words alone', () => {
    expect(fillLaunchValues(['./client', '{host}', '--port={port}', '{other}'], { host: '127.0.0.1', port: '5000' })).to.deep.equal(['./client', '127.0.0.1', '--port=5000', '{other}']);
  });

  it("shows paths of the submission relative to it, the grader's own by name, and quotes words with spaces", () => {
    expect(shownCommandLine(['/usr/bin/python3', '-u', '/sub/task3b/server.py', '5000'], '/sub')).to.equal('python3 -u task3b/server.py 5000');
    expect(shownCommandLine(['/sub/server', 'it is', "O'Hara"], '/sub')).to.equal("./server 'it is' 'O'\\''Hara'");
    expect(shownCommandLine(['/subway/server'], '/sub')).to.equal('server');
  });

  it('says the command line, the folder, HOST and PORT in one sentence', () => {
    expect(describeLaunch({ words: ['/sub/server', '5000'], submission: '/sub', folder: '/tmp/socket-grader/server-1', host: '127.0.0.1', port: '5000' })).to.equal(
      '"./server 5000", in the folder /tmp/socket-grader/server-1, with HOST=127.0.0.1 and PORT=5000',
    );
    expect(describeLaunch({ words: ['/sub/server'], submission: '/sub', folder: '/w' })).to.equal('"./server", in the folder /w');
  });

  it('names a signal by what it means, with its number', () => {
    expect(signalWords('SIGSEGV')).to.equal('crashed (segmentation fault, signal 11)');
    expect(signalWords('SIGABRT')).to.equal('crashed (aborted, e.g. by a failed assert() or abort(), signal 6)');
    expect(signalWords('SIGKILL')).to.equal('was killed (SIGKILL, signal 9)');
    expect(signalWords('SIGWHAT')).to.equal('was killed (SIGWHAT)');
  });
});
