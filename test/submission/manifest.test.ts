// socket-grader.json as a student writes it: broken JSON is explained with its line and
// column, a wrong shape says what is expected, and paths stay inside the submission.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { locateProgram } from '../../harness/submission/locate-program.js';
import { jsonErrorOffset, readManifest } from '../../harness/submission/manifest.js';

describe('the manifest', () => {
  let tmp: string;
  let n = 0;
  /** A submission with `files` (a string is a file's text; a `{ link }` a symbolic link). */
  function submission(files: Record<string, string | { link: string }>): string {
    const dir = path.join(tmp, `s${n++}`, 'alice');
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      if (typeof content === 'string') writeFileSync(path.join(dir, name), content);
      else symlinkSync(content.link, path.join(dir, name));
    }
    return dir;
  }
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'manifest-test-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds where JSON breaks, where JSON.parse would', () => {
    for (const text of ['{ "a": }', '{ "a": 1', '{ a: 1 }', '{"a":1,}', '', '{"a":1} x', 'nul', '["\\q"]', '{"a":"b\nc"}', '[1,2', '{"a":-}']) {
      expect(() => JSON.parse(text), text).to.throw();
      expect(jsonErrorOffset(text), text).to.be.a('number');
    }
    expect(jsonErrorOffset('{ "a": }')).to.equal(7);
    for (const text of ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}', ' "x" ']) expect(jsonErrorOffset(text), text).to.equal(undefined);
  });

  it('invalid JSON: one line naming the file, the line and column, and what is wrong', () => {
    const dir = submission({ 'socket-grader.json': '{\n  "task3b": {\n    "server": "python3 -u x.py",\n  }\n}\n' });
    const read = readManifest(dir);
    expect(read).to.deep.equal({ invalid: 'socket-grader.json is not valid JSON: line 4, column 3: Expected double-quoted property name' });
    expect(readManifest(submission({ 'socket-grader.json': '{ "task3b": }' }))).to.deep.equal({ invalid: "socket-grader.json is not valid JSON: line 1, column 13: Unexpected token '}'" });
  });

  it('a wrong shape says what is expected; a byte-order mark is forgiven; no file is no manifest', () => {
    expect(readManifest(submission({ 'socket-grader.json': '["python3"]' })))
      .to.have.property('invalid')
      .that.match(/should hold an object of tasks, like \{ "task4"/);
    expect(readManifest(submission({ 'socket-grader.json': '{"task3b":{"server":5}}' })))
      .to.have.property('invalid')
      .that.match(/"task3b"\."server" should be a command/);
    expect(readManifest(submission({ 'socket-grader.json': '\ufeff{"task3b":{"server":"python3 s.py"}}' }))).to.deep.equal({ entries: { task3b: { server: 'python3 s.py' } } });
    expect(readManifest(submission({}))).to.deep.equal({ none: true });
  });

  it('a manifest that is a link or a named pipe is refused without reading it', () => {
    const linked = readManifest(submission({ 'socket-grader.json': { link: '/etc/passwd' } }));
    expect(linked).to.deep.equal({ invalid: 'your submission saved socket-grader.json as a symbolic link (to "/etc/passwd"), not as a file: save the file itself' });
    const dir = submission({});
    execFileSync('mkfifo', [path.join(dir, 'socket-grader.json')]);
    expect(readManifest(dir)).to.deep.equal({ invalid: 'socket-grader.json is a named pipe, not a file' });
  });

  it('runs paths inside the submission, as absolute paths', async () => {
    const dir = submission({ 'socket-grader.json': '{"task3b":{"server":["python3","-u","code/s.py"]}}', 'code/s.py': 'print(1)\n' });
    expect(await locateProgram(dir, 'task3b', 'server')).to.deep.equal({ found: { file: 'python3 -u code/s.py', command: 'python3', args: ['-u', path.join(dir, 'code/s.py')], fromManifest: true } });
  });

  it('refuses paths that lead out: .., absolute, and links', async () => {
    const other = submission({ 'task3b/server.py': 'print(1)\n' });
    const cases: Array<[Record<string, string | { link: string }>, RegExp]> = [
      [{ 'socket-grader.json': '{"task3b":{"server":["python3","../bob/task3b/server.py"]}}' }, /names \.\.\/bob\/task3b\/server\.py, which is outside your folder/],
      [{ 'socket-grader.json': '{"task3b":{"server":"python3 code/../../x.py"}}' }, /outside your folder/],
      [{ 'socket-grader.json': `{"task3b":{"server":["python3","${other}/task3b/server.py"]}}` }, /an absolute path: paths there are relative to your folder/],
      [{ 'socket-grader.json': '{"task3b":{"server":"/usr/bin/python3 s.py"}}' }, /an absolute path/],
      [
        { 'socket-grader.json': '{"task3b":{"server":"python3 code/server.py"}}', code: { link: path.join(other, 'task3b') } },
        /names code\/server\.py, a symbolic link that leads outside your folder/,
      ],
      [{ 'task3b/server.py': { link: path.join(other, 'task3b/server.py') } }, /^task3b\/server\.py is a symbolic link to .*, outside your folder: submit the file itself$/],
      [{ 'socket-grader.json': '{"task3b":{"server":[]}}' }, /is an empty command/],
      [{ 'socket-grader.json': '{"task3b":{"server":"python3 -u s.py",}}' }, /^socket-grader\.json is not valid JSON: line 1, column 39: Expected double-quoted property name$/],
    ];
    for (const [files, says] of cases) {
      const located = await locateProgram(submission(files), 'task3b', 'server');
      expect(located, JSON.stringify(files)).to.have.property('refused').that.match(says);
    }
  });

  it('a program file that is a named pipe or a folder is refused, not read', async () => {
    const dir = submission({});
    mkdirSync(path.join(dir, 'task3b', 'server.ts'), { recursive: true });
    expect(await locateProgram(dir, 'task3b', 'server')).to.deep.equal({ refused: 'task3b/server.ts is a folder, not a file' });
    const piped = submission({ 'task3b/x': '' });
    execFileSync('mkfifo', [path.join(piped, 'task3b', 'server.py')]);
    expect(await locateProgram(piped, 'task3b', 'server')).to.deep.equal({ refused: 'task3b/server.py is a named pipe, not a file' });
  });

  it("a TypeScript program may import its own files, not another submission's", async () => {
    const other = submission({ 'task3b/server.ts': 'console.log("bob");\n' });
    const own = submission({ 'task3b/server.ts': "import { x } from '../lib/x.js';\nconsole.log(x);\n", 'lib/x.ts': 'export const x = 1;\n' });
    expect(await locateProgram(own, 'task3b', 'server')).to.have.property('found');
    const borrows = submission({ 'task3b/server.ts': `import '${path.relative(path.join(tmp, 'x', 'alice', 'task3b'), path.join(other, 'task3b', 'server.ts'))}';\n` });
    const located = await locateProgram(borrows, 'task3b', 'server');
    expect(located)
      .to.have.property('broken')
      .that.match(/it imports \S+\/task3b\/server\.ts, outside your folder: a submission may use only its own files/);
  });

  it('a link that stays inside the submission is fine', async () => {
    const dir = submission({ 'task3b/real.py': 'print(1)\n', 'task3b/server.py': { link: 'real.py' } });
    expect(await locateProgram(dir, 'task3b', 'server')).to.have.property('found');
  });
});
