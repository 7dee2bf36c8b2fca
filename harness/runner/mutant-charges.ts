// One bug, one charge: from a mutant's full grading, the tests it lost, by group. A mutant
// that loses tests of more than one group is charged twice for one bug unless the bug
// really breaks both (a server that never starts fails everything); its mutant.json then
// says why, in `crossGroups`. validate --matrix fails a cross-group mutant without one.

import type { TaskReport, TestResult } from '../report/types.js';

/** What one mutant lost: the tests that cost it points, by group. */
export interface MutantCharges {
  mutant: string;
  /** group → titles of the tests it lost there, in the report's order. */
  lost: Record<string, string[]>;
  /** Groups in which it lost tests, in the report's order. */
  groups: string[];
  /** Its mutant.json's reason for losing tests of several groups, if it gives one. */
  crossGroups?: string;
  /** It loses tests of several groups and gives no reason: one bug charged twice. */
  unexplained: boolean;
  /** It gives a reason, but loses tests of one group at most: the reason is stale. */
  staleReason: boolean;
  /** Groups where it lost more than one test: maybe one bug charged twice in one group (shown, not failed). */
  severalInOneGroup: string[];
}

/**
 * A test charges the bug when it failed. A skipped one was not played: most mutants hold
 * only the program with the bug, and every test of the other program is skipped (its
 * program is missing); a grader error is ours; advisory tests cost nothing.
 */
function charged(t: TestResult): boolean {
  return !t.advisory && t.status === 'failed';
}

export function mutantCharges(mutant: string, report: TaskReport, crossGroups?: string): MutantCharges {
  const lost: Record<string, string[]> = {};
  for (const t of report.tests.filter(charged)) lost[t.group] = [...(lost[t.group] ?? []), t.name];
  const groups = Object.keys(lost);
  const reason = crossGroups?.trim() ? crossGroups.trim() : undefined;
  return {
    mutant,
    lost,
    groups,
    ...(reason ? { crossGroups: reason } : {}),
    unexplained: groups.length > 1 && !reason,
    staleReason: groups.length <= 1 && reason !== undefined,
    severalInOneGroup: groups.filter((g) => lost[g].length > 1),
  };
}

/** Lines for validate's text output: one per cross-group mutant, and notes for the rest. */
export interface ChargeLine {
  /** 'bad' fails validate; 'note' is shown for the author to judge. */
  kind: 'good' | 'bad' | 'note';
  text: string;
}

export function chargeLines(task: string, charges: MutantCharges[]): ChargeLine[] {
  const out: ChargeLine[] = [];
  const byGroup = (c: MutantCharges): string => c.groups.map((g) => `${g}: ${c.lost[g].map((n) => `"${n}"`).join(', ')}`).join('; ');
  for (const c of charges) {
    if (c.groups.length > 1) {
      const head = `${task.padEnd(10)} ${`cross-group ${c.mutant}`.padEnd(34)}`;
      out.push(
        c.unexplained
          ? { kind: 'bad', text: `${head} loses tests of ${c.groups.length} groups with no "crossGroups" reason in its mutant.json (${byGroup(c)})` }
          : { kind: 'good', text: `${head} loses ${c.groups.join(' and ')}: ${c.crossGroups}` },
      );
    } else if (c.staleReason) {
      out.push({
        kind: 'note',
        text: `${task.padEnd(10)} ${`note ${c.mutant}`.padEnd(34)} its "crossGroups" reason is stale: it loses tests of ${c.groups.length === 0 ? 'no group' : `one group (${c.groups[0]})`}`,
      });
    }
    for (const g of c.severalInOneGroup)
      if (c.groups.length === 1)
        out.push({ kind: 'note', text: `${task.padEnd(10)} ${`note ${c.mutant}`.padEnd(34)} loses ${c.lost[g].length} tests of ${g}: ${c.lost[g].map((n) => `"${n}"`).join(', ')}` });
  }
  return out;
}
