// `npm test`: the grader's own tests and `validate` of the whole catalog, side by side.
// Both mostly wait on programs and deadlines, so together they take little more than the
// longer of the two. The tests' output streams as it comes; validate's follows whole.

import { createRequire } from 'node:module';
import path from 'node:path';
import { execa } from 'execa';
import { root } from './cli/run-cli.js';

const mochaBin = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');

const started = Date.now();
const tests = execa(process.execPath, [mochaBin, '--timeout', '60000', 'dist/test/**/*.test.js'], { cwd: root, stdio: 'inherit', reject: false });
const validate = execa(process.execPath, [path.join(root, 'dist', 'harness', 'cli', 'validate.js')], { cwd: root, all: true, reject: false, stdin: 'ignore' });

const testsDone = await tests;
process.stdout.write(`\n${(await validate).all ?? ''}\n`);
const validateDone = await validate;
const seconds = ((Date.now() - started) / 1000).toFixed(0);
process.stdout.write(
  `\nnpm test: the grader's tests ${testsDone.exitCode === 0 ? 'passed' : `FAILED (exit ${testsDone.exitCode})`}, validate ${validateDone.exitCode === 0 ? 'passed' : `FAILED (exit ${validateDone.exitCode})`}, in ${seconds} s\n`,
);
process.exit(testsDone.exitCode === 0 && validateDone.exitCode === 0 ? 0 : 1);
