// Command-line parsing shared by grade, validate and class: positionals and --flags.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { FORMATS, type ReportFormat as Format } from '../report/render.js';
import { UsageError } from './errors.js';

export interface CommonFlags {
  format: Format;
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

type ExtraOptions = NonNullable<ParseArgsConfig['options']>;

/** `extra` declares a command's own flags; their values come back in `extra`. */
export function parseCommon(argv: string[], extra: ExtraOptions = {}): { positionals: string[]; flags: CommonFlags; extra: Record<string, string | boolean | undefined> } {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
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
        ...extra,
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values } = parsed;
  const format = values.format as string;
  const jobs = values.jobs as string | undefined;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const jobCount = jobs === undefined ? undefined : Number(jobs);
  if (jobCount !== undefined && !(Number.isInteger(jobCount) && jobCount > 0)) throw new UsageError(`--jobs must be a whole number above 0, not "${jobs}"`);
  const seed = values.seed === undefined ? undefined : wholeNumber('seed', values.seed as string, 0);
  const groups = ((values.groups as string[] | undefined) ?? [])
    .flatMap((g) => g.split(','))
    .map((g) => g.trim())
    .filter(Boolean);
  for (const g of groups) if (!GROUPS.includes(g)) throw new UsageError(`--groups takes ${GROUPS.join(', ')}; not "${g}"`);
  const extraValues = Object.fromEntries(Object.keys(extra).map((k) => [k, values[k] as string | boolean | undefined]));
  return {
    positionals: parsed.positionals,
    flags: {
      format: format as Format,
      out: values.out as string | undefined,
      advisory: (values.advisory as string[] | undefined) ?? [],
      jobs: jobCount,
      seed,
      groups,
      help: (values.help as boolean | undefined) ?? false,
    },
    extra: extraValues,
  };
}

/** A whole number of at least `min`, from a flag's text. */
export function wholeNumber(flag: string, text: string | boolean | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be a whole number of at least ${min}, not "${String(text)}"`);
  return n;
}

/** npm runs scripts in the project folder; a relative path means the user's own folder. */
export function userPath(p: string): string {
  const base = process.env.INIT_CWD ?? process.cwd();
  return p.startsWith('/') ? p : `${base.replace(/\/$/, '')}/${p}`;
}
