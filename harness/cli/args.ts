// Command-line parsing shared by grade and validate: positionals and --flags.

import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export interface CommonFlags {
  format: 'text' | 'json' | 'classroom';
  out?: string;
  advisory: string[];
  jobs?: number;
  /** Replays the data of an earlier run. */
  seed?: number;
  /** Only these groups are graded and scored (all when empty). */
  groups: string[];
  help: boolean;
}

const GROUPS = ['server', 'client', 'end-to-end', 'robustness'];

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
        seed: { type: 'string' },
        groups: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { format, out, advisory, jobs, help, seed, groups } = parsed.values;
  const seedNumber = seed === undefined ? undefined : Number(seed);
  if (seedNumber !== undefined && !(Number.isInteger(seedNumber) && seedNumber > 0)) throw new UsageError(`--seed must be a whole number above 0, not "${seed}"`);
  const groupList = (groups ?? []).flatMap((g) => g.split(',')).map((g) => g.trim()).filter(Boolean);
  for (const g of groupList) if (!GROUPS.includes(g)) throw new UsageError(`--groups takes ${GROUPS.join(', ')}; not "${g}"`);
  if (format !== 'text' && format !== 'json' && format !== 'classroom') throw new UsageError(`--format must be text, json or classroom, not "${format}"`);
  const jobCount = jobs === undefined ? undefined : Number(jobs);
  if (jobCount !== undefined && !(Number.isInteger(jobCount) && jobCount > 0)) throw new UsageError(`--jobs must be a whole number above 0, not "${jobs}"`);
  return {
    positionals: parsed.positionals,
    flags: { format, out, advisory: advisory ?? [], jobs: jobCount, seed: seedNumber, groups: groupList, help: help ?? false },
  };
}

/** npm runs scripts in the project folder; a relative path means the user's own folder. */
export function userPath(p: string): string {
  const base = process.env.INIT_CWD ?? process.cwd();
  return p.startsWith('/') ? p : `${base.replace(/\/$/, '')}/${p}`;
}
