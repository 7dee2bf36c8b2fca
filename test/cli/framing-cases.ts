// The fixtures of test/fixtures/framing-bare, what each loses, and how the framing tests
// grade them: shared by framing.test.ts and framing-ten-times.test.ts (two files, so that
// npm test runs them side by side).

import { expect } from 'chai';
import { PAGE_NEWLINE_TEST, PAGE_PORT_TEST } from '../../harness/report/dialect-words.js';
import type { TaskReport } from '../../harness/report/types.js';
import { isolation } from '../../harness/sandbox/isolation.js';
import { runCli } from './run-cli.js';

export const isolated = isolation().mode !== 'none';

export const notPassed = (r: TaskReport): string[] => r.tests.filter((t) => t.status !== 'passed').map((t) => `${t.status}: ${t.name}`);
export const why = (r: TaskReport): string =>
  r.tests
    .filter((t) => t.status !== 'passed')
    .map((t) => `${t.name}: ${t.message}`)
    .join('\n');

export async function gradeJson(task: string, folder: string): Promise<TaskReport> {
  const r = await runCli('grade', [task, folder, '--format', 'json']);
  expect(r.leftovers).to.deep.equal([]);
  return JSON.parse(r.stdout) as TaskReport;
}

export const FRAMING_SAID = `your server reads messages without a newline and your client sends none; the page asks for one: that costs one test each (${PAGE_NEWLINE_TEST}, and the client's newline test)`;

/** What each fixture of test/fixtures/framing-bare loses: the page's newline, once per program (and task5 its course's port). */
export const EXPECTED: Record<string, { lost: string[]; dialect: object }> = {
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
export const UNFRAMED_SERVER: Record<string, { lost: string[]; dialect: object }> = {
  echo: { lost: ['failed: the client ends each message it sends with a newline'], dialect: { pagePort: 5001, serverPort: 5001, clientPort: 5001 } },
};

/** Every fixture's verdict: what it loses, and the dialect learned. */
export const VERDICTS = { ...EXPECTED, ...UNFRAMED_SERVER };
