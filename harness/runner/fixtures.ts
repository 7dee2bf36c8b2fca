// The submissions validate grades for a task: the reference, known-buggy mutants (each
// says which test must catch its bug) and known-good student-style solutions.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixtureDir, referenceDir } from '../core/paths.js';

export interface MutantInfo {
  name: string;
  dir: string;
  /** The bug, as a student would have written it. */
  bug: string;
  /** Titles (or parts of titles) of the tests that must fail on this mutant. */
  killedBy: string[];
  /** When true, the tests named by killedBy must be the only ones that fail (a sequential server fails exactly the concurrency tests). */
  exactly: boolean;
}

export interface Fixtures {
  reference: string;
  mutants: MutantInfo[];
  solutions: Array<{ name: string; dir: string }>;
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function loadFixtures(task: string): Fixtures {
  const mutantsDir = fixtureDir(task, 'mutants');
  const solutionsDir = fixtureDir(task, 'solutions');
  return {
    reference: referenceDir,
    mutants: subfolders(mutantsDir).map((name) => {
      const dir = path.join(mutantsDir, name);
      const meta = JSON.parse(readFileSync(path.join(dir, 'mutant.json'), 'utf8')) as { bug: string; killedBy: string[]; exactly?: boolean };
      return { name, dir, bug: meta.bug, killedBy: meta.killedBy, exactly: meta.exactly === true };
    }),
    solutions: subfolders(solutionsDir).map((name) => ({ name, dir: path.join(solutionsDir, name) })),
  };
}
