// With namespaces: a fresh network (loopback only) and private scratch folders per test,
// the exercise's own port, every program as a user of its own under resource limits;
// and, after a grading, the wait until nothing of its tests is left.

import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { statSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LIMITS, prlimitArgs, ulimitCommands } from '../process/limits.js';
import type { Launch, ProgramCommand } from '../process/program.js';
import { othersMay } from './access.js';
import { createTestCgroup, type TestCgroup } from './cgroup.js';
import { helper, helperStarted, type NativeHandle } from './helper-channel.js';
import { isolation } from './isolation.js';
import { writeFiles } from './program-files.js';
import { graderPython, pythonForOtherUsers } from './python.js';
import type { FileMap, ProgramFolder, SandboxView, TestNetwork } from './test-network-types.js';

/** Where programs of a test write: each a tmpfs of the test's own inside its namespace. */
const WORK_ROOT = '/tmp/socket-grader';

export class NamespaceNetwork implements TestNetwork {
  private folders = 0;

  private constructor(
    readonly mode: 'root' | 'userns',
    /** The holder of the test's namespaces (outside its PID namespace). */
    readonly netPid: number,
    /** Pid 1 of the test's PID namespace, as the host sees it: when it dies, every process of the test does. */
    private readonly initPid: number,
    private readonly cgroup: TestCgroup | undefined,
  ) {}

  static async open(mode: 'root' | 'userns', view: SandboxView): Promise<NamespaceNetwork> {
    const scratch = scratchFolders();
    const under = (p: string): boolean => scratch.some((s) => p === s || p.startsWith(`${s}/`));
    const { answer } = await helper(mode).ask({
      op: 'open',
      scratch,
      size: LIMITS.scratchBytes,
      // Folders programs read that the scratch tmpfs would hide (a submission under /tmp).
      binds: view.binds.filter(under),
      // Under a scratch folder, a folder is gone anyway.
      hidden: view.hidden.filter((h) => !under(h)),
      workRoot: WORK_ROOT,
      addresses: await ownAddresses(),
    });
    if (!answer.pid || !answer.init) throw new Error('the sandbox helper gave no holder');
    const cgroup = mode === 'root' ? createTestCgroup({ memoryBytes: LIMITS.testMemoryBytes, processes: LIMITS.testProcesses }) : undefined;
    return new NamespaceNetwork(mode, answer.pid, answer.init, cgroup);
  }

  async serverPort(taskPort: number): Promise<number> {
    return taskPort;
  }

  private async socket(kind: 'tcp' | 'tcp-listen' | 'udp', host: string, port = 0): Promise<NativeHandle> {
    const { handle } = await helper(this.mode).ask({ op: 'socket', pid: this.netPid, kind, host, port });
    if (!handle) throw new Error('the sandbox helper sent no socket');
    return handle;
  }

  async listenTcp(port: number): Promise<net.Server> {
    // '::' with IPv6-only off: reached through 127.0.0.1, ::1, localhost and the host's name alike.
    const handle = await this.socket('tcp-listen', '::', port);
    const server = net.createServer({ noDelay: true, allowHalfOpen: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(handle as never, () => resolve());
    });
    return server;
  }

  async connectTcp(host: string, port: number): Promise<net.Socket> {
    const handle = await this.socket('tcp', host);
    // manualStart: reading starts once connected, as for a socket Node made itself.
    const socket = new net.Socket({ handle, manualStart: true } as net.SocketConstructorOpts);
    return socket.connect({ host, port });
  }

  async bindUdp(port: number): Promise<dgram.Socket> {
    const handle = await this.socket('udp', '0.0.0.0', port);
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(handle as never, () => resolve());
    });
    return socket;
  }

  async makeFolder(role: string, files: FileMap): Promise<ProgramFolder> {
    this.folders++;
    const inside = `${WORK_ROOT}/${role}-${this.folders}`;
    const outside = `/proc/${this.netPid}/root${inside}`;
    await mkdir(outside, { mode: 0o755 });
    await writeFiles(outside, files);
    // As root, each program is a user of its own: it can signal and read nothing of
    // the grader's, nor of the other programs'; its processes are counted apart.
    let uid: number | undefined;
    if (this.mode === 'root') {
      uid = randomInt(200_000, 2_000_000_000);
      await chownTree(outside, uid, Object.keys(files));
    }
    // The folder lives in the test's tmpfs: it goes when the namespace does.
    return { inside, outside, uid, cleanup: async () => undefined };
  }

  wrap(cmd: ProgramCommand, folder: ProgramFolder): Launch {
    const ns = (kind: string, pid = this.netPid): string => `--${kind}=/proc/${pid}/ns/${kind === 'mount' ? 'mnt' : kind}`;
    const uid = this.mode === 'root' ? folder.uid : undefined;
    if (this.mode === 'root' && uid === undefined) throw new Error('a program of a root-mode test has no user of its own');
    const program = uid === undefined ? cmd : asOtherUser(cmd);
    // As root, a shell joins the test's control group first (everything it starts is
    // counted there) and sets the limits itself: one program start fewer than prlimit.
    const join = this.cgroup ? ['/bin/sh', '-c', JOIN_CGROUPS, 'sh', ...this.cgroup.procsFiles, '--'] : [];
    const limit = this.cgroup ? [] : ['prlimit', ...prlimitArgs(uid !== undefined, true), '--'];
    const chain = [
      ...join,
      'nsenter',
      ...(this.mode === 'userns' ? [ns('user')] : []),
      ns('net'),
      ns('mount'),
      ns('ipc'),
      ns('pid', this.initPid),
      // nsenter opens the folder before it enters: the path as the grader reaches it.
      `--wd=${folder.outside}`,
      '--',
      // No way back to privileges: no capabilities (not even as a user namespace's root), no setuid gains.
      'setpriv',
      ...(uid === undefined ? [] : [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups']),
      '--no-new-privs',
      '--bounding-set=-all',
      '--inh-caps=-all',
      '--',
      ...limit,
      program.command,
      ...program.args,
    ];
    const cgroup = this.cgroup;
    return {
      command: chain[0] as string,
      args: chain.slice(1),
      cwd: '/',
      uid,
      launcher: true,
      oomKills: cgroup ? () => cgroup.oomKills() : undefined,
    };
  }

  async close(): Promise<void> {
    // The holder kills the test's init, and the kernel every process left in its PID
    // namespace. The next test need not wait for that: settleSandboxes() does, after the
    // grading. The helper answers requests in order: the next test's open comes after.
    const cgroup = this.cgroup;
    background(
      helper(this.mode)
        .ask({ op: 'close', pid: this.netPid })
        .then(() => cgroup?.remove()),
    );
  }
}

const closings = new Set<Promise<void>>();
const closeFailures: string[] = [];

function background(closing: Promise<unknown>): void {
  const tracked = closing.then(
    () => undefined,
    (e: unknown) => {
      closeFailures.push(e instanceof Error ? e.message : String(e));
    },
  );
  closings.add(tracked);
  void tracked.finally(() => closings.delete(tracked));
}

/**
 * After a grading: waits until nothing of its tests is left (every process, namespace
 * and control group gone, no sandbox made ahead). A group that could not be removed is
 * told on stderr: the grading's verdicts stand.
 */
export async function settleSandboxes(): Promise<void> {
  const mode = isolation().mode;
  await Promise.all(closings);
  if (mode !== 'none' && helperStarted()) await helper(mode).ask({ op: 'settle' });
  for (const failure of closeFailures.splice(0)) process.stderr.write(`socket-grader: ${failure}\n`);
}

/**
 * Writes the shell's own pid into each file named before `--`, sets the limits (inherited
 * by everything it starts), then becomes the command after it; exit 125 when it cannot.
 */
const JOIN_CGROUPS = `for f; do [ "$f" = -- ] && break; echo $$ > "$f" || exit 125; shift; done; shift; ${ulimitCommands(true)} || exit 125; exec "$@"`;

/**
 * The command as another user can run it: the interpreter swapped for one others may
 * start. Never the grader's own user instead: without such an interpreter the test fails
 * with a message for whoever runs the grader.
 */
function asOtherUser(cmd: ProgramCommand): ProgramCommand {
  let command = cmd.command;
  if (command === graderPython() && !othersMay(command, 'run')) {
    const other = pythonForOtherUsers();
    if (!other)
      throw new Error(
        `${command} cannot be run by other users, and no python3 on PATH can: the grader runs student programs as an unprivileged user, so install python3 where everyone may run it (e.g. apt-get install python3)`,
      );
    command = other;
  }
  // A name is looked up on PATH here, as the user would: setpriv, which starts the
  // program, searches PATH still holding the grader's privileges (it would find a
  // pyenv shim under /root that the user then cannot read).
  if (!command.includes('/')) command = onPathForOthers(command) ?? command;
  if (command.startsWith('/') && !othersMay(command, 'run')) {
    throw new Error(`${command} cannot be run by other users: the grader runs student programs as an unprivileged user, so it must be installed where everyone may run it`);
  }
  return { ...cmd, command };
}

/** The first `name` on PATH that other users may run, as execvp would find it for them. */
function onPathForOthers(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(':')) {
    const candidate = path.join(dir || '.', name);
    if (path.isAbsolute(candidate) && othersMay(candidate, 'run')) return candidate;
  }
  return undefined;
}

async function chownTree(dir: string, uid: number, names: string[]): Promise<void> {
  await chown(dir, uid, uid);
  for (const name of names) {
    // The file and any folder on its way inside `dir`.
    for (let p = name; p !== '.' && p !== '/'; p = path.dirname(p)) await chown(path.join(dir, p), uid, uid);
  }
}

/** Folders anyone may write to (sticky and world-writable): each becomes the test's own tmpfs. */
function scratchFolders(): string[] {
  return ['/tmp', '/var/tmp', '/dev/shm', '/run/lock'].filter((dir) => {
    try {
      const st = statSync(dir);
      return st.isDirectory() && (st.mode & 0o002) !== 0;
    } catch {
      return false;
    }
  });
}

let addresses: Promise<string[]> | undefined;

/** What the host name resolves to, outside loopback: added to the test network's loopback. */
function ownAddresses(): Promise<string[]> {
  addresses ??= lookup(os.hostname(), { all: true })
    .then((found) => found.map((a) => a.address).filter((a) => !a.startsWith('127.') && a !== '::1'))
    .catch(() => []);
  return addresses;
}
