// Mutants stored as deltas on a solution: compacting drops only what the base gives back
// and keeps a bug of a few lines as a patch, the whole mutant graded is the base with the
// mutant laid over it, a patch its base no longer takes is refused, and the bug reads as a diff.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadFixtures } from '../../harness/runner/fixtures.js';
import { compactMutant, mutantDiff, PATCH_SUFFIX, patchedFile, StalePatchError, storedFiles, submissionFiles, writeWholeMutant } from '../../harness/runner/mutant-delta.js';

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
        const { whole, patched } = storedFiles(m.stored);
        for (const rel of whole) expect(readFileSync(path.join(m.dir, rel), 'utf8')).to.equal(readFileSync(path.join(m.stored, rel), 'utf8'));
        for (const rel of patched) expect(readFileSync(path.join(m.dir, rel), 'utf8')).to.equal(patchedFile(m.stored, m.base?.dir, rel));
      }
    }
  });

  /** A server of `n` numbered lines, the bug (if any) on line 10. */
  const server = (n: number, bug?: string): string =>
    Array.from({ length: n }, (_, i) => (i === 9 && bug !== undefined ? bug : `line_${i + 1} = ${i + 1}`))
      .join('\n')
      .concat('\n');

  it('a file differing from its base by a few lines is kept as a patch; laid over the base it is that file byte for byte, and --show still reads as the bug', () => {
    const base = path.join(tmp, 'task9', 'solutions', 'good');
    const stored = path.join(tmp, 'task9', 'mutants', 'one-recv');
    write(base, { 't/server.py': server(40), 't/client.py': server(30) });
    write(stored, { 't/server.py': server(40, 'data = conn.recv(1024)'), 't/client.py': server(30), 'mutant.json': '{"bug": "one recv", "base": "good", "killedBy": ["pieces"]}\n' });
    expect(compactMutant(stored, [{ name: 'good', dir: base }])).to.equal('good');
    expect(submissionFiles(stored)).to.deep.equal([`t/server.py${PATCH_SUFFIX}`]);
    const patch = readFileSync(path.join(stored, `t/server.py${PATCH_SUFFIX}`), 'utf8');
    expect(patch).to.match(/^--- a\/t\/server\.py\n\+\+\+ b\/t\/server\.py\n@@ /);
    expect(patch.split('\n').length).to.be.below(15);
    const whole = path.join(tmp, 'whole');
    writeWholeMutant(stored, base, whole);
    expect(submissionFiles(whole)).to.deep.equal(['t/client.py', 't/server.py']);
    expect(readFileSync(path.join(whole, 't/server.py'), 'utf8')).to.equal(server(40, 'data = conn.recv(1024)'));
    expect(mutantDiff(stored, base, 'good'))
      .to.include('--- good/t/server.py')
      .and.include('-line_10 = 10')
      .and.include('+data = conn.recv(1024)');
  });

  it('a rewrite stays whole: its patch would be no smaller than the file', () => {
    const base = path.join(tmp, 'task9', 'solutions', 'good');
    const stored = path.join(tmp, 'task9', 'mutants', 'rewrite');
    const rewritten = Array.from({ length: 20 }, (_, i) => `other_${i} = ${i}`)
      .join('\n')
      .concat('\n');
    write(base, { 't/server.py': server(20) });
    write(stored, { 't/server.py': rewritten, 'mutant.json': '{"bug": "rewrite", "base": "good", "killedBy": ["x"]}\n' });
    expect(compactMutant(stored, [{ name: 'good', dir: base }])).to.equal('good');
    expect(submissionFiles(stored)).to.deep.equal(['t/server.py']);
    expect(readFileSync(path.join(stored, 't/server.py'), 'utf8')).to.equal(rewritten);
  });

  it('a patch its base no longer takes is refused with the mutant named; a fix elsewhere in the base is taken', () => {
    const base = path.join(tmp, 'task9', 'solutions', 'good');
    const stored = path.join(tmp, 'task9', 'mutants', 'one-recv');
    write(base, { 't/server.py': server(40) });
    write(stored, { 't/server.py': server(40, 'data = conn.recv(1024)'), 'mutant.json': '{"bug": "one recv", "base": "good", "killedBy": ["pieces"]}\n' });
    compactMutant(stored, [{ name: 'good', dir: base }]);
    // A fix far from the bug (line 30): the patch still finds its place.
    write(base, { 't/server.py': server(40).replace('line_30 = 30', 'line_30 = 31') });
    writeWholeMutant(stored, base, path.join(tmp, 'whole-1'));
    expect(readFileSync(path.join(tmp, 'whole-1', 't/server.py'), 'utf8'))
      .to.include('data = conn.recv(1024)\n')
      .and.include('line_30 = 31');
    // A fix where the bug is (line 9, in the patch's context): refused, nothing half made.
    write(base, { 't/server.py': server(40).replace('line_9 = 9', 'line_9 = 90') });
    const dest = path.join(tmp, 'whole-2');
    expect(() => writeWholeMutant(stored, base, dest))
      .to.throw(StalePatchError)
      .with.property('message')
      .that.includes('mutant task9/one-recv')
      .and.includes('t/server.py.patch no longer applies');
    expect(submissionFiles(tmp)).to.not.include('whole-2/t/server.py');
  });
});
