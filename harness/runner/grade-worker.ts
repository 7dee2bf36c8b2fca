// One process grades one submission on one task: spec files are ESM modules mocha
// cannot unload, and a process of its own isolates one grading from another.
// Usage: node grade-worker.js <task> <results.json>   (SOCKET_GRADER_SUBMISSION set)

import Mocha from 'mocha';
import { compiledSpec } from '../core/paths.js';
import { killLiveProgramsOnSignals } from '../process/live-programs.js';
import { GradeReporter } from './reporter.js';

const [task, out] = process.argv.slice(2);
killLiveProgramsOnSignals();

// Our own deadlines fire first; mocha's timeout only catches a grader bug.
const mocha = new Mocha({ reporter: GradeReporter, reporterOptions: { out }, timeout: 120_000 });
mocha.addFile(compiledSpec(task));
await mocha.loadFilesAsync();
mocha.run(() => {
  // Sockets and timers of the tests are closed; exit without waiting for stragglers.
  process.exit(0);
});
