// A student's process: scrubbed environment, drained output, whole-tree kill.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Transcript } from '../../harness/core/transcript.js';
import { killLiveProgramsOnSignals } from '../../harness/process/live-programs.js';
import { isAlive, processTree } from '../../harness/process/process-tree.js';
import { OUTPUT_CAP_BYTES, RunningProgram } from '../../harness/process/program.js';
import { boundSockets } from '../../harness/process/sockets.js';
import { studentEnv } from '../../harness/process/student-env.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

/** Every program this file started: killed after each test, so none outlives it into another file's tests in the same worker. */
const started: RunningProgram[] = [];

function python(code: string, env: Record<string, string> = {}, transcript = new Transcript()): RunningProgram {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'program-test-'));
  const program = new RunningProgram({ file: 'inline', command: 'python3', args: ['-c', code] }, { cwd: dir, env: studentEnv(dir, env), actor: 'server', transcript });
  void program.exited.then(() => rmSync(dir, { recursive: true, force: true }));
  started.push(program);
  return program;
}

// A test run stopped by Ctrl+C or a CI timeout must not leave these programs behind.
killLiveProgramsOnSignals();

describe('a student program', () => {
  afterEach(async () => {
    await Promise.all(started.splice(0).map((p) => p.kill()));
  });

  it('sees no variable of the grader environment, and runs unbuffered', async () => {
    process.env.GITHUB_TOKEN = 'secret-token';
    try {
      const p = python('import os; print(sorted(os.environ))');
      await p.exited;
      const seen = p.stdout.all().toString();
      expect(seen).to.not.include('GITHUB_TOKEN');
      expect(seen).to.include('PYTHONUNBUFFERED');
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
  });

  it('has its output drained and capped, so flooding never blocks it', async () => {
    const p = python('import sys\nfor _ in range(6 * 1024): sys.stdout.write("y" * 1024)\nsys.stderr.write("done")');
    const exit = await p.exited;
    expect(exit.code).to.equal(0);
    expect(p.stdout.all().length).to.equal(OUTPUT_CAP_BYTES);
    expect(p.stdout.dropped).to.equal(6 * 1024 * 1024 - OUTPUT_CAP_BYTES);
  });

  it('has its exit reported with its last output, and its orphans killed, when a child it started outlives it', async () => {
    const transcript = new Transcript();
    // The child names itself once it has left the group; only then does the parent leave,
    // so the test never races the parent's exit to find the child.
    const p = python(
      'import os, signal\nr, w = os.pipe()\nif os.fork() == 0:\n    os.setsid()\n    print("child", os.getpid(), flush=True)\n    os.write(w, b"x")\n    signal.pause()\nos.read(r, 1)\nprint("parent leaves", flush=True)',
      {},
      transcript,
    );
    const exit = await p.exited;
    expect(exit.code).to.equal(0);
    const printed = p.stdout.all().toString();
    const child = Number(/^child (\d+)\n/.exec(printed)?.[1]);
    expect(printed).to.equal(`child ${child}\nparent leaves\n`);
    expect(transcript.entries.map((e) => e.event).join('\n')).to.include('its output was still open');
    // Orphaned and out of the group, the child is found by the marker it inherited.
    const orphan = [child];
    expect(orphan.filter(isAlive)).to.have.length(1);
    await p.kill();
    expect(orphan.filter(isAlive)).to.deep.equal([]);
  });

  it('is killed with every descendant, even one that setsid()s and ignores SIGTERM', async () => {
    const p = python(
      'import os, signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        print("grandchild", flush=True)\n    signal.pause()\nelse:\n    signal.pause()',
    );
    await p.stdout.waitFor(() => (p.stdout.all().includes('grandchild') ? true : undefined), PROGRAM_WAIT_MS);
    const tree = processTree(p.pid);
    expect(tree.length).to.equal(3);
    await p.kill();
    expect(tree.filter(isAlive)).to.deep.equal([]);
  });

  it('is seen listening on the port it bound, from /proc, over IPv4 and IPv6', async () => {
    const p = python(
      'import socket, signal\na = socket.socket(); a.bind(("127.0.0.1", 0)); a.listen()\nb = socket.socket(socket.AF_INET6); b.bind(("::", 0)); b.listen()\nu = socket.socket(type=socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))\nprint(a.getsockname()[1], b.getsockname()[1], u.getsockname()[1], flush=True)\nsignal.pause()',
    );
    const ports = await p.stdout.waitFor(() => (p.stdout.all().includes('\n') ? p.stdout.all().toString().trim().split(' ').map(Number) : undefined), PROGRAM_WAIT_MS);
    if (ports.kind !== 'found') throw new Error('the test program printed no ports');
    const bound = boundSockets(p.pid);
    await p.kill();
    expect(bound).to.deep.include({ protocol: 'tcp', host: '127.0.0.1', port: ports.value[0] });
    expect(bound).to.deep.include({ protocol: 'tcp', host: '::1', port: ports.value[1] });
    expect(bound).to.deep.include({ protocol: 'udp', host: '127.0.0.1', port: ports.value[2] });
  });
});
