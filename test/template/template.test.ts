// The student template: every task the grader knows has its protocol page and a starter
// server.py and client.py reading HOST and PORT with the task's default port, and the
// Classroom workflow grades every task in a step of its own.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { listTasks } from '../../harness/core/paths.js';
import { root } from '../cli/run-cli.js';
import { classroomWorkflow } from './classroom-workflow.js';

const template = path.join(root, 'student-template');

describe('student template', () => {
  const tasks = listTasks();

  it('knows the tasks', () => {
    expect(tasks).to.include.members(['task3a', 'task4', 'task8']);
  });

  for (const task of tasks) {
    it(`${task}: a protocol page and starters reading HOST and PORT, default port as the page says, no solution`, () => {
      const page = readFileSync(path.join(template, task, 'PROTOCOL.md'), 'utf8');
      const port = /os\.environ\.get\("PORT", (\d+)\)/.exec(page)?.[1];
      expect(port, `${task}/PROTOCOL.md names its default port`).to.be.a('string');
      for (const role of ['server', 'client']) {
        const file = path.join(template, task, `${role}.py`);
        expect(existsSync(file), `${task}/${role}.py`).to.equal(true);
        const code = readFileSync(file, 'utf8');
        expect(code).to.include('HOST = os.environ.get("HOST", "127.0.0.1")').and.include(`PORT = int(os.environ.get("PORT", ${port}))`);
        expect(code)
          .to.match(/# TODO 1: /)
          .and.include(`${task}/PROTOCOL.md`);
        // A starter never opens a socket: that is the student's work.
        expect(code).to.not.match(/socket\.socket\(|\.bind\(|\.connect\(/);
      }
    });
  }

  it('the Classroom workflow grades every task in its own step and reports them all', () => {
    const job = Object.values(classroomWorkflow().jobs)[0];
    const ids = job.steps.map((s) => s.id).filter((id): id is string => id !== undefined);
    expect(ids).to.deep.equal(tasks);
    for (const task of tasks) expect(job.steps.find((s) => s.id === task)?.run).to.match(new RegExp(`^sudo -E env "PATH=\\$PATH" socket-grader grade ${task} \\. --format classroom`));
    const reporter = job.steps.find((s) => s.uses?.startsWith('classroom-resources/autograding-grading-reporter'));
    expect(reporter?.with?.runners.split(',')).to.deep.equal(tasks);
    for (const task of tasks) expect(reporter?.env?.[`${task.toUpperCase()}_RESULTS`]).to.equal(`\${{ steps.${task}.outputs.result }}`);
  });
});
