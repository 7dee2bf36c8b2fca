// Where things are, from the compiled file's own location (dist/harness/core/).

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const referenceDir = path.join(projectRoot, 'reference');

export function compiledSpec(task: string): string {
  return path.join(projectRoot, 'dist', 'specs', `${task}.spec.js`);
}

/** Known-buggy and known-good submissions kept beside a task's spec. */
export function fixtureDir(task: string, kind: 'mutants' | 'solutions'): string {
  return path.join(projectRoot, 'specs', task, kind);
}

/** Task ids, in catalog order where the names say it (task3a < task10 < stock1). */
export function listTasks(): string[] {
  let files: string[];
  try {
    files = readdirSync(path.join(projectRoot, 'dist', 'specs'));
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.spec.js'))
    .map((f) => f.slice(0, -'.spec.js'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
