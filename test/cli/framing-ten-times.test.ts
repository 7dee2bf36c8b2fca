// A pair of a course without newlines (test/fixtures/framing-bare), graded ten times, two at
// a time as a class run overlaps gradings: one verdict every time (issue 18). A file of its
// own so that npm test runs it beside framing.test.ts.

import { expect } from 'chai';
import { FEW_GRADINGS_MS, MANY_GRADINGS_MS } from '../limits.js';
import { gradeJson, isolated, notPassed, VERDICTS, why } from './framing-cases.js';
import { fixture } from './run-cli.js';

describe('a course without newlines, ten times', function () {
  this.timeout(FEW_GRADINGS_MS);

  before(function () {
    if (!isolated) this.skip(); // the framing is learned from a server of its own, in a network of its own
  });

  for (const task of ['stock1', 'chat', 'echo']) {
    it(`grades the ${task} pair ten times with one verdict`, async function () {
      this.timeout(MANY_GRADINGS_MS);
      const verdicts: Array<{ verdict: string[]; why: string }> = [];
      // Two at a time, as a class run overlaps gradings, on a busy machine.
      for (let round = 0; round < 5; round++) {
        const reports = await Promise.all([gradeJson(task, fixture('framing-bare')), gradeJson(task, fixture('framing-bare'))]);
        for (const r of reports) verdicts.push({ verdict: [...notPassed(r), JSON.stringify(r.dialect)], why: why(r) });
      }
      // A verdict that differs says which grading and why its tests failed.
      for (const [i, v] of verdicts.entries()) expect(v.verdict, `grading ${i + 1} of 10:\n${v.why}`).to.deep.equal([...VERDICTS[task].lost, JSON.stringify(VERDICTS[task].dialect)]);
    });
  }
});
