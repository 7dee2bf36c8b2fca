// For `npm run bench`: every program a grading starts, one line per start (its
// interpreter), so the benchmark can time the same starts doing nothing.

import { appendFileSync } from 'node:fs';

export const SPAWN_LOG_VARIABLE = 'SOCKET_GRADER_SPAWN_LOG';

export function logSpawn(command: string): void {
  const log = process.env[SPAWN_LOG_VARIABLE];
  // One short O_APPEND write per line: lines from parallel workers never interleave.
  if (log) appendFileSync(log, `${command}\n`);
}
