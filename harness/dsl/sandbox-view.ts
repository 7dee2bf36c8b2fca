// What a task's programs may see of the machine's folders, for any network the grader
// opens for them (a test's, or the one where their client's port is learned).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { hiddenFolders } from '../sandbox/hidden-folders.js';
import { pythonForOtherUsers } from '../sandbox/python.js';
import type { SandboxView } from '../sandbox/test-network.js';
import { bundleCacheDir, existingBundleCacheDir } from '../submission/typescript-runner.js';
import { originalSubmissionDir, submissionDir } from './grading-context.js';

export function sandboxView(task: string): SandboxView {
  // The submission and bundled programs are read from where the test's scratch folders would hide them.
  const bundles = ['server.ts', 'client.ts'].some((f) => existsSync(path.join(submissionDir(), task, f))) ? bundleCacheDir() : existingBundleCacheDir();
  const binds = [submissionDir(), ...(bundles ? [bundles] : [])];
  const needed = [...binds, process.execPath, ...[pythonForOtherUsers() ?? process.execPath]];
  return { binds, hidden: hiddenFolders(originalSubmissionDir(), projectRoot, needed) };
}
