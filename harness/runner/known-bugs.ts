// The failing tests of each known mutant of a task, for matching a class's failures to
// known bugs (report/nearest-bug.ts). Nothing records them, so each mutant is graded
// once and the result kept in the output folder, under a hash of the spec and of the
// mutants' files: the next class run reads it back, a changed spec or mutant grades again.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compiledSpec, projectRoot } from '../core/paths.js';
import { failingTests, type KnownBug } from '../report/nearest-bug.js';
import { answersPresent, loadFixtures, type MutantInfo } from './fixtures.js';
import { type ClassResult, gradeClass } from './grade-class.js';
import type { WaitSettings } from './worker-protocol.js';

export interface KnownBugs {
  bugs: KnownBug[];
  /** Why there are none to match against (no mutants in this installation), when so. */
  missing?: string;
  /** Whether they came from the cache rather than a grading. */
  cached: boolean;
}

interface CacheFile {
  key: string;
  bugs: KnownBug[];
}

/** Every file under `dir`, as its path and content, in a stable order. */
function hashFolder(hash: ReturnType<typeof createHash>, dir: string, rel = ''): void {
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = path.join(rel, e.name);
    if (e.name === '__pycache__') continue;
    if (e.isDirectory()) hashFolder(hash, dir, child);
    else if (e.isFile())
      hash
        .update(`${child}\0`)
        .update(readFileSync(path.join(dir, child)))
        .update('\0');
  }
}

/** The spec, the checks it shares with other specs, the grader's version and the mutants: what their failing tests depend on. */
function cacheKey(task: string, mutants: readonly MutantInfo[]): string {
  const hash = createHash('sha256')
    .update(readFileSync(path.join(projectRoot, 'package.json')))
    .update(readFileSync(compiledSpec(task)));
  const lib = path.join(path.dirname(compiledSpec(task)), 'lib');
  if (existsSync(lib)) hashFolder(hash, lib);
  for (const m of mutants) {
    hash.update(`mutant ${m.name}\0`);
    hashFolder(hash, m.dir);
  }
  return hash.digest('hex');
}

export interface KnownBugsOptions {
  jobs: number;
  seed: number;
  /** How the run's waits go (`--time-scale`, SOCKET_GRADER_STALLS); DEFAULT_WAITS when absent. */
  waits?: WaitSettings;
  /** Where the graded sets are kept between runs. */
  cacheDir: string;
  /** Called before the mutants are graded (not when the cache holds them), with their count. */
  onStart?: (count: number) => void;
  onResult?: (result: ClassResult) => void;
}

export async function knownBugs(task: string, opts: KnownBugsOptions): Promise<KnownBugs> {
  if (!answersPresent()) return { bugs: [], missing: "this installation holds no mutants (the npm package leaves them out): run class from the grader's repository", cached: false };
  const mutants = loadFixtures(task).mutants;
  if (mutants.length === 0) return { bugs: [], missing: `${task} has no known mutants`, cached: false };
  const key = cacheKey(task, mutants);
  const file = path.join(opts.cacheDir, 'known-bugs', `${task}.json`);
  if (existsSync(file)) {
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (kept.key === key) return { bugs: kept.bugs, cached: true };
    } catch {
      // A broken cache is graded again.
    }
  }
  opts.onStart?.(mutants.length);
  const results = await gradeClass(
    mutants.map((m) => ({ name: m.name, dir: m.dir })),
    [task],
    { jobs: opts.jobs, seed: opts.seed, waits: opts.waits, onResult: opts.onResult },
  );
  const bugs = results.filter((r) => !r.error).map((r): KnownBug => ({ name: r.student, bug: mutants.find((m) => m.name === r.student)?.bug ?? r.student, failing: failingTests(r.report) }));
  mkdirSync(path.dirname(file), { recursive: true });
  // A mutant whose grading broke is left out, and graded again next time.
  if (bugs.length === mutants.length) writeFileSync(file, `${JSON.stringify({ key, bugs } satisfies CacheFile, null, 2)}\n`);
  return { bugs, cached: false };
}
