// The run's time scale travels with each job to the worker, whose grading gives every wait
// its deadlines from it: no module reads it from the environment.

import { expect } from 'chai';
import { gradeTask } from '../../harness/runner/grade-task.js';
import { closeWorkers } from '../../harness/runner/worker-pool.js';
import { fixture } from '../cli/run-cli.js';
import { FEW_GRADINGS_MS } from '../limits.js';

/** The knob the CLI reads; the worker inherits the grader's environment, so it must not count there. */
const VARIABLE = 'SOCKET_GRADER_TIME_SCALE';

describe("a job's time scale", function () {
  this.timeout(FEW_GRADINGS_MS);

  let saved: string | undefined;
  before(async () => {
    saved = process.env[VARIABLE];
    // Workers started before this test would not see the variable: start fresh ones that do.
    await closeWorkers();
    process.env[VARIABLE] = '5';
  });
  after(async () => {
    await closeWorkers();
    if (saved === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = saved;
  });

  it("sets the startup deadline of the job's grading, whatever the worker's environment says", async () => {
    // A server busy in a loop never listens and never stalls: only the startup deadline ends its wait.
    const report = await gradeTask('task3b', fixture('busy-before-listening'), { seed: 1, groups: ['server'], waits: { timeScale: 0.2, watchStalls: true } });
    const [first] = report.tests;
    // 10 s times the job's 0.2; the environment's 5 would say 50 s, no scale at all 10 s.
    expect(first.message, JSON.stringify(first)).to.include('did not listen within 2.0 s');
    expect(first.durationMs).to.be.lessThan(10_000);
  });
});
