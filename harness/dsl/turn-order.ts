// Who speaks first in a chat is the submission's choice: a client that waits in input()
// while its server waits in recv() speaks first; a client asleep in recv() while its
// server waits in input() lets the server speak first. Read from /proc, so learning it
// costs the programs nothing; each state lasts until someone types, so no race decides.

import { DEFAULT_WITHIN_MS, pollUntil } from '../core/time.js';
import { allThreadsAsleep } from '../process/process-tree.js';
import { readsKeyboard, waitsWithoutDeadline } from '../process/stall.js';
import type { ProgramUnderTest } from './program-under-test.js';

/** Polls in a row that must agree, so a program between two states is not taken for either. */
const STREAK = 3;
/** Polls in a row (5 ms apart at least) in which neither program may wake for both to count as idle: a program starting up is never so still. */
const IDLE_STREAK = 20;

/**
 * 'client' once the client waits for its person (a client that reads the keyboard at
 * any time is as good), 'server' once the server waits for its person while the client
 * sleeps without reading the keyboard; undefined if neither within the deadline, or at
 * once when both programs wait with no deadline, unchanged, neither of them in a read of
 * the keyboard that /proc shows (a program of an event loop, as the Node reference):
 * nothing can change before someone types, so waiting out the deadline would learn nothing.
 */
export async function whoSpeaksFirst(server: ProgramUnderTest, client: ProgramUnderTest, within = DEFAULT_WITHIN_MS): Promise<'client' | 'server' | undefined> {
  type Seen = 'client' | 'server' | `idle ${string}`;
  let last: Seen | undefined;
  let streak = 0;
  const decided = await pollUntil(() => {
    const now = seen(server, client);
    streak = now !== undefined && now === last ? streak + 1 : now === undefined ? 0 : 1;
    last = now;
    return streak >= (now?.startsWith('idle') ? IDLE_STREAK : STREAK) ? now : undefined;
  }, within);
  return decided === 'client' || decided === 'server' ? decided : undefined;
}

/** Who waits for their person now; `idle …` (both programs' waits) when neither does and both wait with no deadline. */
function seen(server: ProgramUnderTest, client: ProgramUnderTest): 'client' | 'server' | `idle ${string}` | undefined {
  if (readsKeyboard(client.process.pid)) return 'client';
  if (readsKeyboard(server.process.pid) && allThreadsAsleep(client.process.pid)) return 'server';
  const serverWaits = waitsWithoutDeadline(server.process.pid);
  const clientWaits = serverWaits && waitsWithoutDeadline(client.process.pid);
  return serverWaits && clientWaits ? `idle ${serverWaits} | ${clientWaits}` : undefined;
}
