// Submissions laid out not quite as the page asks: graded where nothing else could be
// meant (saying so, at no cost), explained where something could; and `class all`
// grading the tasks the class hands in, not the whole catalog.

import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { TaskReport } from '../../harness/report/types.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { root, runCli } from './run-cli.js';

const REFERENCE = path.join(root, 'specs', 'task3b', 'solutions', 'student-basic', 'task3b');

describe('submission layouts', function () {
  this.timeout(FEW_GRADINGS_MS);

  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'layouts-test-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  async function grade(sub: string): Promise<{ report: TaskReport; text: string }> {
    const [json, text] = await Promise.all([runCli('grade', ['task3b', sub, '--format', 'json', '--seed', '7']), runCli('grade', ['task3b', sub, '--seed', '7'])]);
    return { report: JSON.parse(json.stdout) as TaskReport, text: text.stdout };
  }

  it('an archive unpacked one folder too deep is graded where it is, in full, and the report says so once', async () => {
    const sub = path.join(tmp, 'sub');
    cpSync(REFERENCE, path.join(sub, 'task3b-main', 'task3b'), { recursive: true });
    const { report, text } = await grade(sub);
    expect(report.score, JSON.stringify(report.tests.filter((t) => t.status !== 'passed'))).to.equal(report.maxScore);
    expect(report.foundAt).to.deep.equal({ server: 'task3b-main/task3b/server.py', client: 'task3b-main/task3b/client.py' });
    expect(text).to.include(
      'your server was found at task3b-main/task3b/server.py and your client was found at task3b-main/task3b/client.py and graded there; the page asks for task3b/server.py and task3b/client.py: it costs nothing here, but move them there',
    );
  });

  it('server.py beside the task folder that holds client.py is that task server', async () => {
    const sub = path.join(tmp, 'sub');
    mkdirSync(path.join(sub, 'task3b'), { recursive: true });
    cpSync(path.join(REFERENCE, 'server.py'), path.join(sub, 'server.py'));
    cpSync(path.join(REFERENCE, 'client.py'), path.join(sub, 'task3b', 'client.py'));
    const { report } = await grade(sub);
    expect(report.score).to.equal(report.maxScore);
    expect(report.foundAt).to.deep.equal({ server: 'server.py' });
  });

  it('beside two task folders it could be either task server: not run, and the report says where to put it', async () => {
    const sub = path.join(tmp, 'sub');
    mkdirSync(path.join(sub, 'task3b'), { recursive: true });
    mkdirSync(path.join(sub, 'task4'), { recursive: true });
    cpSync(path.join(REFERENCE, 'server.py'), path.join(sub, 'server.py'));
    cpSync(path.join(REFERENCE, 'client.py'), path.join(sub, 'task3b', 'client.py'));
    const { report } = await grade(sub);
    expect(report.foundAt).to.equal(undefined);
    const server = report.tests.filter((t) => t.group === 'server');
    expect(server.every((t) => t.status !== 'passed')).to.equal(true);
    expect(server[0].message).to.include("found server.py in the folder's top level; put it at task3b/server.py");
  });

  it('class all grades the tasks the class hands in, not every task of the catalog', async () => {
    const cls = path.join(tmp, 'class');
    cpSync(REFERENCE, path.join(cls, 'ada', 'task3b'), { recursive: true });
    cpSync(REFERENCE, path.join(cls, 'bob', 'task3b'), { recursive: true });
    mkdirSync(path.join(cls, 'cyd'), { recursive: true });
    const r = await runCli('class', ['all', cls, '--format', 'json']);
    const summary = JSON.parse(r.stdout) as { students: Array<{ student: string; tasks: Array<{ task: string }> }> };
    expect(summary.students.map((s) => [s.student, s.tasks.map((t) => t.task)])).to.deep.equal([
      ['ada', ['task3b']],
      ['bob', ['task3b']],
      ['cyd', ['task3b']],
    ]);
    const text = await runCli('class', ['all', cls]);
    expect(text.stdout).to.include("all: the tasks the class's folders hold: task3b");
  });
});
