// Command-line parsing shared by grade and validate: positionals and --flags.

import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export interface CommonFlags {
  format: 'text' | 'json' | 'classroom';
  out?: string;
  advisory: string[];
  jobs?: number;
  help: boolean;
}

export function parseCommon(argv: string[]): { positionals: string[]; flags: CommonFlags } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
        advisory: { type: 'string', multiple: true, default: [] },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { format, out, advisory, jobs, help } = parsed.values;
  if (format !== 'text' && format !== 'json' && format !== 'classroom') throw new UsageError(`--format must be text, json or classroom, not "${format}"`);
  const jobCount = jobs === undefined ? undefined : Number(jobs);
  if (jobCount !== undefined && !(Number.isInteger(jobCount) && jobCount > 0)) throw new UsageError(`--jobs must be a whole number above 0, not "${jobs}"`);
  return { positionals: parsed.positionals, flags: { format, out, advisory: advisory ?? [], jobs: jobCount, help: help ?? false } };
}

/** npm runs scripts in the project folder; a relative path means the user's own folder. */
export function userPath(p: string): string {
  const base = process.env.INIT_CWD ?? process.cwd();
  return p.startsWith('/') ? p : `${base.replace(/\/$/, '')}/${p}`;
}
