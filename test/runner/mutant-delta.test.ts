// Mutants stored as deltas on a solution: compacting drops only what the base gives back,
// the whole mutant graded is the base with the mutant laid over it, and the bug reads as a diff.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadFixtures } from '../../harness/runner/fixtures.js';
import { compactMutant, mutantDiff, submissionFiles, writeWholeMutant } from '../../harness/runner/mutant-delta.js';

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

describe('mutants as deltas', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'delta-test-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('compacting names the solution sharing most files and keeps only the files that differ; laid over it, the mutant is whole again', () => {
    const near = path.join(tmp, 'solutions', 'near');
    const far = path.join(tmp, 'solutions', 'far');
    const stored = path.join(tmp, 'mutants', 'one-recv');
    write(near, { 't/server.py': 'good server\n', 't/client.py': 'client\n' });
    write(far, { 't/server.py': 'other server\n', 't/client.py': 'other client\n' });
    write(stored, { 't/server.py': 'buggy server\n', 't/client.py': 'client\n', 'mutant.json': '{"bug": "one recv", "killedBy": ["pieces"]}\n' });
    const solutions = [
      { name: 'far', dir: far },
      { name: 'near', dir: near },
    ];
    expect(compactMutant(stored, solutions)).to.equal('near');
    expect(submissionFiles(stored)).to.deep.equal(['t/server.py']);
    expect(JSON.parse(readFileSync(path.join(stored, 'mutant.json'), 'utf8'))).to.deep.equal({ bug: 'one recv', base: 'near', killedBy: ['pieces'] });
    // Again: nothing more to drop, the same base.
    expect(compactMutant(stored, solutions)).to.equal('near');
    const whole = path.join(tmp, 'whole');
    writeWholeMutant(stored, near, whole);
    expect(submissionFiles(whole)).to.deep.equal(['t/client.py', 't/server.py']);
    expect(readFileSync(path.join(whole, 't/server.py'), 'utf8')).to.equal('buggy server\n');
    expect(mutantDiff(stored, near, 'near'))
      .to.include('--- near/t/server.py')
      .and.include('-good server')
      .and.include('+buggy server');
  });

  it('a solution with a file the mutant lacks is no base: laying it under would add a program', () => {
    const full = path.join(tmp, 'solutions', 'full');
    const stored = path.join(tmp, 'mutants', 'no-client');
    write(full, { 't/server.py': 'server\n', 't/client.py': 'client\n' });
    write(stored, { 't/server.py': 'server\n', 'mutant.json': '{"bug": "no client", "killedBy": ["client"]}\n' });
    expect(compactMutant(stored, [{ name: 'full', dir: full }])).to.equal(undefined);
    expect(submissionFiles(stored)).to.deep.equal(['t/server.py']);
  });

  it("the catalog's mutants with a base are graded whole: every file of the base is there", () => {
    for (const task of ['task3b', 'chat', 'stock6']) {
      for (const m of loadFixtures(task).mutants.filter((x) => x.base)) {
        const files = submissionFiles(m.dir);
        for (const rel of submissionFiles(m.base?.dir ?? '')) expect(files, `${task}/${m.name}`).to.include(rel);
        for (const rel of submissionFiles(m.stored)) expect(readFileSync(path.join(m.dir, rel), 'utf8')).to.equal(readFileSync(path.join(m.stored, rel), 'utf8'));
      }
    }
  });
});
