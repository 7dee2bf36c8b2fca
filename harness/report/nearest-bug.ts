// Which known bug a failing submission looks like: the task's mutant whose failing tests
// are most alike its own (Jaccard: shared failures over all failures of the two). A
// student whose program fails exactly as "one recv() that reads only part of a line"
// does most likely made that mistake; the class's dashboard sums these up.

import type { TaskReport } from './types.js';

/** A mutant of the task and the tests it fails when graded. */
export interface KnownBug {
  name: string;
  /** Its mutant.json "bug": what is wrong, in one sentence. */
  bug: string;
  failing: string[];
}

export interface BugMatch {
  name: string;
  bug: string;
  /** Jaccard similarity of the two failing sets, 0 to 1. */
  likeness: number;
}

/** Below this a submission fails unlike any known bug: half its failures, or more, are its own. */
export const LIKE_AT_LEAST = 0.5;

/** The tests a report did not pass (failed, or skipped for a failure before them). */
export function failingTests(report: TaskReport): string[] {
  return report.tests.filter((t) => t.status === 'failed' || t.status === 'skipped').map((t) => t.name);
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 1;
  return a.filter((x) => setB.has(x)).length / union.size;
}

/** The known bug most like `failing`, when one is at least LIKE_AT_LEAST alike; nothing for a submission that fails nothing. */
export function nearestBug(failing: readonly string[], known: readonly KnownBug[]): BugMatch | undefined {
  if (failing.length === 0) return undefined;
  let best: BugMatch | undefined;
  for (const k of known) {
    if (k.failing.length === 0) continue;
    const likeness = jaccard(failing, k.failing);
    if (!best || likeness > best.likeness) best = { name: k.name, bug: k.bug, likeness };
  }
  return best && best.likeness >= LIKE_AT_LEAST ? best : undefined;
}
