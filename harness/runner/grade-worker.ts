// One process grades one submission on one task: spec files are ESM modules mocha
// cannot unload, and a process of its own isolates one grading from another.
// Usage: node grade-worker.js <task> <results.json>   (SOCKET_GRADER_SUBMISSION set)

import Mocha from 'mocha';
import { compiledSpec } from '../core/paths.js';
import { killLiveProgramsOnSignals } from '../process/live-programs.js';
import { GROUPS_VARIABLE, TESTS_VARIABLE } from './worker-env.js';
import { GradeReporter } from './reporter.js';

const [task, out] = process.argv.slice(2);
killLiveProgramsOnSignals();

// Our own deadlines fire first; mocha's timeout only catches a grader bug.
// Only the groups asked for run (a test's full title is "<task> <group> <title>"), and
// only tests whose title holds one of the words asked for (validate proving a mutant dead).
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const groups = (process.env[GROUPS_VARIABLE] ?? '').split(',').filter(Boolean);
const titles = JSON.parse(process.env[TESTS_VARIABLE] || '[]') as string[];
const groupPart = groups.length > 0 ? `(${groups.map(escape).join('|')})` : '\\S+';
const titlePart = titles.length > 0 ? `.*(${titles.map(escape).join('|')})` : '';
const grep = groups.length > 0 || titles.length > 0 ? new RegExp(`^${escape(task)} ${groupPart} ${titlePart}`) : undefined;
const mocha = new Mocha({ reporter: GradeReporter, reporterOptions: { out }, timeout: 120_000, grep });
mocha.addFile(compiledSpec(task));
await mocha.loadFilesAsync();
mocha.run(() => {
  // Sockets and timers of the tests are closed; exit without waiting for stragglers.
  process.exit(0);
});
