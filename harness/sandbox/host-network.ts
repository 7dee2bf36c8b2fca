// Without namespaces: the machine's loopback, a free port per server, temp folders, and
// the limits prlimit sets where util-linux is there.

import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import getPort from 'get-port';
import { dir as tempDir } from 'tmp-promise';
import { prlimitArgs } from '../process/limits.js';
import type { Launch, ProgramCommand } from '../process/program.js';
import { writeFiles } from './program-files.js';
import type { FileMap, ProgramFolder, TestNetwork } from './test-network-types.js';

/** Fallback: the machine's own loopback; servers on free ports (read from PORT). */
export class HostNetwork implements TestNetwork {
  readonly mode = 'none' as const;
  readonly netPid = process.pid;

  serverPort(): Promise<number> {
    return getPort({ host: '127.0.0.1' });
  }

  async listenTcp(port: number): Promise<net.Server> {
    const server = net.createServer({ noDelay: true, allowHalfOpen: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port }, () => resolve());
    });
    return server;
  }

  async connectTcp(host: string, port: number): Promise<net.Socket> {
    return net.connect({ host, port });
  }

  async bindUdp(port: number): Promise<dgram.Socket> {
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address: '127.0.0.1', port }, () => resolve());
    });
    return socket;
  }

  async makeFolder(role: string, files: FileMap): Promise<ProgramFolder> {
    const tmp = await tempDir({ unsafeCleanup: true, prefix: `socket-grader-${role}-` });
    await writeFiles(tmp.path, files);
    return { inside: tmp.path, outside: tmp.path, cleanup: () => tmp.cleanup() };
  }

  wrap(cmd: ProgramCommand, folder: ProgramFolder): Launch {
    // Without util-linux (macOS) the program runs unlimited, as before namespaces.
    if (!hasPrlimit()) return { command: cmd.command, args: cmd.args, cwd: folder.inside, launcher: false };
    // No user of its own: a process limit would count every process of the grader's user.
    return { command: 'prlimit', args: [...prlimitArgs(false, true), '--', cmd.command, ...cmd.args], cwd: folder.inside, launcher: false };
  }

  async close(): Promise<void> {}
}

let prlimitFound: boolean | undefined;

function hasPrlimit(): boolean {
  if (prlimitFound === undefined) {
    try {
      execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
      prlimitFound = true;
    } catch {
      prlimitFound = false;
    }
  }
  return prlimitFound;
}
