#!/usr/bin/env node
// The installed command: socket-grader grade|watch|class|validate|bench ...

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { bench } from './bench.js';
import { classCommand } from './class.js';
import { UsageError } from './errors.js';
import { grade } from './grade.js';
import { runMain } from './main.js';
import { validate } from './validate.js';
import { watch } from './watch.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = { grade, watch, class: classCommand, validate, bench };

const USAGE = `usage: socket-grader <command> ... | --help | --version
  grade <task|task,task…|all> <submission>   grade one submission (--format text|json|classroom|gradescope|prairielearn|junit|html, --test TEXT)
  watch <task|task,task…|all> <submission>   grade it again on every save and say which tests changed (Ctrl+C stops it)
  class <task|task,task…|all> <folder>       grade every subfolder as a student's submission (--jobs, --csv, --reports, --shard i/n)
  validate [task…]                           check the specs against the reference, mutants and solutions (repository only)
  bench                                      measure what grading costs (repository only)
  --version                                  print the grader's version
socket-grader <command> --help lists a command's options and the task ids.
through npm, put -- before the arguments: npm run grade -- chat my-work --format json`;

async function main(argv: string[]): Promise<number> {
  // Paths are the user's, relative to where the command runs: INIT_CWD belongs to the
  // `npm run` scripts of the grader's own folder, and an outer `npm run` can leave a stale one.
  delete process.env.INIT_CWD;
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}; socket-grader --help says more`);
  return command(rest);
}

runMain(main, import.meta.url);
