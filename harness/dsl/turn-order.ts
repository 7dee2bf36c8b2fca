// Who speaks first in a chat is the submission's choice: a client that waits in input()
// while its server waits in recv() speaks first; a client asleep in recv() while its
// server waits in input() lets the server speak first. Read from /proc, so learning it
// costs the programs nothing; each state lasts until someone types, so no race decides.

import { pollUntil } from '../core/time.js';
import { allThreadsAsleep } from '../process/process-tree.js';
import { readsKeyboard } from '../process/stall.js';
import { WaitsForever } from '../process/waits-forever.js';
import type { ProgramUnderTest } from './program-under-test.js';

/** Polls in a row that must agree, so a program between two states is not taken for either. */
const STREAK = 3;

/**
 * 'client' once the client waits for its person (a client that reads the keyboard at
 * any time is as good), 'server' once the server waits for its person while the client
 * sleeps without reading the keyboard; undefined if neither within the deadline, or at
 * once when both programs wait forever (process/waits-forever.ts) and neither in a read of
 * the keyboard that /proc shows (a program of an event loop, as the Node reference):
 * nothing can change before someone types, so waiting out the deadline would learn nothing.
 */
export async function whoSpeaksFirst(server: ProgramUnderTest, client: ProgramUnderTest, within = server.deadlines.reply): Promise<'client' | 'server' | undefined> {
  const serverIdle = new WaitsForever(server.process.pid);
  const clientIdle = new WaitsForever(client.process.pid);
  let last: 'client' | 'server' | undefined;
  let streak = 0;
  const decided = await pollUntil(() => {
    const now = readsKeyboard(client.process.pid) ? 'client' : readsKeyboard(server.process.pid) && allThreadsAsleep(client.process.pid) ? 'server' : undefined;
    streak = now !== undefined && now === last ? streak + 1 : now === undefined ? 0 : 1;
    last = now;
    if (streak >= STREAK) return now;
    // Both looked at every time, so each one's stillness is counted over the same polls.
    const bothIdle = [serverIdle.look(), clientIdle.look()].every(Boolean);
    return now === undefined && bothIdle ? 'idle' : undefined;
  }, within);
  return decided === 'idle' ? undefined : decided;
}
