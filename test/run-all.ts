// `npm test`: the grader's own tests and `validate` of the whole catalog, side by side.
// Both mostly wait on programs and deadlines, so the test files run in parallel too
// (mocha --parallel: each file in a worker process of its own), the slowest started
// first so that none of them is left to run alone at the end. A test's verdict never
// depends on the machine's load (test/limits.ts), so no file needs the machine to itself;
// only the file whose gradings use the machine's own network runs apart, after the others.
// Each file's output prints whole when it ends; the failures are listed, test by test,
// at the end of each mocha run; validate's output follows whole.

import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { isolation } from '../harness/sandbox/isolation.js';
import { root } from './cli/run-cli.js';
import { DEFAULT_TEST_MS } from './limits.js';

const mochaBin = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const testDir = path.join(root, 'dist', 'test');

/** Files that take longest, started first: seconds in a parallel run on a loaded machine (2026-12-03), quiet in brackets. */
const SLOWEST_FIRST = [
  'package/pack.test.js', // 678 (66)
  'cli/stop-words.test.js', // 378 (56)
  'cli/framing.test.js', // 420 (~40)
  'cli/framing-ten-times.test.js', // 363 (~28)
  'cli/bench.test.js', // 328 (103, before it graded task3b)
  'cli/grade.test.js', // 242 (22)
  'cli/side-by-side.test.js', // 231 (37)
  'cli/stalls.test.js', // 202 (42)
  'cli/class-dashboard.test.js', // 122 (50)
  'cli/isolation.test.js', // 99 (20)
  'cli/class.test.js',
  'cli/dialect.test.js', // (16)
  'cli/hostile.test.js', // (15)
];

/** Files whose gradings run on the grader's own network, where a port is the machine's: run alone, after the others. */
const HOST_NETWORK = ['cli/host-network.test.js'];

/** Every test file under dist/test (relative to it), the slowest first, then the others in name order. */
function testFiles(): string[] {
  const all = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const rank = (f: string): number => {
    const i = SLOWEST_FIRST.indexOf(f);
    return i === -1 ? SLOWEST_FIRST.length : i;
  };
  return [...all].sort((a, b) => rank(a) - rank(b));
}

/** Mocha over `files`, `atOnce` files at once; its output streams as each file ends. */
async function mocha(files: string[], atOnce: number): Promise<number> {
  if (files.length === 0) return 0;
  const parallel = atOnce > 1 ? ['--parallel', '--jobs', String(atOnce)] : [];
  const r = await execa(process.execPath, [mochaBin, ...parallel, '--timeout', String(DEFAULT_TEST_MS), ...files.map((f) => path.join(testDir, f))], {
    cwd: root,
    stdio: 'inherit',
    reject: false,
  });
  return r.exitCode ?? 1;
}

// The test files mostly wait on programs: more files at once than cores, but not so many
// that the cores, shared with validate, become the wait. Without namespaces every test's
// programs share the machine's network, where fixtures hard-code the same ports: one file at a time.
const jobs = isolation().mode === 'none' ? 1 : os.availableParallelism() + 2;

const started = Date.now();
// `--tests-only`: the grader's tests without validate (validate of one task is `npm run validate -- <task>`).
const withValidate = !process.argv.includes('--tests-only');
const validate = withValidate ? execa(process.execPath, [path.join(root, 'dist', 'harness', 'cli', 'validate.js')], { cwd: root, all: true, reject: false, stdin: 'ignore' }) : undefined;

const allFiles = testFiles();
const inParallel = await mocha(
  allFiles.filter((f) => !HOST_NETWORK.includes(f)),
  jobs,
);
const onHostNetwork = await mocha(
  allFiles.filter((f) => HOST_NETWORK.includes(f)),
  1,
);
const testsExit = inParallel || onHostNetwork;
const testsSeconds = ((Date.now() - started) / 1000).toFixed(0);
const validateDone = await validate;
if (validateDone) process.stdout.write(`\n${validateDone.all ?? ''}\n`);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
const validateSaid = validateDone ? `validate ${validateDone.exitCode === 0 ? 'passed' : `FAILED (exit ${validateDone.exitCode})`}` : 'validate not run';
const testsSaid = testsExit === 0 ? 'passed' : `FAILED (${inParallel ? `exit ${inParallel}` : 'passed'} in parallel, ${onHostNetwork ? `exit ${onHostNetwork}` : 'passed'} on the host network)`;
process.stdout.write(`\nnpm test: the grader's tests ${testsSaid} in ${testsSeconds} s, ${validateSaid}; ${seconds} s in all\n`);
process.exit(testsExit === 0 && (validateDone === undefined || validateDone.exitCode === 0) ? 0 : 1);
