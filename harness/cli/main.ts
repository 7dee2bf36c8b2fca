// Runs a command and maps its outcome to an exit code: the only process.exit.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { graderFailed } from '../core/failures.js';
import { safeText } from '../report/escape.js';
import { closeWorkers } from '../runner/worker-pool.js';
import { EXIT, UsageError } from './errors.js';

/** True when the module at `moduleUrl` is the file node was started with (through any symlink, as npm's bin links are). */
function isEntry(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * Runs `command` on the process's arguments. With `moduleUrl` (the caller's
 * import.meta.url), only when that module is the entry point: the socket-grader bin
 * imports the same commands without running them twice.
 */
export function runMain(command: (argv: string[]) => Promise<number>, moduleUrl?: string): void {
  if (moduleUrl !== undefined && !isEntry(moduleUrl)) return;
  // The grading workers are closed (and gone) before the process says it is done.
  const run = async (): Promise<number> => {
    try {
      return await command(process.argv.slice(2));
    } finally {
      await closeWorkers();
    }
  };
  run().then(
    // A pipe takes writes asynchronously: exit only once the report is flushed.
    (code) => process.stdout.write('', () => process.exit(code)),
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`${safeText(`socket-grader: ${err.message}`)}\n`);
        process.exit(EXIT.badInput);
      }
      process.stderr.write(`${safeText(`socket-grader: ${graderFailed(err instanceof Error ? (err.stack ?? err.message) : String(err))}`)}\n`);
      process.exit(EXIT.graderBroke);
    },
  );
}
