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
// Only the groups asked for run (a test's full title is "<task> <group> <title>").
const groups = (process.env.SOCKET_GRADER_GROUPS ?? '').split(',').filter(Boolean);
const grep = groups.length > 0 ? new RegExp(`^${task} (${groups.map((g) => g.replace(/[-]/g, '\\-')).join('|')}) `) : undefined;
const mocha = new Mocha({ reporter: GradeReporter, reporterOptions: { out }, timeout: 120_000, grep });
mocha.addFile(compiledSpec(task));
await mocha.loadFilesAsync();
mocha.run(() => {
  // Sockets and timers of the tests are closed; exit without waiting for stragglers.
  process.exit(0);
});
