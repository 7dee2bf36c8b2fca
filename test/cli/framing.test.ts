// Programs of a course whose messages carry no newline (one send(), one recv(1024), the
// name or symbol used as it is): the grader learns from the server that it reads messages
// as they come and sends it its messages without the newline; the page's newline costs
// one test per program, said once at the top of the report. A program that follows the
// page loses nothing and is told nothing about framing.

import path from 'node:path';
import { expect } from 'chai';
import { PAGE_NEWLINE_TEST, PAGE_PORT_TEST } from '../../harness/report/dialect-words.js';
import { renderTask } from '../../harness/report/render-text.js';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS, MANY_GRADINGS_MS } from '../limits.js';
import { fixture, root, runCli } from './run-cli.js';

const isolated = isolation().mode !== 'none';

const notPassed = (r: TaskReport): string[] => r.tests.filter((t) => t.status !== 'passed').map((t) => `${t.status}: ${t.name}`);
const why = (r: TaskReport): string =>
  r.tests
    .filter((t) => t.status !== 'passed')
    .map((t) => `${t.name}: ${t.message}`)
    .join('\n');

async function gradeJson(task: string, folder: string): Promise<TaskReport> {
  const r = await runCli('grade', [task, folder, '--format', 'json']);
  expect(r.leftovers).to.deep.equal([]);
  return JSON.parse(r.stdout) as TaskReport;
}

const FRAMING_SAID = `your server reads messages without a newline and your client sends none; the page asks for one: that costs one test each (${PAGE_NEWLINE_TEST}, and the client's newline test)`;

/** What each fixture of test/fixtures/framing-bare loses: the page's newline, once per program (and task5 its course's port). */
const EXPECTED: Record<string, { lost: string[]; dialect: object }> = {
  stock1: {
    lost: ['failed: the client ends the symbol it sends with a newline', `failed: ${PAGE_NEWLINE_TEST}`],
    dialect: { pagePort: 5000, serverPort: 5000, clientPort: 5000, serverFraming: 'bare', clientFraming: 'bare' },
  },
  task5: {
    lost: [`failed: ${PAGE_PORT_TEST}`, 'failed: the client ends the file name it sends with a newline', `failed: ${PAGE_NEWLINE_TEST}`],
    dialect: { pagePort: 55, serverPort: 12345, clientPort: 12345, serverFraming: 'bare', clientFraming: 'bare' },
  },
  // Several symbols on one connection, each answered before the next is sent.
  stock2: {
    lost: ['failed: the client ends each symbol it sends with a newline', `failed: ${PAGE_NEWLINE_TEST}`],
    dialect: { pagePort: 5000, serverPort: 5000, clientPort: 5000, serverFraming: 'bare', clientFraming: 'bare' },
  },
  // The threaded server, which failed all three concurrency tests with FileNotFoundError 'name\n'.
  task7: {
    lost: ['failed: the client ends the file name it sends with a newline', `failed: ${PAGE_NEWLINE_TEST}`],
    dialect: { pagePort: 57, serverPort: 57, clientPort: 57, serverFraming: 'bare', clientFraming: 'bare' },
  },
  // The chat server, which read "Sysuvz\n has joined": it prints the name it read at once.
  chat: {
    lost: ['failed: the client ends each message it sends with a newline', `failed: ${PAGE_NEWLINE_TEST}`],
    dialect: { pagePort: 5003, serverPort: 5003, clientPort: 5003, serverFraming: 'bare', clientFraming: 'bare' },
  },
  // A turn-taking chat comparing `msg.upper() == "BYE"` on what one recv() gives.
  task4: {
    lost: ['failed: the client ends each message it sends with a newline', `failed: ${PAGE_NEWLINE_TEST}`],
    dialect: { pagePort: 54, serverPort: 54, clientPort: 54, serverFraming: 'bare', clientFraming: 'bare' },
  },
};

/** Fixtures whose server has no message to frame (an echo server sends back bytes as they come): only the client's newline is the page's. */
const UNFRAMED_SERVER: Record<string, { lost: string[]; dialect: object }> = {
  echo: { lost: ['failed: the client ends each message it sends with a newline'], dialect: { pagePort: 5001, serverPort: 5001, clientPort: 5001 } },
};

/** Every fixture's verdict: what it loses, and the dialect learned. */
const VERDICTS = { ...EXPECTED, ...UNFRAMED_SERVER };

describe('a course without newlines', function () {
  this.timeout(FEW_GRADINGS_MS);

  before(function () {
    if (!isolated) this.skip(); // the framing is learned from a server of its own, in a network of its own
  });

  for (const task of Object.keys(EXPECTED)) {
    it(`${task}: a pair that sends without a newline and reads one recv() loses only the page's newline (once per program), and the report says so once`, async () => {
      const report = await gradeJson(task, fixture('framing-bare'));
      expect(notPassed(report), `${task}:\n${why(report)}`).to.deep.equal(EXPECTED[task].lost);
      expect(report.dialect).to.deep.equal(EXPECTED[task].dialect);
      const charged = report.tests.find((t) => t.name === PAGE_NEWLINE_TEST);
      expect(charged?.message).to.include('(no newline yet)').and.include('the page asks each message to end with a newline').and.include('that costs this one test');
      const text = renderTask(report).split('\n');
      // A sentence of its own, capitalized where the port's comes first.
      expect(text[1].toLowerCase()).to.include(FRAMING_SAID.toLowerCase());
      expect(text.filter((l) => l.toLowerCase().includes(FRAMING_SAID.toLowerCase()))).to.have.length(1);
      // Every other server test spoke its framing: the transcript shows a message without the newline.
      const served = report.tests.find((t) => t.group === 'server' && t.status === 'passed' && t.name !== PAGE_PORT_TEST);
      expect(served?.transcript.map((e) => e.event).join('\n')).to.include('messages go without the newline');
    });
  }

  for (const [task, expected] of Object.entries(UNFRAMED_SERVER)) {
    it(`${task}: a pair that sends without a newline loses only the client's newline test`, async () => {
      const report = await gradeJson(task, fixture('framing-bare'));
      expect(notPassed(report), `${task}:\n${why(report)}`).to.deep.equal(expected.lost);
      expect(report.dialect).to.deep.equal(expected.dialect);
    });
  }

  // Alone on its connection it takes the name without a trace: a second person who joins and speaks without a newline is heard.
  it('chat: a server that prints nothing is seen reading without a newline through a second person, and loses only the page’s newline', async () => {
    const report = await gradeJson('chat', fixture('framing-bare-silent'));
    expect(notPassed(report), why(report)).to.deep.equal(EXPECTED.chat.lost);
    expect(report.dialect).to.deep.equal(EXPECTED.chat.dialect);
    const charged = report.tests.find((t) => t.name === PAGE_NEWLINE_TEST);
    expect(charged?.message).to.include('it took "Alice" without a trace; a second person sent "Bob"').and.include('the first person got "* Bob joined"');
  });

  for (const task of ['stock1', 'chat', 'echo']) {
    it(`grades the ${task} pair ten times with one verdict`, async function () {
      this.timeout(MANY_GRADINGS_MS);
      const verdicts: string[][] = [];
      // Two at a time, as a class run overlaps gradings, on a busy machine.
      for (let round = 0; round < 5; round++) {
        const reports = await Promise.all([gradeJson(task, fixture('framing-bare')), gradeJson(task, fixture('framing-bare'))]);
        for (const r of reports) verdicts.push([...notPassed(r), JSON.stringify(r.dialect)]);
      }
      for (const v of verdicts) expect(v).to.deep.equal([...VERDICTS[task].lost, JSON.stringify(VERDICTS[task].dialect)]);
    });
  }
});

describe('a server that follows the page’s newline', function () {
  this.timeout(FEW_GRADINGS_MS);

  const solutions: Record<string, string> = { stock1: 'student-basic', stock2: 'student-basic', task5: 'student-basic', task7: 'student-threaded', chat: 'student-threaded', task4: 'student-turns' };
  for (const [task, solution] of Object.entries(solutions)) {
    it(`${task}: a solution that follows the page loses nothing and is told nothing about framing`, async () => {
      const report = await gradeJson(task, path.join(root, 'specs', task, 'solutions', solution));
      expect(report.score, why(report)).to.equal(report.maxScore);
      // Learned as the page's, or not learned at all on a busy machine (the page's then applies): never bare.
      expect(report.dialect?.serverFraming).to.not.equal('bare');
      expect(report.dialect?.clientFraming).to.not.equal('bare');
      expect(renderTask(report)).to.not.include('without a newline');
    });
  }
});
