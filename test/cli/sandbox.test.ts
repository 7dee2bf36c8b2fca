// The sandbox as a hostile student meets it, in a class: a submission folder closed to
// others (which once made the grader run its programs as root; so did a manifest argument
// naming /root, now refused with every manifest path out of the folder), a server that
// tries to escape, borrow a classmate's code or the grader's answers, and leave things
// behind. It still serves correctly: full marks, and none of it works.

import { randomInt } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { type CliRun, processesMentioning, root, runCli, settled } from './run-cli.js';

/** What the hostile server tries, each outcome printed as name=result on one line. */
function hostileServer(token: string, shmKey: number, classmate: string, answer: string): string {
  return `import ctypes, os, socket, sys, time

outcomes = []

def attempt(what, action):
    try:
        result = action()
        outcomes.append(f"{what}={result if result is not None else 'ok'}")
    except Exception as e:
        # Short, so the whole line fits the transcript: P(ermissionError), F(ileNotFoundError) ...
        outcomes.append(f"{what}={type(e).__name__[0]}")

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return line.split()[1]

def read(p):
    with open(p, "rb") as f:
        f.read(16)

def host_network():
    # Any namespace outside its own: the grader's, through the only pid it can name.
    fd = os.open("/proc/1/ns/net", os.O_RDONLY)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, 0x40000000) != 0:
        raise PermissionError(ctypes.get_errno(), "setns")

def others():
    mine = os.getpid()
    found = []
    for p in os.listdir("/proc"):
        if p.isdigit() and int(p) != mine:
            try:
                if b"server.py" in open(f"/proc/{p}/cmdline", "rb").read():
                    found.append(p)
            except OSError:
                pass
    return len(found)

def shared_memory():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.shmget(${shmKey}, 4096, 0o1000 | 0o666) < 0:
        raise OSError(ctypes.get_errno(), "shmget")

def linger():
    # Double fork, a session of its own, and again with an empty environment under another name.
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execve(sys.executable, [sys.executable, "-c", "import time\\nwhile True: time.sleep(0.05)  # ${token}"], {})
        os._exit(0)

attempt("u", os.getuid)
attempt("c", lambda: status("CapEff"))
attempt("n", lambda: status("NoNewPrivs"))
attempt("r", lambda: read("/root/.bashrc"))
attempt("h", host_network)
attempt("m", lambda: read(${JSON.stringify(classmate)}))
attempt("a", lambda: read(${JSON.stringify(answer)}))
attempt("o", others)
attempt("s", shared_memory)
attempt("l", linger)
print("hostile", " ".join(outcomes), flush=True)

PORT = int(os.environ.get("PORT", 53))
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("", PORT))
server.listen(1)
while True:
    conn, _ = server.accept()
    data = b""
    while b"\\n" not in data:
        chunk = conn.recv(1024)
        if not chunk:
            break
        data += chunk
    conn.sendall(b"HELLO\\n")
    conn.close()
`;
}

/** Keys of the host's System V shared-memory segments. */
function shmKeys(): number[] {
  return readFileSync('/proc/sysvipc/shm', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[0])
    .filter(Boolean)
    .map(Number);
}

/** Control groups the grader made for processes that are gone (each is named socket-grader-<worker pid>-<n>). */
function orphanedCgroups(): string[] {
  const parents = ['/sys/fs/cgroup', '/sys/fs/cgroup/pids', '/sys/fs/cgroup/memory'];
  for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
    const [, controllers, where] = line.split(':');
    if (controllers === 'memory' || controllers === 'pids') parents.push(path.join('/sys/fs/cgroup', controllers, where ?? ''));
  }
  return parents.flatMap((dir) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .filter((n) => /^socket-grader-\d+-\d+$/.test(n))
      .filter((n) => !existsSync(`/proc/${n.split('-')[2]}`))
      .map((n) => path.join(dir, n));
  });
}

describe('the sandbox, tried by a hostile student in a class', function () {
  // Whole gradings through the CLI, beside validate on 2 cores.
  this.timeout(FEW_GRADINGS_MS);
  const token = `lingers-${process.pid}-${randomInt(1e9)}`;
  const shmKey = randomInt(1e6, 2e9);
  let classDir: string;
  let run: CliRun;
  let bob: TaskReport;
  let printed: string;

  before(async () => {
    // Root mode is what CI, the classroom and the class workflows run: it must be here.
    if (isolation().mode !== 'root') throw new Error(`these tests need the grader to run as root (mode here: ${isolation().mode})`);
    // Outside every scratch folder, beside the grader: what a class checkout looks like.
    classDir = mkdtempSync(path.join(root, 'dist', 'class-'));
    chmodSync(classDir, 0o755);
    const alice = path.join(classDir, 'alice');
    cpSync(path.join(root, 'specs/task3b/solutions/student-basic'), alice, { recursive: true });
    const bobDir = path.join(classDir, 'bob');
    mkdirSync(path.join(bobDir, 'task3b'), { recursive: true });
    const classmate = path.join(alice, 'task3b', 'server.py');
    const answer = path.join(root, 'specs/task3b/solutions/student-basic/task3b/server.py');
    writeFileSync(path.join(bobDir, 'task3b', 'server.py'), hostileServer(token, shmKey, classmate, answer));
    cpSync(path.join(alice, 'task3b', 'client.py'), path.join(bobDir, 'task3b', 'client.py'));
    writeFileSync(path.join(bobDir, 'socket-grader.json'), JSON.stringify({ task3b: { server: ['python3', '-u', 'task3b/server.py'] } }));
    // As `mktemp -d` makes it: closed to every other user.
    chmodSync(bobDir, 0o700);
    const reports = path.join(classDir, 'reports');
    run = await runCli('class', ['task3b', classDir, '--reports', reports, '--format', 'json', '--csv', path.join(classDir, 'grades.csv')]);
    expect(run.exitCode, run.stderr).to.be.oneOf([0, 1]);
    // Reports are kept per student and task.
    bob = JSON.parse(readFileSync(path.join(reports, 'bob', 'task3b.json'), 'utf8')) as TaskReport;
    printed = bob.tests
      .flatMap((t) => t.transcript)
      .filter((e) => e.actor === 'server stdout')
      .map((e) => e.event)
      .join('');
  });

  after(() => {
    if (classDir) rmSync(classDir, { recursive: true, force: true });
  });

  it('grades the hostile server like any correct one: full marks for the server group', () => {
    const server = bob.tests.filter((t) => t.group === 'server');
    expect(
      server.every((t) => t.status === 'passed'),
      JSON.stringify(server.map((t) => [t.name, t.message])),
    ).to.equal(true);
    expect(printed).to.match(/hostile /);
  });

  it('never runs it as root, whatever the folder or manifest: another user, no capabilities, no new privileges', () => {
    expect(printed)
      .to.match(/ u=\d+/)
      .and.not.match(/ u=0\b/);
    expect(printed, 'capabilities').to.match(/ c=0000000000000000/);
    expect(printed, 'no new privileges').to.match(/ n=1\b/);
    expect(printed, 'reading /root').to.match(/ r=P\b/);
    expect(printed, "entering the grader's network").to.match(/ h=P\b/);
  });

  it("hides a classmate's folder, the grader's solutions and the other programs running", () => {
    expect(printed, "a classmate's server.py").to.match(/ m=[FP]\b/);
    expect(printed, "the grader's solution").to.match(/ a=[FP]\b/);
    expect(printed, 'other programs in /proc').to.match(/ o=0\b/);
  });

  it('leaves nothing: no process (not even one renamed, in its own session, without environment), no shared memory, no control group, no copy', async () => {
    expect(printed)
      .to.match(/ l=ok\b/)
      .and.match(/ s=ok\b/);
    expect(await settled(() => processesMentioning(token)), 'a process of the test still running').to.deep.equal([]);
    expect(shmKeys(), 'its System V shared memory on the host').to.not.include(shmKey);
    expect(orphanedCgroups(), 'control groups left').to.deep.equal([]);
    // The submission's copy among them: the run had a TMPDIR of its own.
    expect(run.leftovers, 'temp folders left').to.deep.equal([]);
  });
});

describe('the sandbox in a user namespace (userns mode, a student grading on their own machine)', function () {
  // Whole gradings through the CLI, beside validate on 2 cores.
  this.timeout(FEW_GRADINGS_MS);
  const token = `lingers-userns-${process.pid}-${randomInt(1e9)}`;
  const shmKey = randomInt(1e6, 2e9);
  let dir: string;
  let printed: string;

  before(async () => {
    // Forced where the machine allows user namespaces (as root it does): npm test covers both modes.
    dir = mkdtempSync(path.join(root, 'dist', 'userns-'));
    mkdirSync(path.join(dir, 'task3b'));
    writeFileSync(path.join(dir, 'task3b', 'server.py'), hostileServer(token, shmKey, '/nonexistent', path.join(root, 'specs/task3b/solutions/student-basic/task3b/server.py')));
    const r = await runCli('grade', ['task3b', dir, '--groups', 'server', '--format', 'json'], { SOCKET_GRADER_ISOLATION: 'userns' });
    const report = JSON.parse(r.stdout) as TaskReport;
    expect(report.isolation, r.stderr).to.equal('userns');
    expect(report.score, JSON.stringify(report.tests.map((t) => [t.name, t.message]))).to.equal(report.maxScore);
    printed = report.tests
      .flatMap((t) => t.transcript)
      .filter((e) => e.actor === 'server stdout')
      .map((e) => e.event)
      .join('');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs programs without capabilities, new privileges or a way into the grader's network", () => {
    expect(printed, 'capabilities').to.match(/ c=0000000000000000/);
    expect(printed, 'no new privileges').to.match(/ n=1\b/);
    expect(printed, "entering the grader's network").to.match(/ h=P\b/);
    expect(printed, 'other programs in /proc').to.match(/ o=0\b/);
  });

  it('ends every process of a test with it, and keeps its shared memory off the host', async () => {
    expect(printed)
      .to.match(/ l=ok\b/)
      .and.match(/ s=ok\b/);
    expect(await settled(() => processesMentioning(token)), 'a process of the test still running').to.deep.equal([]);
    expect(shmKeys(), 'its System V shared memory on the host').to.not.include(shmKey);
  });
});
