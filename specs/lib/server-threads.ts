// Waiting for a program to be done with what it was sent: every thread asleep again.

import { type ProgramUnderTest, pollUntil } from '../../harness/index.js';

/**
 * Until every thread of the server has gone back to waiting (seen on a few polls in a
 * row, so what a thread that met an error printed has reached the grader): a thread
 * that died of a reset has printed its traceback by then.
 */
export async function untilAllThreadsWait(server: ProgramUnderTest): Promise<void> {
  let streak = 0;
  await pollUntil(() => {
    streak = server.allThreadsAsleep() ? streak + 1 : 0;
    return streak >= 3 ? true : undefined;
  }, server.deadlines.reply);
}
