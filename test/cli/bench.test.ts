// `npm run bench` keeps its shape: the figures the README quotes, the floor they are
// measured against, and each target with whether it is met. A small run: one task, the one
// with the fewest tests and mutants (task3b), and a class of two: every part of the bench
// runs and every figure is computed, over repeats where it has a median and a max.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { MANY_GRADINGS_MS } from '../limits.js';
import { root, runCli } from './run-cli.js';

describe('bench', function () {
  // A small bench runs ~20 gradings and 3 class runs: ~20 s alone, a minute or more beside the other tests.
  // It checks the figures' shape only; a figure measured on a busy machine is no failure.
  this.timeout(MANY_GRADINGS_MS);

  it('writes the figures, the floor, the class speed-up and the targets to --out as JSON', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
    try {
      const out = path.join(tmp, 'bench.json');
      const r = await runCli('bench', ['--tasks', 'task3b', '--class-task', 'task3b', '--class-size', '2', '--repeat', '2', '--no-validate', '--out', out]);
      expect(r.exitCode, r.stderr).to.equal(0);
      const json = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown> & {
        catalog: { tests: number; programsStarted: Record<string, number>; floorSeconds: number };
        targets: Array<{ figure: string; met: boolean }>;
      };
      for (const figure of [
        'ratioToFloor',
        'catalogSeconds',
        'slowestTaskSeconds',
        'medianTaskSeconds',
        'medianTaskFloorSeconds',
        'emptySubmissionSeconds',
        'hangingSubmissionSeconds',
        'classSpeedup',
        'mutantClassSeconds',
        'mutantClassFloorSeconds',
        'mutantClassRatio',
        'slowestMutantSeconds',
        'workerPeakMiB',
      ]) {
        expect(json[figure], figure).to.be.a('number').and.greaterThan(0);
      }
      expect(json.validateSeconds).to.equal(null);
      expect(json.catalog.tests).to.be.greaterThan(5);
      // The reference's programs were counted, and the floor started as many.
      expect(Object.values(json.catalog.programsStarted).reduce((a, b) => a + b, 0)).to.be.greaterThan(5);
      expect(json.catalog.floorSeconds).to.be.greaterThan(0);
      // slowestTaskSeconds is the slowest task graded alone; inside the catalog run is shown beside it.
      const perTask = (json.catalog as unknown as { perTask: Array<{ task: string; seconds: number; maxSeconds: number; floorSeconds: number; inCatalogSeconds: number }> }).perTask;
      expect(perTask.map((t) => t.task)).to.deep.equal(['task3b']);
      expect(perTask[0].seconds).to.equal(json.slowestTaskSeconds).and.equal(json.medianTaskSeconds);
      expect(perTask[0].maxSeconds).to.be.at.least(perTask[0].seconds);
      // The task's own floor: the programs its grading alone started, doing nothing.
      expect(perTask[0].floorSeconds).to.be.greaterThan(0).and.equal(json.medianTaskFloorSeconds);
      // The class speed-up's baseline has no parallelism at all: one grading, one test at a time.
      const cls = json.class as { serialSeconds: number; oneAtATimeSeconds: number; parallelSeconds: number };
      expect(cls.serialSeconds).to.be.greaterThan(0);
      expect(json.classSpeedup).to.be.closeTo(cls.serialSeconds / cls.parallelSeconds, 0.02);
      // Every mutant of task3b was graded as a class; the slowest names its mutant.
      const mutants = json.mutantClass as { gradings: number; p50Seconds: number; p95Seconds: number; slowest: { task: string; mutant: string; seconds: number } };
      expect(mutants.gradings).to.equal(readdirSync(path.join(root, 'specs', 'task3b', 'mutants')).length);
      expect(mutants.p95Seconds).to.be.at.least(mutants.p50Seconds);
      expect(mutants.slowest.task).to.equal('task3b');
      expect(mutants.slowest.seconds).to.equal(json.slowestMutantSeconds);
      // A grading worker is a Node process: tens of MiB, not zero, not gigabytes.
      expect(json.workerPeakMiB).to.be.within(10, 2000);
      expect(perTask[0].inCatalogSeconds).to.be.greaterThan(0);
      expect(json.targets.map((t) => t.figure)).to.include.members(['ratioToFloor', 'catalogSeconds', 'classSpeedup']);
      expect(r.stdout).to.match(/^\| ratioToFloor \| [\d.]+ \| at most 1\.2 \| (yes|NO) \|$/m);
      expect(r.stdout).to.match(/^\| workerPeakMiB \| [\d.]+ \| under 200 MiB \| (yes|NO) \|$/m);
      expect(r.leftovers).to.deep.equal([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
