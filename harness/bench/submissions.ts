// Submissions the benchmark grades: nothing at all, and programs that all hang.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A program that neither listens, connects, prints nor exits: it waits for a signal. */
const HANGS = 'import signal\n\nsignal.pause()\n';

export function writeHangingSubmission(dir: string, tasks: string[]): void {
  for (const task of tasks) {
    mkdirSync(path.join(dir, task), { recursive: true });
    for (const role of ['server', 'client']) writeFileSync(path.join(dir, task, `${role}.py`), HANGS);
  }
}
