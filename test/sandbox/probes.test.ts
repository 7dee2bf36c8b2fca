// The CLI's probes of the machine (namespaces, python) run side by side, once per process.

import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import { findIsolation, isolation } from '../../harness/sandbox/isolation.js';
import { findGraderPython, graderPython } from '../../harness/sandbox/python.js';

describe("the CLI's probes", () => {
  it('find the isolation mode and the python once, the same answer however asked', async () => {
    const [first, python] = await Promise.all([findIsolation(), findGraderPython()]);
    expect(await findIsolation()).to.equal(first);
    expect(isolation()).to.equal(first);
    expect(first.mode).to.be.oneOf(['root', 'userns', 'none']);
    expect(await findGraderPython()).to.equal(python);
    expect(graderPython()).to.equal(python);
    // The real python3 behind any shim: it says it is itself.
    expect(execFileSync(python, ['-I', '-S', '-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()).to.equal(python);
  });
});
