// The harness's import graph, read from its TypeScript sources, and the two rules it must
// keep: no module imports a layer above its own, and no import cycle (type-only imports
// count: a cycle of types is still two modules that cannot be read apart).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The harness's layers, lowest first, as the code has them: a module imports its own
 * folder and the layers below. Folders on one line are side by side and import neither.
 * - core: waiting, failures, time, quoting; depends on nothing of ours
 * - process: running a program, its process tree, its limits, what it waits in
 * - sandbox: the per-test network and namespaces, isolation, the grader's python
 * - net, submission: talking to a program over sockets; finding a submission's programs
 * - spec: the DSL specs are written in (test context, programs under test, random data)
 * - index.ts: what a spec imports (the DSL's entry)
 * - report: a grading's results and their renderings
 * - runner: grading workers, the pool, a task's and a class's grading
 * - bench: the speed benchmark's parts
 * - cli: the commands
 */
export const LAYERS: readonly (readonly string[])[] = [['core'], ['process'], ['sandbox'], ['net', 'submission'], ['dsl'], ['index.ts'], ['report'], ['runner'], ['bench'], ['cli']];

/** Module (a path relative to harness/, e.g. "net/connection.ts") → the modules it imports. */
export type ImportGraph = Map<string, string[]>;

/** `import … from`, `export … from`, `import '…'` and `import('…')` of a relative path. */
const SPECIFIER = /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The relative imports of one source text, resolved against its module's path. */
export function importsOf(module: string, source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(SPECIFIER)) {
    const specifier = m[1] ?? m[2];
    found.add(path.posix.normalize(path.posix.join(path.posix.dirname(module), specifier)).replace(/\.js$/, '.ts'));
  }
  return [...found];
}

/** Every .ts module under `dir` (the harness folder) with its imports. */
export function readImportGraph(dir: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const module = entry.split(path.sep).join('/');
    graph.set(module, importsOf(module, readFileSync(path.join(dir, entry), 'utf8')));
  }
  return graph;
}

/** A module's layer: its top folder under harness/, or the file itself at the top. */
export function layerOf(module: string): string {
  return module.split('/')[0];
}

function rankOf(layer: string): number {
  const rank = LAYERS.findIndex((line) => line.includes(layer));
  if (rank < 0) throw new Error(`harness/${layer} is in no layer: add it to LAYERS (test/lint/import-graph.ts) where it belongs`);
  return rank;
}

/** Imports of a layer above the importer's, or beside it: "from → to (why)". */
export function layerViolations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [from, imports] of graph) {
    for (const to of imports) {
      const [a, b] = [layerOf(from), layerOf(to)];
      if (a === b) continue;
      const [ra, rb] = [rankOf(a), rankOf(b)];
      if (rb > ra) found.push(`${from} → ${to} (${a} may not import ${b}, a layer above it)`);
      else if (rb === ra) found.push(`${from} → ${to} (${a} and ${b} sit side by side and import neither)`);
    }
  }
  return found;
}

/** Every cycle of imports, each as the modules that import one another round it ("a.ts, b.ts"); none in a layered graph. */
export function importCycles(graph: ImportGraph): string[] {
  // Tarjan's strongly connected components: a component of more than one module (or one importing itself) is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort().join(', '));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The one module of the harness a spec may import: the DSL's entry. */
export const DSL_ENTRY = 'harness/index.ts';

/**
 * Imports by the specs (a graph read from specs/, so its paths are relative to specs/) of
 * anything under harness/ other than the DSL's entry: "from → to".
 */
export function specsPastTheDsl(specs: ImportGraph): string[] {
  const found: string[] = [];
  for (const [from, imports] of specs) {
    for (const to of imports) {
      const target = path.posix.normalize(path.posix.join('specs', to));
      if (target.startsWith('harness/') && target !== DSL_ENTRY) found.push(`specs/${from} → ${target} (import it from ${DSL_ENTRY})`);
    }
  }
  return found;
}

/** `x.process` in a spec: the running process behind a program, which the DSL keeps to itself. */
const RUNNING_PROCESS = /[\w\])]\.process\b/;

/** Lines of the specs (path → source) that reach a program's process: "path:line: text". */
export function specsReachingTheProcess(sources: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of sources) {
    source.split('\n').forEach((line, i) => {
      if (RUNNING_PROCESS.test(line)) found.push(`specs/${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}
