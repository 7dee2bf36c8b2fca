// Every program a grading starts, one line per start: its interpreter, then who it is
// ("server", "client") and its file, tab-separated. `npm run bench` times the same
// interpreters' starts doing nothing; the grader's tests read which programs ran.

import { appendFileSync } from 'node:fs';

export const SPAWN_LOG_VARIABLE = 'SOCKET_GRADER_SPAWN_LOG';

export interface SpawnLogLine {
  command: string;
  actor: string;
  file: string;
}

export function logSpawn(command: string, actor: string, file: string): void {
  const log = process.env[SPAWN_LOG_VARIABLE];
  // One short O_APPEND write per line: lines from parallel workers never interleave.
  if (log) appendFileSync(log, `${[command, actor, file].map((f) => f.replace(/[\t\n]/g, ' ')).join('\t')}\n`);
}

/** The lines of a spawn log's text. */
export function parseSpawnLog(text: string): SpawnLogLine[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [command, actor = '', file = ''] = line.split('\t');
      return { command, actor, file };
    });
}
