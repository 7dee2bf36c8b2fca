// Runs a command and maps its outcome to an exit code: the only process.exit.

import { EXIT, UsageError } from './errors.js';

export function runMain(command: (argv: string[]) => Promise<number>): void {
  command(process.argv.slice(2)).then(
    // A pipe takes writes asynchronously: exit only once the report is flushed.
    (code) => process.stdout.write('', () => process.exit(code)),
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`socket-grader: ${err.message}\n`);
        process.exit(EXIT.badInput);
      }
      process.stderr.write(`socket-grader: the grader itself failed (not the submission's fault):\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(EXIT.graderBroke);
    },
  );
}
