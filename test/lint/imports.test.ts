// The harness stays layered (test/lint/import-graph.ts names the layers): a module that
// imports upward, or a new import cycle, fails here in a second, with the import to move.

import path from 'node:path';
import { expect } from 'chai';
import { root } from '../cli/run-cli.js';
import { type ImportGraph, importCycles, importsOf, layerViolations, readImportGraph } from './import-graph.js';

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
    expect(importsOf('spec/x.ts', source)).to.have.members(['core/a.ts', 'spec/b.ts', 'process/c.ts', 'spec/d.ts', 'sandbox/e.ts', 'net/f.ts']);
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
