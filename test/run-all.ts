// `npm test`: the grader's own tests and `validate` of the whole catalog, side by side.
// Both mostly wait on programs and deadlines, so the test files run in parallel too
// (mocha --parallel: each file in a worker process of its own), the slowest started
// first so that none of them is left to run alone at the end. A test's verdict never
// depends on the machine's load (test/limits.ts), so no file needs the machine to itself.
// Each file's output prints whole when it ends; the failures are listed, test by test,
// at the end; validate's output follows whole.

import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { root } from './cli/run-cli.js';
import { DEFAULT_TEST_MS } from './limits.js';

const mochaBin = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');

/** Files that take longest (seconds in a serial run of 2026-12-03), started first. */
const SLOWEST_FIRST = [
  'cli/bench.test.js', // 103
  'package/pack.test.js', // 66
  'cli/framing.test.js', // 68
  'cli/stop-words.test.js', // 56
  'cli/class-dashboard.test.js', // 50
  'cli/stalls.test.js', // 42
  'cli/side-by-side.test.js', // 37
  'cli/grade.test.js', // 22
  'cli/isolation.test.js', // 20
  'cli/dialect.test.js', // 16
  'cli/hostile.test.js', // 15
];

/** Every test file under dist/test, the slowest first, then the others in name order. */
function testFiles(): string[] {
  const dir = path.join(root, 'dist', 'test');
  const all = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const rank = (f: string): number => {
    const i = SLOWEST_FIRST.indexOf(f);
    return i === -1 ? SLOWEST_FIRST.length : i;
  };
  return [...all].sort((a, b) => rank(a) - rank(b)).map((f) => path.join(dir, f));
}

// The test files mostly wait on programs: more files at once than cores, but not so many
// that the cores, shared with validate, become the wait.
const jobs = os.availableParallelism() + 2;

const started = Date.now();
const tests = execa(process.execPath, [mochaBin, '--parallel', '--jobs', String(jobs), '--timeout', String(DEFAULT_TEST_MS), ...testFiles()], {
  cwd: root,
  stdio: 'inherit',
  reject: false,
});
// `--tests-only`: the grader's tests without validate (validate of one task is `npm run validate -- <task>`).
const withValidate = !process.argv.includes('--tests-only');
const validate = withValidate ? execa(process.execPath, [path.join(root, 'dist', 'harness', 'cli', 'validate.js')], { cwd: root, all: true, reject: false, stdin: 'ignore' }) : undefined;

const testsDone = await tests;
const testsSeconds = ((Date.now() - started) / 1000).toFixed(0);
const validateDone = await validate;
if (validateDone) process.stdout.write(`\n${validateDone.all ?? ''}\n`);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
const validateSaid = validateDone ? `validate ${validateDone.exitCode === 0 ? 'passed' : `FAILED (exit ${validateDone.exitCode})`}` : 'validate not run';
process.stdout.write(`\nnpm test: the grader's tests ${testsDone.exitCode === 0 ? 'passed' : `FAILED (exit ${testsDone.exitCode})`} in ${testsSeconds} s, ${validateSaid}; ${seconds} s in all\n`);
process.exit(testsDone.exitCode === 0 && (validateDone === undefined || validateDone.exitCode === 0) ? 0 : 1);
