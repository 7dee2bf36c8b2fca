// The harness stays layered (test/lint/import-graph.ts names the layers): a module that
// imports upward, or a new import cycle, fails here in a second, with the import to move.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { root } from '../cli/run-cli.js';
import { type ImportGraph, importCycles, importsOf, layerViolations, readImportGraph, specsPastTheDsl, specsReachingTheProcess } from './import-graph.js';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('lint: the harness imports downward only, without cycles', () => {
  const harness = readImportGraph(path.join(root, 'harness'));

  it('reads the harness: every layer, and the imports between them', () => {
    expect(harness.size, 'modules read under harness/').to.be.greaterThan(50);
    expect(harness.get('net/connection.ts'), 'the imports of net/connection.ts').to.include('core/inbox.ts');
    expect(harness.get('cli/grade-target.ts'), 'the imports of cli/grade-target.ts').to.include('runner/grade-task.ts');
  });

  it('no module imports a layer above its own, or one beside it', () => {
    expect(layerViolations(harness)).to.deep.equal([]);
  });

  it('no modules import one another in a cycle', () => {
    expect(importCycles(harness)).to.deep.equal([]);
  });

  it('reads every form of import: named, type-only, re-exported, bare, dynamic', () => {
    const source = [
      "import { a } from '../core/a.js';",
      "import type { B } from './b.js';",
      "export { c } from '../process/c.js';",
      "export type { D } from './d.js';",
      "import '../sandbox/e.js';",
      "const f = await import('../net/f.js');",
      "import { execa } from 'execa';",
      "import path from 'node:path';",
    ].join('\n');
    expect(importsOf('dsl/x.ts', source)).to.have.members(['core/a.ts', 'dsl/b.ts', 'process/c.ts', 'dsl/d.ts', 'sandbox/e.ts', 'net/f.ts']);
  });

  it('catches an upward import, an import beside its layer, and a cycle', () => {
    const graph = graphOf({
      'core/a.ts': ['cli/errors.ts'],
      'net/b.ts': ['submission/c.ts'],
      'submission/c.ts': ['process/d.ts'],
      'process/d.ts': ['process/e.ts'],
      'process/e.ts': ['process/d.ts'],
      'cli/errors.ts': [],
    });
    expect(layerViolations(graph)).to.deep.equal([
      'core/a.ts → cli/errors.ts (core may not import cli, a layer above it)',
      'net/b.ts → submission/c.ts (net and submission sit side by side and import neither)',
    ]);
    expect(importCycles(graph)).to.deep.equal(['process/d.ts, process/e.ts']);
  });

  it('names a folder no layer holds, so a new one is placed on purpose', () => {
    expect(() => layerViolations(graphOf({ 'core/a.ts': ['widgets/b.ts'] }))).to.throw('harness/widgets is in no layer');
  });
});

describe('lint: the specs are written in the DSL alone', () => {
  const specsDir = path.join(root, 'specs');
  const specs = readImportGraph(specsDir);
  const sources = new Map<string, string>();
  for (const entry of readdirSync(specsDir, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.ts')) sources.set(entry.split(path.sep).join('/'), readFileSync(path.join(specsDir, entry), 'utf8'));
  }

  it("reads the specs: the task specs, specs/lib and task8's own modules", () => {
    expect(specs.get('task8.spec.ts'), 'the imports of specs/task8.spec.ts').to.include('../harness/index.ts');
    expect(specs.has('lib/message-checks.ts'), 'specs/lib/message-checks.ts read').to.equal(true);
    expect(specs.has('task8/wire.ts'), 'specs/task8/wire.ts read').to.equal(true);
  });

  it('no spec imports a module of the harness other than harness/index.ts', () => {
    expect(specsPastTheDsl(specs)).to.deep.equal([]);
  });

  it('no spec reaches the process behind a program (program.printed(), .exitsWithin(), … are the verbs)', () => {
    expect(specsReachingTheProcess(sources)).to.deep.equal([]);
  });

  it("catches an import past the DSL, and a program's process reached", () => {
    const graph = graphOf({ 'x.spec.ts': ['../harness/index.ts', '../harness/core/time.ts', 'lib/y.ts'], 'lib/y.ts': ['../harness/process/process-tree.ts'] });
    expect(specsPastTheDsl(graph)).to.deep.equal([
      'specs/x.spec.ts → harness/core/time.ts (import it from harness/index.ts)',
      'specs/lib/y.ts → harness/process/process-tree.ts (import it from harness/index.ts)',
    ]);
    const source = ['const out = server.process.stdout;', "const env = process.env['X'];", 'await clients[1].process.kill();'].join('\n');
    expect(specsReachingTheProcess(new Map([['x.spec.ts', source]]))).to.deep.equal(['specs/x.spec.ts:1: const out = server.process.stdout;', 'specs/x.spec.ts:3: await clients[1].process.kill();']);
  });
});
