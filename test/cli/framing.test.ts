// Programs of a course whose messages carry no newline (one send(), one recv(1024), the
// name or symbol used as it is): the grader learns from the server that it reads messages
// as they come and sends it its messages without the newline; the page's newline costs
// one test per program, said once at the top of the report. A program that follows the
// page loses nothing and is told nothing about framing.

import path from 'node:path';
import { expect } from 'chai';
import { PAGE_NEWLINE_TEST, PAGE_PORT_TEST } from '../../harness/report/dialect-words.js';
import { renderTask } from '../../harness/report/render-text.js';
import { FEW_GRADINGS_MS } from '../limits.js';
import { EXPECTED, FRAMING_SAID, gradeJson, isolated, notPassed, UNFRAMED_SERVER, why } from './framing-cases.js';
import { fixture, root } from './run-cli.js';

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

  // Handed in without its server, a client that sends without a newline is answered the same way.
  it('task4: a client alone that sends without a newline is answered without one, and loses only the page’s newline', async () => {
    const report = await gradeJson('task4', fixture('bare-client-alone'));
    const graded = report.tests.filter((t) => t.status !== 'skipped');
    expect(
      graded.filter((t) => t.status !== 'passed').map((t) => t.name),
      why(report),
    ).to.deep.equal(['the client ends each message it sends with a newline']);
    expect(graded.map((t) => t.group)).to.include('client');
    expect(report.dialect).to.deep.equal({ pagePort: 54, clientPort: 54, clientFraming: 'bare' });
  });

  // Ten gradings of a pair, one verdict: test/cli/framing-ten-times.test.ts.
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
