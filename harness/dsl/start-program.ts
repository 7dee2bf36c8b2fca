// Starting a student's program for a test: find it, give it a fresh folder with the
// spec's files in the test's network, and (for a server) wait until it really listens
// where the task expects it.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { SkipTest, StudentFailure } from '../core/failures.js';
import { stalledWords } from '../core/inbox.js';
import { graderActs, onStall } from '../core/stall-signal.js';
import { type Deadlines, pollPause, seconds, settlesWithin } from '../core/time.js';
import type { Transcript } from '../core/transcript.js';
import { describeLaunch } from '../process/launch-words.js';
import { allThreadsAsleep } from '../process/process-tree.js';
import { type ProgramCommand, RunningProgram } from '../process/program.js';
import { type BoundSocket, boundSockets } from '../process/sockets.js';
import { studentEnv } from '../process/student-env.js';
import { whyCannotStart } from '../process/why-cannot-start.js';
import type { FileMap, TestNetwork } from '../sandbox/test-network.js';
import { fillLaunchValues } from '../submission/launch-values.js';
import { locateProgram, type Role } from '../submission/locate-program.js';
import { gradedSubmissionDir, submissionDir, type TestNotes } from './grading-context.js';
import type { Group } from './task-terms.js';

export type { FileMap };

export interface StartOptions {
  /** Files to put in the program's working folder before it starts. */
  files?: FileMap;
  /** Extra environment variables (HOST and PORT are set by the grader). */
  env?: Record<string, string>;
  args?: string[];
}

export interface Started {
  program: RunningProgram;
  /** Its working folder, as the grader reads it. */
  dir: string;
  /** The same folder as the program itself names it (inside its namespace). */
  programDir: string;
  cleanupDir: () => Promise<void>;
}

/** The program of `role`, for a test of `group` whose transcript holds `transcriptLength` entries so far. */
export async function findProgram(task: string, role: Role, group: Group, notes: TestNotes, transcriptLength: number): Promise<ProgramCommand> {
  const earlier = notes.uses(role, group, transcriptLength);
  if (earlier) throw new SkipTest(earlier);
  const located = await locateProgram(submissionDir(), task, role);
  if ('missing' in located) throw new SkipTest(located.missing);
  // Costs nothing to find again, so every test of the role says why, in one line.
  if ('refused' in located) throw new StudentFailure({ expected: `the ${role} program starts`, actual: `it did not start: ${located.refused}` });
  if ('broken' in located) {
    notes.startFailure(role);
    throw new StudentFailure({ expected: `the ${role} program compiles`, actual: located.broken });
  }
  return located.found;
}

export async function spawnInFolder(cmd: ProgramCommand, role: Role, env: Record<string, string>, opts: StartOptions, transcript: Transcript, network: TestNetwork): Promise<Started> {
  // A manifest's `{port}` and `{host}`: the values of PORT and HOST, for programs that read argv.
  const own = cmd.fromManifest ? { ...cmd, args: fillLaunchValues(cmd.args, { host: env.HOST ?? '', port: env.PORT ?? '' }) } : cmd;
  const command = opts.args ? { ...own, args: [...own.args, ...opts.args] } : own;
  // Refusals the system would give with no event (E2BIG) or in a wrapper's words, said at once.
  const refusal = whyCannotStart({ command: command.command, argv: [command.command, ...command.args], env: studentEnv('/tmp', { ...env, ...opts.env }), shown: shownCommand(command) });
  if (refusal) throw cannotStart(role, refusal, transcript);
  // Writing its files is the grader acting: nothing the test runs is stalled meanwhile.
  const folder = await graderActs(() => network.makeFolder(role, opts.files ?? {}));
  const launch = network.wrap(command, folder);
  const given = { ...env, ...opts.env };
  const program = new RunningProgram(command, {
    cwd: launch.cwd,
    launch,
    env: studentEnv(folder.inside, given),
    actor: role,
    transcript,
    startedAs: describeLaunch({ words: [command.command, ...command.args], submission: gradedSubmissionDir(), folder: folder.inside, host: given.HOST, port: given.PORT }),
  });
  if (!(program.pid > 1)) {
    // The spawn failed before a process existed: nothing to kill. Its error comes on the
    // next tick (ENOENT, EACCES), or never (E2BIG: the spawn threw inside execa).
    const ended = await settlesWithin(program.exited, 1000);
    await folder.cleanup();
    throw cannotStart(role, (ended && program.stderr.all().toString('utf8').trim()) || 'the system refused to run it', transcript);
  }
  return { program, dir: folder.outside, programDir: folder.inside, cleanupDir: folder.cleanup };
}

/** How the student names the command: the manifest's first word, or the program file. */
function shownCommand(cmd: ProgramCommand): string {
  const first = cmd.file.split(' ')[0];
  if (!path.isAbsolute(first)) return first;
  return cmd.command === cmd.file ? cmd.file.split('/').slice(-2).join('/') : path.basename(cmd.command);
}

function cannotStart(role: Role, why: string, transcript: Transcript): StudentFailure {
  transcript.add(role, `could not be started: ${why}`);
  return new StudentFailure({ expected: `the ${role} starts`, actual: `the ${role} could not be started: ${why}` });
}

const PORT_TAKEN = /Address already in use|EADDRINUSE|Errno 98/;

/**
 * Starts a server and waits until its process tree listens: in the test's own network on
 * the port it chooses (PORT says the task's; `anyPort`) or on the task's port alone,
 * without one on PORT. Without a network of its own, another program can take the port
 * between choosing and binding it: then it is started again on a new one.
 */
export async function startListening(
  cmd: ProgramCommand,
  protocol: 'tcp' | 'udp',
  taskPort: number,
  opts: StartOptions,
  transcript: Transcript,
  network: TestNetwork,
  deadlines: Deadlines,
  adopt: (s: Started) => void,
  anyPort = false,
): Promise<{ started: Started; socket: BoundSocket }> {
  for (let attempt = 1; ; attempt++) {
    const port = await network.serverPort(taskPort);
    const started = await spawnInFolder(cmd, 'server', { HOST: '127.0.0.1', PORT: String(port) }, opts, transcript, network);
    adopt(started);
    const outcome = await waitUntilBound(started.program, protocol, port, network.netPid, anyPort && network.mode !== 'none', deadlines);
    if (typeof outcome !== 'string') return { started, socket: outcome };
    if (outcome === 'port taken' && network.mode === 'none' && attempt < 3) {
      transcript.add('grader', `port ${port} was taken by another program; trying another`);
      await started.program.kill();
      continue;
    }
    throw startFailure(started.program, protocol, port, outcome, network.mode !== 'none', deadlines);
  }
}

type NotBound = 'exited' | 'port taken' | 'timeout' | 'asleep' | `stalled: ${string}` | `wrong port ${number}`;

/**
 * A server asleep this long without listening waits for something else first (input(),
 * a connection it makes, a sleep): said then, not at the startup deadline. Starting
 * Python, reading files, binding: none of it sleeps for a second. Times the run's scale.
 */
const ASLEEP_BEFORE_LISTENING_MS = 2000;

/** Where /proc cannot be read (not Linux), the grader's first connect retries instead. */
const canSeeSockets = existsSync('/proc/self/net/tcp');

async function waitUntilBound(program: RunningProgram, protocol: 'tcp' | 'udp', port: number, netPid: number, anyPort: boolean, deadlines: Deadlines): Promise<BoundSocket | NotBound> {
  if (!canSeeSockets) return { protocol, host: '127.0.0.1', port, unconfirmed: true };
  const end = Date.now() + deadlines.startup;
  let asleepSince: number | undefined;
  let printedBytes = -1;
  // Stalled before listening: it waits for something only the grader could give, and never will.
  let stalled: string | undefined;
  const stopWatching = onStall((why) => (stalled = why), end);
  try {
    for (;;) {
      const sockets = boundSockets(program.pid, netPid).filter((s) => s.protocol === protocol);
      // Any port: the one asked for when among them, else the first it made (a UDP server may hold others).
      const mine = sockets.find((s) => s.port === port) ?? (anyPort ? sockets[0] : undefined);
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
      if (stalled !== undefined && sockets.length === 0) return `stalled: ${stalled}`;
      // A program blocked writing to a full pipe while the grader, slow on a busy machine, drains it is printing, not waiting.
      const printed = printedSoFar(program);
      if (printed !== printedBytes || !allThreadsAsleep(program.pid)) {
        printedBytes = printed;
        asleepSince = undefined;
      } else {
        asleepSince ??= Date.now();
        if (Date.now() - asleepSince >= deadlines.scaled(ASLEEP_BEFORE_LISTENING_MS) && sockets.length === 0) return 'asleep';
      }
      await pollPause(10);
    }
  } finally {
    stopWatching();
  }
}

/** Bytes the program has written to stdout and stderr, kept or not. */
function printedSoFar(program: RunningProgram): number {
  return program.stdout.all().length + program.stdout.dropped + program.stderr.all().length + program.stderr.dropped;
}

function startFailure(program: RunningProgram, protocol: 'tcp' | 'udp', port: number, why: NotBound, taskPort: boolean, deadlines: Deadlines): StudentFailure {
  const where = taskPort ? `on the task's port, ${port} (PORT=${port})` : `on 127.0.0.1:PORT (PORT=${port} here)`;
  const expected = `the server ${protocol === 'tcp' ? 'listens' : 'binds a UDP socket'} ${where}`;
  if (why.startsWith('wrong port')) {
    return new StudentFailure({
      expected,
      actual: `it ${protocol === 'tcp' ? 'listens' : 'is bound'} on port ${why.slice('wrong port '.length)}`,
      help: taskPort
        ? `use the port the task gives, ${port}; best, read it from the environment: PORT = int(os.environ.get("PORT", ${port}))`
        : 'read the port from the environment: PORT = int(os.environ.get("PORT", <the default>))',
    });
  }
  if (why === 'exited' || why === 'port taken') {
    return new StudentFailure({ expected, actual: `it ${program.describeExit()}, before it listened`, help: diedAtStartHelp(program, port) });
  }
  if (why.startsWith('stalled: ')) {
    return new StudentFailure({
      expected,
      actual: `it does not ${protocol === 'tcp' ? 'listen' : 'bind'}: ${stalledWords(why.slice('stalled: '.length))}`,
      help: protocol === 'tcp' ? 'call bind() and listen() first, before anything that waits (input(), accept() on another socket, recv())' : 'bind the socket first, before anything that waits',
    });
  }
  if (why === 'asleep') {
    return new StudentFailure({
      expected,
      actual: `it has been waiting for ${seconds(deadlines.scaled(ASLEEP_BEFORE_LISTENING_MS))} (asleep: in input(), sleep(), connect() or the like) without ${protocol === 'tcp' ? 'listening' : 'binding'}`,
      help: protocol === 'tcp' ? 'call bind() and listen() first, before anything that waits (input(), accept() on another socket, time.sleep())' : 'bind the socket first, before anything that waits',
    });
  }
  return new StudentFailure({
    expected,
    actual: `it did not ${protocol === 'tcp' ? 'listen' : 'bind'} within ${seconds(deadlines.startup)}`,
    help: protocol === 'tcp' ? 'call bind() and listen() before anything that waits (input(), accept() on another socket)' : 'bind the socket before waiting for requests',
  });
}

/**
 * What to do about a server that ended before it listened. Its report (below the hint)
 * shows how it was started and its stderr; the port-in-argv hint only where the evidence
 * points there: no argument held the port, and it died silently or over argv.
 */
function diedAtStartHelp(program: RunningProgram, port: number): string {
  const stderr = program.stderr.all().toString('utf8').trim();
  const noPortGiven = !program.cmd.args.some((a) => a.includes(String(port)));
  const argvHint =
    noPortGiven && (stderr === '' || /argv/.test(stderr))
      ? `; if it takes its port from its arguments (like "./server 5000"), put "{port}" among its arguments in socket-grader.json, e.g. "server": ["./server", "{port}"]`
      : '';
  if (!program.failedByItself) return `it ended by itself without listening; it was started as ${program.startedAs ?? 'shown in the transcript'}${argvHint}`;
  if (stderr === '') return `run it yourself the way it was started (below) to see how far it gets${argvHint}`;
  return `run it yourself the way it was started (below) and read its error${argvHint}`;
}
