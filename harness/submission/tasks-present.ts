// Which tasks a submission holds: a folder named after the task, or an entry for it in
// its manifest. Reads names only, never follows a link.

import { readdirSync } from 'node:fs';
import { readManifest } from './manifest.js';

export function tasksPresent(submission: string, known: readonly string[]): string[] {
  let names: Set<string>;
  try {
    names = new Set(
      readdirSync(submission, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name.toLowerCase()),
    );
  } catch {
    return [];
  }
  const manifest = readManifest(submission);
  const listed = 'entries' in manifest ? new Set(Object.keys(manifest.entries)) : new Set<string>();
  return known.filter((t) => names.has(t.toLowerCase()) || listed.has(t));
}
