// A mocha reporter that builds TestResults instead of printing. Every test the run's grep
// selects is listed at the start as "did not run", so a failed hook cannot make tests vanish.

import Mocha from 'mocha';
import { graderFailed } from '../core/failures.js';
import type { GradedTest } from '../dsl/dsl.js';
import type { TestResult } from '../report/types.js';

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_HOOK_END } = Mocha.Runner.constants;

function allTests(suite: Mocha.Suite): GradedTest[] {
  return [...(suite.tests as GradedTest[]), ...suite.suites.flatMap(allTests)];
}

function isStudentError(err: Error): boolean {
  // Spec assertions (chai) about a student's output are the student's failures too.
  return err.name === 'StudentFailure' || err.name === 'AssertionError';
}

export class GradeReporter extends Mocha.reporters.Base {
  private readonly results = new Map<GradedTest, TestResult>();

  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    // Where the results go when the run ends (see grade-worker.ts).
    const onResults = (options.reporterOptions as { onResults?: (results: TestResult[]) => void } | undefined)?.onResults;
    // The groups and tests a grading asked for (grade-worker.ts): the only filter of a run's results.
    const grep = options.grep instanceof RegExp ? options.grep : undefined;
    runner.on(EVENT_RUN_BEGIN, () => {
      for (const test of allTests(runner.suite)) {
        if (grep && !grep.test(test.fullTitle())) continue;
        this.results.set(test, {
          name: test.title,
          group: test.grading?.group ?? test.parent?.title ?? '',
          status: 'skipped',
          points: 0,
          maxPoints: test.grading?.points ?? 0,
          message: 'did not run',
          durationMs: 0,
          transcript: [],
        });
      }
    });
    runner.on(EVENT_TEST_PASS, (test: GradedTest) => this.settle(test, 'passed'));
    runner.on(EVENT_TEST_PENDING, (test: GradedTest) => this.settle(test, 'skipped', `skipped: ${test.grading?.skipReason ?? 'not run'}`));
    runner.on(EVENT_TEST_FAIL, (runnable: Mocha.Runnable, err: Error) => {
      const test = runnable as GradedTest;
      if ((runnable as Mocha.Runnable & { type?: string }).type === 'hook') {
        // A hook failed: the tests it guarded keep "did not run", with the reason.
        for (const t of allTests(test.parent ?? runner.suite)) {
          const r = this.results.get(t);
          if (r && r.message === 'did not run') r.message = `did not run: setup failed: ${err.message}`;
        }
        return;
      }
      if (isStudentError(err)) this.settle(test, 'failed', err.message);
      else this.settle(test, 'error', graderFailed(err.stack ?? err.message));
    });
    runner.on(EVENT_HOOK_END, () => undefined);
    runner.once(EVENT_RUN_END, () => {
      onResults?.([...this.results.values()]);
    });
  }

  private settle(test: GradedTest, status: TestResult['status'], message?: string): void {
    const r = this.results.get(test);
    if (!r) return;
    r.status = status;
    r.points = status === 'passed' ? r.maxPoints : 0;
    r.message = message;
    r.durationMs = test.grading?.durationMs ?? test.duration ?? 0;
    r.transcript = test.grading?.transcript ?? [];
  }
}
