// A program as a spec sees it waits as long as its run's deadlines say (the test context
// hands them over), not as long as a constant of the harness says.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { StudentFailure } from '../../harness/core/failures.js';
import { Deadlines } from '../../harness/core/time.js';
import { Transcript } from '../../harness/core/transcript.js';
import { ProgramUnderTest } from '../../harness/dsl/program-under-test.js';
import { killLiveProgramsOnSignals } from '../../harness/process/live-programs.js';
import { RunningProgram } from '../../harness/process/program.js';
import { studentEnv } from '../../harness/process/student-env.js';
import { PROGRAM_WAIT_MS } from '../limits.js';

// A test run stopped by Ctrl+C or a CI timeout must not leave these programs behind.
killLiveProgramsOnSignals();

describe("the run's deadlines", function () {
  this.timeout(PROGRAM_WAIT_MS);

  it('a scale multiplies each deadline', () => {
    const d = new Deadlines(0.5);
    expect([d.reply, d.startup, d.scaled(2000)]).to.deep.equal([1500, 5000, 1000]);
    expect(new Deadlines().reply).to.equal(3000);
  });

  it("are how long a program's own waits last when the spec names no time", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deadlines-test-'));
    const program = new RunningProgram(
      { file: 'inline', command: 'python3', args: ['-c', 'import time; time.sleep(60)'] },
      { cwd: dir, env: studentEnv(dir, {}), actor: 'client', transcript: new Transcript() },
    );
    try {
      const client = new ProgramUnderTest(program, dir, dir, new Deadlines(0.1));
      const failure = await client.expectExit().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).to.be.instanceOf(StudentFailure);
      // 3 s times the run's 0.1.
      expect((failure as StudentFailure).details.actual).to.include('after 0.3 s');
    } finally {
      await program.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
