// Command-line parsing shared by grade, validate and class: positionals and --flags.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { FORMATS, type ReportFormat as Format } from '../report/render.js';
import type { WaitSettings } from '../runner/worker-protocol.js';
import { UsageError } from './errors.js';

export interface CommonFlags {
  format: Format;
  out?: string;
  advisory: string[];
  jobs?: number;
  /** How many tests of a task run side by side (1: one after another); the grader's default when absent. */
  testsAtOnce?: number;
  /** Replays the data of an earlier run. */
  seed?: number;
  /** Only these groups are graded and scored (all when empty). */
  groups: string[];
  /** Gradescope: groups whose tests students see only after the due date. */
  afterDue: string[];
  /** How the run's waits go: their deadlines' scale (`--time-scale`, else SOCKET_GRADER_TIME_SCALE, else 1), and whether a stall ends them (not with SOCKET_GRADER_STALLS=off). */
  waits: WaitSettings;
  help: boolean;
}

/** The user's knobs for the waits, read here alone: the run hands them on as its settings. A slow machine's scale: */
export const TIME_SCALE_VARIABLE = 'SOCKET_GRADER_TIME_SCALE';
/** `off`: every wait runs to its deadline, stalled programs or not (a check on a verdict). */
export const STALLS_VARIABLE = 'SOCKET_GRADER_STALLS';

const GROUPS = ['server', 'client', 'end-to-end', 'robustness'];

type ExtraOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Whether `--help` or `-h` is among the options (before a `--`): checked before anything
 * else is parsed, so asking for help never runs work nor fails on another flag.
 */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * Words left over after a command's positionals. npm takes the flags it knows before a
 * `--` for itself (`npm run grade chat sub --format json` runs `grade chat sub json`), so
 * a format's name or a number here most likely lost its flag on the way.
 */
export function strayArguments(command: string, kept: readonly string[], stray: readonly string[]): UsageError {
  const quoted = stray.map((w) => `"${w}"`).join(', ');
  const what = `unexpected argument${stray.length > 1 ? 's' : ''} ${quoted}`;
  const formats = stray.filter((w) => (FORMATS as readonly string[]).includes(w));
  if (formats.length > 0) {
    const rest = [...kept, ...stray.map((w) => (formats.includes(w) ? `--format ${w}` : w))].join(' ');
    return new UsageError(`${what}: did npm take --format for itself? write \`npm run ${command} -- ${rest}\` or \`npx socket-grader ${command} ${rest}\``);
  }
  const example = [...kept, '--out', 'FILE'].join(' ');
  return new UsageError(
    `${what}${kept.length > 0 ? ` after ${kept.join(' ')}` : ''}: if you ran \`npm run ${command}\` with flags, npm took them for itself; put -- before them (\`npm run ${command} -- ${example}\`) or use \`npx socket-grader ${command} …\``,
  );
}

/** `command`: named in the hint of an unknown option. `extra` declares a command's own flags; their values come back in `extra`. */
export function parseCommon(
  argv: string[],
  extra: ExtraOptions = {},
  command?: string,
  env: NodeJS.ProcessEnv = process.env,
): { positionals: string[]; flags: CommonFlags; extra: Record<string, string | boolean | undefined> } {
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
        'tests-at-once': { type: 'string' },
        seed: { type: 'string' },
        groups: { type: 'string', multiple: true, default: [] },
        'after-due': { type: 'string', multiple: true, default: [] },
        'time-scale': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...extra,
      },
    });
  } catch (e) {
    // node's own words for an unknown option talk of positionals; ours say where the options are listed.
    const unknown = /^Unknown option '([^']+)'/.exec((e as Error).message);
    const help = command ? `; \`socket-grader ${command} --help\` lists the options` : '';
    throw new UsageError(unknown ? `unknown option ${unknown[1]}${help}` : `${(e as Error).message}${help}`);
  }
  const { values } = parsed;
  const format = values.format as string;
  const jobs = values.jobs as string | undefined;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const jobCount = jobs === undefined ? undefined : Number(jobs);
  if (jobCount !== undefined && !(Number.isInteger(jobCount) && jobCount > 0)) throw new UsageError(`--jobs must be a whole number above 0, not "${jobs}"`);
  const testsAtOnce = values['tests-at-once'] === undefined ? undefined : wholeNumber('tests-at-once', values['tests-at-once'] as string, 1);
  const seed = values.seed === undefined ? undefined : wholeNumber('seed', values.seed as string, 0);
  const groups = groupList('groups', values.groups);
  const afterDue = groupList('after-due', values['after-due']);
  const timeScale = timeScaleOf(values['time-scale'] as string | undefined, env[TIME_SCALE_VARIABLE]);
  const extraValues = Object.fromEntries(Object.keys(extra).map((k) => [k, values[k] as string | boolean | undefined]));
  return {
    positionals: parsed.positionals,
    flags: {
      format: format as Format,
      out: values.out as string | undefined,
      advisory: (values.advisory as string[] | undefined) ?? [],
      jobs: jobCount,
      testsAtOnce,
      seed,
      groups,
      afterDue,
      waits: { timeScale, watchStalls: env[STALLS_VARIABLE] !== 'off' },
      help: (values.help as boolean | undefined) ?? false,
    },
    extra: extraValues,
  };
}

/** Group names from a repeatable, comma-separated flag, each one checked. */
function groupList(flag: string, value: unknown): string[] {
  const groups = ((value as string[] | undefined) ?? [])
    .flatMap((g) => g.split(','))
    .map((g) => g.trim())
    .filter(Boolean);
  for (const g of groups) if (!GROUPS.includes(g)) throw new UsageError(`--${flag} takes ${GROUPS.join(', ')}; not "${g}"`);
  return groups;
}

/**
 * The run's time scale: the flag's, else the variable's (unset or empty: none), else 1.
 * A positive number; anything else is refused, naming where it came from.
 */
export function timeScaleOf(flag: string | undefined, variable: string | undefined): number {
  const [text, source] = flag !== undefined ? [flag, '--time-scale'] : variable !== undefined && variable.trim() !== '' ? [variable, TIME_SCALE_VARIABLE] : [undefined, ''];
  if (text === undefined) return 1;
  const scale = Number(text);
  if (text.trim() === '' || !Number.isFinite(scale) || scale <= 0) throw new UsageError(`${source} must be a number above 0 (2 doubles every deadline), not "${text}"`);
  return scale;
}

/** The words of `--test TEXT`, as the runner takes them (a test runs when its title contains them, in any case); none without the flag. */
export function testWords(value: string | boolean | undefined): string[] {
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (text === '') throw new UsageError('--test needs some words of a test\'s title, e.g. --test "answers HELLO"');
  return [text];
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
