// After something that may upset a server (a client that resets, garbage), the server
// must either keep serving or have ended by itself cleanly. Many tasks allow a server
// that serves one client and exits, so "still running" alone cannot be demanded.

import { isStudentFailure, StudentFailure } from '../core/failures.js';
import type { ServerUnderTest } from './program-under-test.js';

export interface SurvivalOptions {
  /** What the student should look at when the server crashed. */
  help?: string;
  within?: number;
}

/**
 * Runs `serveOnce` (a fresh client served end to end). If it fails because the server
 * has gone, the server must have exited with code 0 and without a traceback.
 * Returns how the server came through.
 */
export async function expectServesOnOrEndsCleanly(server: ServerUnderTest, serveOnce: () => Promise<void>, opts: SurvivalOptions = {}): Promise<'served' | 'ended'> {
  try {
    await serveOnce();
    return 'served';
  } catch (probeFailure) {
    if (!isStudentFailure(probeFailure)) throw probeFailure;
    // A refused connect can be seen before the exit itself: give the exit its own deadline.
    if (!(await server.process.exitsWithin(opts.within ?? server.deadlines.reply))) {
      throw probeFailure; // still running, and not serving: the probe's failure says why
    }
    server.expectNoTraceback(opts.help);
    const exit = server.process.exitInfo;
    if (exit && (exit.code !== 0 || exit.signal)) {
      throw new StudentFailure({
        expected: 'the server keeps serving, or ends cleanly (exit code 0)',
        actual: `it ${server.process.describeExit()}`,
        help: opts.help,
      });
    }
    return 'ended';
  }
}
