// The submissions validate grades for a task: the reference, known-buggy mutants (each
// says which test must catch its bug) and known-good student-style solutions.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureDir, referenceDir } from '../core/paths.js';
import { MUTANT_FILE, wholeMutantDir } from './mutant-delta.js';

export interface MutantInfo {
  name: string;
  /** The whole submission to grade: the base's files with the mutant's over them. */
  dir: string;
  /** The folder as stored: only the files that differ from its base. */
  stored: string;
  /** The solution it was made from, whose files it shares; undefined when stored whole. */
  base?: { name: string; dir: string };
  /** The bug, as a student would have written it. */
  bug: string;
  /** Titles (or parts of titles) of the tests that must fail on this mutant. */
  killedBy: string[];
  /** When true, the tests named by killedBy must be the only ones that fail (a sequential server fails exactly the concurrency tests). */
  exactly: boolean;
  /** Why the bug really breaks tests of more than one group (validate --matrix fails a cross-group mutant without it). */
  crossGroups?: string;
}

/**
 * A correct student-style submission. Without `solution.json` it must pass every test;
 * with one it speaks its own wire format (`wire`) and must pass only `groups` (usually
 * `end-to-end`); with validate --full the other groups are reported for information.
 */
export interface SolutionInfo {
  name: string;
  dir: string;
  /** The groups it must pass in full; undefined: every group. */
  groups?: string[];
  /** The format it speaks between its own client and server, when not the page's. */
  wire?: string;
}

export interface Fixtures {
  reference: string;
  mutants: MutantInfo[];
  solutions: SolutionInfo[];
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * Whether the answers are here: the repository holds them, the npm package (what a
 * student's workflow installs) leaves them out, so validate and bench run in a clone only.
 */
export function answersPresent(): boolean {
  return existsSync(referenceDir);
}

export const NO_ANSWERS = "needs the grader's repository: the npm package leaves out the answers (reference/, specs/<task>/solutions and mutants); run it in a clone";

export function loadFixtures(task: string): Fixtures {
  const mutantsDir = fixtureDir(task, 'mutants');
  const solutionsDir = fixtureDir(task, 'solutions');
  return {
    reference: referenceDir,
    mutants: subfolders(mutantsDir).map((name) => {
      const stored = path.join(mutantsDir, name);
      const file = path.join(stored, MUTANT_FILE);
      const meta = JSON.parse(readFileSync(file, 'utf8')) as { bug: string; base?: string; killedBy: string[]; exactly?: boolean; crossGroups?: unknown };
      if (meta.crossGroups !== undefined && (typeof meta.crossGroups !== 'string' || meta.crossGroups.trim() === ''))
        throw new Error(`${file}: "crossGroups" must say, in a sentence, why the bug breaks tests of several groups`);
      const base = meta.base === undefined ? undefined : { name: meta.base, dir: path.join(solutionsDir, meta.base) };
      if (base && !existsSync(base.dir)) throw new Error(`${file}: its base "${meta.base}" is not a solution of ${task}`);
      return {
        name,
        dir: wholeMutantDir(task, name, stored, base?.dir),
        stored,
        base,
        bug: meta.bug,
        killedBy: meta.killedBy,
        exactly: meta.exactly === true,
        ...(meta.crossGroups ? { crossGroups: meta.crossGroups } : {}),
      };
    }),
    solutions: subfolders(solutionsDir).map((name) => loadSolution(path.join(solutionsDir, name), name)),
  };
}

const GROUPS = ['server', 'client', 'end-to-end', 'robustness'];

function loadSolution(dir: string, name: string): SolutionInfo {
  const metaFile = path.join(dir, 'solution.json');
  if (!existsSync(metaFile)) return { name, dir };
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { groups?: unknown; wire?: unknown };
  const groups = meta.groups;
  if (!Array.isArray(groups) || groups.length === 0 || !groups.every((g) => typeof g === 'string' && GROUPS.includes(g))) {
    throw new Error(`${metaFile}: "groups" must list some of ${GROUPS.join(', ')}`);
  }
  if (typeof meta.wire !== 'string' || meta.wire.trim() === '') throw new Error(`${metaFile}: "wire" must say, in one line, the format the pair speaks`);
  return { name, dir, groups: groups as string[], wire: meta.wire };
}
