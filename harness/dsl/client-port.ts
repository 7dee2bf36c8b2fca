// Where the submission's client connects, learned once per grading: its client runs in
// a network of its own with the page's HOST and PORT and one line on its input, and the
// destination of its first connection attempt (first datagram, over UDP) is its port.
// Client tests then listen there. A client that tries nothing (it asks more than one
// input() first, it needs arguments) leaves the page's port.

import { pollPause } from '../core/time.js';
import { Transcript } from '../core/transcript.js';
import { allThreadsAsleep } from '../process/process-tree.js';
import { RunningProgram } from '../process/program.js';
import { studentEnv } from '../process/student-env.js';
import { WaitsForever } from '../process/waits-forever.js';
import { watchFirstSend } from '../sandbox/first-send.js';
import { isolation } from '../sandbox/isolation.js';
import { openTestNetwork } from '../sandbox/test-network.js';
import { locateProgram } from '../submission/locate-program.js';
import { clientPortOf, gradingDeadlines, submissionDir } from './grading-context.js';
import { sandboxView } from './sandbox-view.js';
import type { TaskOptions } from './task-terms.js';

/** Asleep this long (times the run's scale) without trying to connect: it waits for something else first (a sleep, a recv()). */
const ASLEEP_BEFORE_CONNECTING_MS = 2000;

/** Where the task's client connects in this grading (undefined: the page's port applies); starts learning it on first ask. */
export function clientPort(task: string, options: TaskOptions): Promise<number | undefined> {
  return clientPortOf(task, options.port, (stop) => discoverClientPort(task, options, stop));
}

async function discoverClientPort(task: string, options: TaskOptions, stop: AbortSignal): Promise<number | undefined> {
  const mode = isolation().mode;
  if (mode === 'none') return undefined;
  const located = await locateProgram(submissionDir(), task, 'client');
  if (!('found' in located) || stop.aborted) return undefined;
  const protocol = options.protocol ?? 'tcp';
  const network = await openTestNetwork(sandboxView(task));
  let program: RunningProgram | undefined;
  try {
    // A name lookup through a resolver on loopback (53) is nobody the client means, unless the page's port is 53.
    const watch = await watchFirstSend(network, protocol, options.port === 53 ? [] : [53]);
    const folder = await network.makeFolder('client', {});
    const env = { HOST: '127.0.0.1', PORT: String(options.port) };
    const launch = network.wrap(located.found, folder);
    program = new RunningProgram(located.found, {
      cwd: launch.cwd,
      launch,
      env: studentEnv(folder.inside, env),
      actor: 'client',
      transcript: new Transcript(),
      besideTests: true,
    });
    if (!(program.pid > 1)) return undefined;
    // One short answer, then end of input: a client that asks for a name, a symbol or a
    // number before connecting goes on to connect; one that asks more ends, trying nothing.
    program.writeInput('1\n');
    program.closeInput();
    const ended = await Promise.race([watch.port, program.exited.then(() => undefined), givesUp(program, stop)]);
    return ended ?? (await watch.stop());
  } finally {
    await program?.kill();
    await network.close();
  }
}

/**
 * Resolves (undefined) at the startup deadline, once the client is asleep without trying
 * (at once when it waits with no deadline: alone, nothing can wake it), or when the grading is over.
 */
async function givesUp(program: RunningProgram, stop: AbortSignal): Promise<undefined> {
  const deadlines = gradingDeadlines();
  const end = Date.now() + deadlines.startup;
  const forever = new WaitsForever(program.pid);
  let asleepSince: number | undefined;
  while (!stop.aborted && program.running && Date.now() < end) {
    if (forever.look()) return undefined;
    if (!allThreadsAsleep(program.pid)) asleepSince = undefined;
    else {
      asleepSince ??= Date.now();
      if (Date.now() - asleepSince >= deadlines.scaled(ASLEEP_BEFORE_CONNECTING_MS)) return undefined;
    }
    await pollPause(10);
  }
  return undefined;
}
