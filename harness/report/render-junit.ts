// The report as JUnit XML, which every CI reads: a testsuite per task, a testcase per
// test, <failure>/<skipped>/<error> with the message and the conversation.

import { createRequire } from 'node:module';
import { safeText } from './escape.js';
import { failureText } from './render-classroom.js';
import type { TaskReport } from './types.js';

/** xmlbuilder2, loaded on first use: it costs ~0.3 s at every start of the CLI, which mostly renders no JUnit. */
const xml = (): typeof import('xmlbuilder2') => createRequire(import.meta.url)('xmlbuilder2');

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** One line for a failure's message attribute: its expected and got lines, else its first. */
function shortMessage(message = ''): string {
  const lines = message.split('\n');
  const pick = lines.filter((l) => /^(expected|got):/.test(l)).map((l) => l.replace(/:\s+/, ': '));
  return safeText(pick.length > 0 ? pick.join('; ') : lines[0]);
}

export function toJUnit(reports: TaskReport[], durationMs: number): string {
  const count = (status: string): number => reports.reduce((a, r) => a + r.tests.filter((t) => t.status === status).length, 0);
  // Text from programs comes escaped (safeText); U+FFFD is the last resort for what XML 1.0 cannot hold.
  const doc = xml().create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const root = doc.ele('testsuites', {
    name: 'socket-grader',
    tests: String(reports.reduce((a, r) => a + r.tests.length, 0)),
    failures: String(count('failed')),
    errors: String(count('error')),
    skipped: String(count('skipped')),
    time: seconds(durationMs),
  });
  for (const r of reports) {
    const suite = root.ele('testsuite', {
      name: r.task,
      tests: String(r.tests.length),
      failures: String(r.tests.filter((t) => t.status === 'failed').length),
      errors: String(r.tests.filter((t) => t.status === 'error').length),
      skipped: String(r.tests.filter((t) => t.status === 'skipped').length),
      time: seconds(r.durationMs),
    });
    suite
      .ele('properties')
      .ele('property', { name: 'submission', value: r.submission })
      .up()
      .ele('property', { name: 'score', value: `${r.score}/${r.maxScore}` })
      .up()
      .ele('property', { name: 'grader-version', value: r.grader?.version ?? '' })
      .up()
      .ele('property', { name: 'spec-hash', value: r.grader?.specHash ?? '' })
      .up()
      .ele('property', { name: 'seed', value: r.seed === undefined ? '' : String(r.seed) })
      .up()
      .ele('property', { name: 'isolation', value: r.isolation ?? '' });
    for (const t of r.tests) {
      const tc = suite.ele('testcase', { name: safeText(t.name), classname: safeText(`${r.task}.${t.group}`), time: seconds(t.durationMs) });
      const firstLine = shortMessage(t.message);
      if (t.status === 'failed') tc.ele('failure', { message: firstLine, type: 'StudentFailure' }).txt(failureText(t));
      else if (t.status === 'skipped') tc.ele('skipped', { message: firstLine });
      else if (t.status === 'error') tc.ele('error', { message: firstLine, type: 'GraderError' }).txt(failureText(t));
      tc.ele('system-out').txt(`points: ${t.advisory ? 'advisory' : `${t.points}/${t.maxPoints}`}`);
    }
  }
  // A line of a failure's text must not start with `::` in a CI log either.
  return safeText(doc.end({ prettyPrint: true }));
}
