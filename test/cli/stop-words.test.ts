// Programs of courses that end a session with their own word (exit, quit), on their own
// port: the grader reads the word from their source and every test speaks it; the page's
// word costs one test, whose hint says what the page asks, and the report says so once.
// Fixtures in test/fixtures/stop-words (see its README); the UDP family, which has no stop
// word, by dialect-5004's task8 (its own port) in the ten-times test.

import { expect } from 'chai';
import { PAGE_PORT_TEST } from '../../harness/report/dialect-words.js';
import { renderTask } from '../../harness/report/render-text.js';
import type { AllReport, TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { FEW_GRADINGS_MS, MANY_GRADINGS_MS } from '../limits.js';
import { fixture, runCli } from './run-cli.js';

const isolated = isolation().mode !== 'none';

/** Per task of the fixture: what it loses, besides the page's port. */
const EXPECTED: Record<string, { pageWordTest: string; planted?: string; dialect: Record<string, string | number> }> = {
  task4: {
    pageWordTest: 'the server also ends the chat on "Bye" from the client (any letter case)',
    dialect: { pagePort: 54, serverPort: 12345, clientPort: 12345, stopWord: 'exit', pageStopWord: 'BYE' },
  },
  message: {
    pageWordTest: 'the server also ends the session on "EXIT" (any letter case)',
    // Planted: a reset connection's ConnectionResetError is not caught.
    planted: 'a client that vanishes (connection reset) does not crash the server: it serves the next client, with no traceback',
    dialect: { pagePort: 5000, serverPort: 5004, clientPort: 5004, stopWord: 'quit', pageStopWord: 'exit' },
  },
  // Pages whose client ends at the end of its input: a client that stops on a word and lets EOFError escape.
  echo: {
    pageWordTest: 'the client closes the connection and exits with code 0 when its input ends',
    dialect: { pagePort: 5001, serverPort: 8000, clientPort: 8000, clientStopWord: 'quit', pageStopWord: 'end of input' },
  },
  calc: {
    pageWordTest: 'at the end of its input the client closes the connection and exits with code 0',
    // Planted: connect() outside a try.
    planted: 'with no server running, your client prints one line saying so and exits with a non-zero code (no traceback)',
    dialect: { pagePort: 5005, serverPort: 9999, clientPort: 9999, clientStopWord: 'q', pageStopWord: 'end of input' },
  },
};
const TASKS = Object.keys(EXPECTED);

const notPassed = (r: TaskReport): string[] => r.tests.filter((t) => t.status !== 'passed').map((t) => `${t.status}: ${t.name}`);
const why = (r: TaskReport): string =>
  r.tests
    .filter((t) => t.status !== 'passed')
    .map((t) => `${t.name}: ${t.message}`)
    .join('\n');
const expectedLosses = (task: string): string[] => {
  const e = EXPECTED[task];
  return [PAGE_PORT_TEST, e.pageWordTest, ...(e.planted ? [e.planted] : [])].map((name) => `failed: ${name}`);
};

/** The UDP family has no stop word: its fixture of a course's own port (dialect-5004's task8), graded ten times beside the others. */
const UDP_VERDICT = [`failed: ${PAGE_PORT_TEST}`, JSON.stringify({ pagePort: 59, serverPort: 5004, clientPort: 5004 })];

async function gradeUdp(): Promise<string[]> {
  const r = await runCli('grade', ['task8', fixture('dialect-5004'), '--format', 'json']);
  expect(r.leftovers).to.deep.equal([]);
  const report = JSON.parse(r.stdout) as TaskReport;
  return [...notPassed(report).sort(), JSON.stringify(report.dialect)];
}

/** The dialect without its framing (framing.test's to judge). */
function wordsOf(report: TaskReport): Omit<NonNullable<TaskReport['dialect']>, 'serverFraming' | 'clientFraming'> | undefined {
  if (!report.dialect) return undefined;
  const { serverFraming: _server, clientFraming: _client, ...words } = report.dialect;
  return words;
}

async function gradeAll(): Promise<TaskReport[]> {
  const r = await runCli('grade', [TASKS.join(','), fixture('stop-words'), '--format', 'json', '--jobs', String(TASKS.length)]);
  expect(r.leftovers).to.deep.equal([]);
  const all = JSON.parse(r.stdout) as AllReport;
  return TASKS.map((task) => all.tasks.find((x) => x.task === task) as TaskReport);
}

describe('a course of its own stop word', function () {
  this.timeout(FEW_GRADINGS_MS);

  before(function () {
    if (!isolated) this.skip(); // the fixtures' own ports need a network of the test's own
  });

  it("each fixture loses only the page's port, the page's word and its planted bug; end to end passes in full", async () => {
    for (const report of await gradeAll()) {
      const { task } = report;
      // Sorted as the report lists them: by group, then as the spec declares them.
      expect(notPassed(report).sort(), `${task}:\n${why(report)}`).to.deep.equal(expectedLosses(task).sort());
      // The framing learned beside the words is framing.test's to judge.
      expect(wordsOf(report)).to.deep.equal(EXPECTED[task].dialect);
      for (const t of report.tests.filter((x) => x.group === 'end-to-end' && x.name !== EXPECTED[task].planted)) expect(t.status, `${task}: ${t.name}: ${t.message}`).to.equal('passed');
      const { pageStopWord } = EXPECTED[task].dialect;
      const stopWord = EXPECTED[task].dialect.stopWord ?? EXPECTED[task].dialect.clientStopWord;
      const atEnd = pageStopWord === 'end of input';
      const pageTest = report.tests.find((t) => t.name === EXPECTED[task].pageWordTest);
      expect(pageTest?.message).to.include(
        atEnd
          ? `the page ends the client at the end of its input (Ctrl+D: catch EOFError); your client ends on ${stopWord}: that costs this one test`
          : `the page ends a session with ${pageStopWord}; your server uses ${stopWord}: that costs this one test`,
      );
      // Said once, at the top of the report.
      const said = atEnd
        ? `Your client ends on ${stopWord}; the page ends it at the end of its input (Ctrl+D): that costs one test, and every other test types ${stopWord} first`
        : `Your programs end a session with ${stopWord}; the page's word is ${pageStopWord}: that costs one test, and every other test speaks ${stopWord}`;
      const text = renderTask(report).split('\n');
      expect(text[1]).to.include(said);
      expect(text.filter((l) => l.includes(said))).to.have.length(1);
    }
  });

  it('grades each fixture, and a UDP pair on its own port, ten times with one verdict', async function () {
    this.timeout(MANY_GRADINGS_MS);
    const verdicts: Record<string, string[][]> = Object.fromEntries([...TASKS, 'task8'].map((task) => [task, []]));
    // Gradings two by two beside UDP ones, each grading its tasks side by side: a busy machine, as in a class run.
    for (let round = 0; round < 5; round++) {
      const [a, b, ...udp] = await Promise.all([gradeAll(), gradeAll(), gradeUdp(), gradeUdp()]);
      // The words learned, not the framing: a page-following server's framing may go unlearned on a busy machine (the page's then applies, the same verdict).
      for (const r of [...a, ...b]) verdicts[r.task].push([...notPassed(r).sort(), JSON.stringify(wordsOf(r))]);
      verdicts.task8.push(...udp);
    }
    expect(verdicts.task8).to.have.length(10);
    for (const v of verdicts.task8) expect(v, 'task8').to.deep.equal(UDP_VERDICT);
    for (const task of TASKS) {
      expect(verdicts[task]).to.have.length(10);
      for (const v of verdicts[task]) expect(v, task).to.deep.equal([...expectedLosses(task).sort(), JSON.stringify(EXPECTED[task].dialect)]);
    }
  });
});

describe('a task4 pair whose two programs end on different words', function () {
  this.timeout(FEW_GRADINGS_MS);

  before(function () {
    if (!isolated) this.skip();
  });

  // test/fixtures/stop-words-mixed: the server ends on the page's BYE, the client on exit.
  const LOST = ['failed: BYE typed at the server ends both programs with code 0'];
  const DIALECT = { pagePort: 54, serverPort: 54, clientPort: 54, serverStopWord: 'BYE', clientStopWord: 'exit', pageStopWord: 'BYE' };

  it('loses one test, in end-to-end, where they do not understand each other; three gradings, one verdict', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await runCli('grade', ['task4', fixture('stop-words-mixed'), '--format', 'json']);
      expect(r.leftovers).to.deep.equal([]);
      const report = JSON.parse(r.stdout) as TaskReport;
      expect(notPassed(report), why(report)).to.deep.equal(LOST);
      expect(wordsOf(report)).to.deep.equal(DIALECT);
      const charged = report.tests.find((t) => `failed: ${t.name}` === LOST[0]);
      expect(charged?.message).to.include('your server ends the chat with BYE, but your client ends it on exit');
    }
  });
});
