// The student template's Classroom workflow, read for the tests of the template and of
// the installed package (a test file of its own would register its tests twice).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { root } from '../cli/run-cli.js';

export interface Workflow {
  jobs: Record<string, { steps: Array<{ id?: string; name?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }> }>;
}

/** The workflow of the template in `dir` (the checkout's own by default). */
export function classroomWorkflow(dir = path.join(root, 'student-template')): Workflow {
  return YAML.parse(readFileSync(path.join(dir, '.github', 'workflows', 'classroom.yml'), 'utf8')) as Workflow;
}
