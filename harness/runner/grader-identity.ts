// Which grader made a report: its version, and a hash of the specs it graded with, so a
// score can be traced to the exact tests behind it (a spec changed between two runs
// shows as a different hash, the same version).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compiledSpec, projectRoot } from '../core/paths.js';
import type { GraderIdentity } from '../report/types.js';

let version: string | undefined;

function graderVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** The compiled files a task's tests come from: its spec and the checks specs share. */
function specFiles(task: string): string[] {
  const lib = path.join(projectRoot, 'dist', 'specs', 'lib');
  let shared: string[];
  try {
    shared = readdirSync(lib)
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((f) => path.join(lib, f));
  } catch {
    shared = [];
  }
  return [compiledSpec(task), ...shared];
}

const hashes = new Map<string, string>();

/** 12 hex digits: enough to tell spec versions apart, short enough to read aloud. */
function specHash(task: string): string {
  let hash = hashes.get(task);
  if (!hash) {
    const sha = createHash('sha256');
    for (const file of specFiles(task)) sha.update(path.basename(file)).update('\0').update(readFileSync(file)).update('\0');
    hash = sha.digest('hex').slice(0, 12);
    hashes.set(task, hash);
  }
  return hash;
}

export function graderIdentity(task: string): GraderIdentity {
  return { version: graderVersion(), specHash: specHash(task) };
}
