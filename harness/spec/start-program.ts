// Starting a student's program for a test: find it, give it a fresh folder with the
// spec's files, and (for a server) wait until it really listens on PORT.

import { existsSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import getPort from 'get-port';
import { dir as tempDir } from 'tmp-promise';
import { SkipTest, StudentFailure } from '../core/failures.js';
import { STARTUP_WITHIN_MS, pollPause, seconds } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import { RunningProgram, type ProgramCommand } from '../process/program.js';
import { boundSockets, type BoundSocket } from '../process/sockets.js';
import { studentEnv } from '../process/student-env.js';
import { locateProgram, type Role } from '../submission/locate-program.js';
import { earlierStartFailure, noteStartFailure, submissionDir } from './grading-context.js';

export type FileMap = Record<string, string | Buffer>;

export interface StartOptions {
  /** Files to put in the program's working folder before it starts. */
  files?: FileMap;
  /** Extra environment variables (HOST and PORT are set by the grader). */
  env?: Record<string, string>;
  args?: string[];
}

export interface Started {
  program: RunningProgram;
  dir: string;
  cleanupDir: () => Promise<void>;
}

export async function findProgram(task: string, role: Role, testTitle: string): Promise<ProgramCommand> {
  const earlier = earlierStartFailure(task, role);
  if (earlier) throw new SkipTest(`the ${role} did not start in the test "${earlier}"`);
  const located = await locateProgram(submissionDir(), task, role);
  if ('missing' in located) throw new SkipTest(located.missing);
  if ('broken' in located) {
    noteStartFailure(task, role, testTitle);
    throw new StudentFailure({ expected: `the ${role} program compiles`, actual: located.broken });
  }
  return located.found;
}

export async function spawnInFolder(cmd: ProgramCommand, role: Role, env: Record<string, string>, opts: StartOptions, transcript: Transcript): Promise<Started> {
  const tmp = await tempDir({ unsafeCleanup: true, prefix: `socket-grader-${role}-` });
  for (const [name, content] of Object.entries(opts.files ?? {})) {
    const file = path.join(tmp.path, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  const command = opts.args ? { ...cmd, args: [...cmd.args, ...opts.args] } : cmd;
  const program = new RunningProgram(command, {
    cwd: tmp.path,
    env: studentEnv(tmp.path, { ...env, ...opts.env }),
    actor: role,
    transcript,
  });
  return { program, dir: tmp.path, cleanupDir: () => tmp.cleanup() };
}

const PORT_TAKEN = /Address already in use|EADDRINUSE|Errno 98/;

/**
 * Starts a server and waits until its process tree listens on PORT. Another program
 * can take the port between get-port and bind: then it is started again on a new one.
 */
export async function startListening(
  cmd: ProgramCommand,
  protocol: 'tcp' | 'udp',
  opts: StartOptions,
  transcript: Transcript,
  adopt: (s: Started) => void,
): Promise<{ started: Started; socket: BoundSocket }> {
  for (let attempt = 1; ; attempt++) {
    const port = await getPort({ host: '127.0.0.1' });
    const started = await spawnInFolder(cmd, 'server', { HOST: '127.0.0.1', PORT: String(port) }, opts, transcript);
    adopt(started);
    const outcome = await waitUntilBound(started.program, protocol, port);
    if (typeof outcome !== 'string') return { started, socket: outcome };
    if (outcome === 'port taken' && attempt < 3) {
      transcript.add('grader', `port ${port} was taken by another program; trying another`);
      await started.program.kill();
      continue;
    }
    throw startFailure(started.program, protocol, port, outcome);
  }
}

type NotBound = 'exited' | 'port taken' | 'timeout' | `wrong port ${number}`;

/** Where /proc cannot be read (not Linux), the grader's first connect retries instead. */
const canSeeSockets = existsSync('/proc/net/tcp');

async function waitUntilBound(program: RunningProgram, protocol: 'tcp' | 'udp', port: number): Promise<BoundSocket | NotBound> {
  if (!canSeeSockets) return { protocol, host: '127.0.0.1', port, unconfirmed: true };
  const end = Date.now() + STARTUP_WITHIN_MS;
  for (;;) {
    const sockets = boundSockets(program.pid).filter((s) => s.protocol === protocol);
    const mine = sockets.find((s) => s.port === port);
    if (mine) return mine;
    // A TCP server listening elsewhere has the port hard-coded; say so at once.
    if (protocol === 'tcp' && sockets.length > 0) return `wrong port ${sockets[0].port}`;
    if (!program.running) {
      return PORT_TAKEN.test(program.stderr.all().toString('utf8')) ? 'port taken' : 'exited';
    }
    if (Date.now() >= end) {
      if (sockets.length > 0) return `wrong port ${sockets[0].port}`;
      return 'timeout';
    }
    await pollPause(10);
  }
}

function startFailure(program: RunningProgram, protocol: 'tcp' | 'udp', port: number, why: NotBound): StudentFailure {
  const expected = `the server ${protocol === 'tcp' ? 'listens' : 'binds a UDP socket'} on 127.0.0.1:PORT (PORT=${port} here)`;
  if (why.startsWith('wrong port')) {
    return new StudentFailure({
      expected,
      actual: `it ${protocol === 'tcp' ? 'listens' : 'is bound'} on port ${why.slice('wrong port '.length)}`,
      help: 'read the port from the environment: PORT = int(os.environ.get("PORT", <the default>))',
    });
  }
  if (why === 'exited' || why === 'port taken') {
    return new StudentFailure({ expected, actual: `it ${program.describeExit()}, before it listened`, help: 'run it yourself and read the error below' });
  }
  return new StudentFailure({
    expected,
    actual: `it did not ${protocol === 'tcp' ? 'listen' : 'bind'} within ${seconds(STARTUP_WITHIN_MS)}`,
    help: protocol === 'tcp' ? 'call bind() and listen() before anything that waits (input(), accept() on another socket)' : 'bind the socket before waiting for requests',
  });
}
