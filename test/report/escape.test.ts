// What a program prints is shown in every report format, and never acts: no escape
// sequence, carriage return, C1 control or bidi override arrives raw, and no line starts
// a GitHub workflow command.

import { expect } from 'chai';
import { disarmWorkflowCommands, safeJson, safeText, showControls } from '../../harness/report/escape.js';
import { allReport, FORMATS, render } from '../../harness/report/render.js';
import { toClassroom } from '../../harness/report/render-classroom.js';
import { markdownSummary } from '../../harness/report/render-summary.js';
import type { TaskReport } from '../../harness/report/types.js';

/** Characters that must never reach a report raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters no report may hold raw
const ACTING = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
/** A line GitHub's runner would read as a command: `::` after white space, or `##[` anywhere. */
const COMMAND_LINE = /^[\s\u0085]*::|##\[/m;

const HOSTILE = [
  '\x1b[2J\x1b[H', // clear the screen
  '\x1b]0;pwned\x07', // set the terminal title
  'progress\r    ✓ the server answers HELLO                      2/2', // overwrite a line
  'x\r::error file=a.py::forged', // a workflow command after a carriage return
  '::warning::forged', // one at the start of a line
  '  \t::add-mask::secret', // after white space
  'text ##[error]forged', // the old syntax, anywhere in a line
  '\u009b2J', // C1 CSI
  'abc\u202egnp.exe', // a right-to-left override
  'nul\0bell\x07del\x7f',
].join('\n');

function report(text: string): TaskReport {
  return {
    task: 'task3b',
    submission: '/submissions/alice',
    score: 0,
    maxScore: 2,
    durationMs: 12,
    tests: [
      {
        name: 'the server answers HELLO',
        group: 'server',
        status: 'failed',
        points: 0,
        maxPoints: 2,
        message: `expected: "HELLO"\ngot: ${text}\nits stderr ends with:\n${text}`,
        durationMs: 10,
        transcript: [{ atMs: 3, actor: 'server stdout', event: `printed ${text}` }],
      },
    ],
  };
}

describe('escaping what programs print', () => {
  it('shows every control character as its escape, keeping newlines and tabs', () => {
    expect(showControls('a\x1b[2Jb')).to.equal('a\\x1b[2Jb');
    expect(showControls('a\rb')).to.equal('a\\rb');
    expect(showControls('a\nb\tc')).to.equal('a\nb\tc');
    expect(showControls('\x07\x7f\u009b\0')).to.equal('\\x07\\x7f\\x9b\\0');
    expect(showControls('a\u202eb\u2066c\u2028d\ufeff')).to.equal('a\\u202eb\\u2066c\\u2028d\\ufeff');
    expect(showControls('héllo ✓ 日本')).to.equal('héllo ✓ 日本');
    expect(showControls(HOSTILE)).to.not.match(ACTING);
  });

  it('keeps every line from starting a workflow command, and says what was there', () => {
    expect(disarmWorkflowCommands('::error::x')).to.equal('\\x3a:error::x');
    expect(disarmWorkflowCommands('ok\n   ::warning::x')).to.equal('ok\n   \\x3a:warning::x');
    expect(disarmWorkflowCommands('a ::b')).to.equal('a ::b');
    expect(disarmWorkflowCommands('see ##[error]x')).to.equal('see \\x23#[error]x');
    const shown = safeText(HOSTILE);
    expect(shown).to.not.match(COMMAND_LINE);
    // A carriage return no longer starts a line: the command after it is shown where it was.
    expect(shown).to.include('x\\r::error file=a.py::forged');
    expect(safeText(shown)).to.equal(shown);
  });

  it('writes JSON that parses to the very same text, with nothing in it acting', () => {
    const json = safeJson(JSON.stringify({ message: HOSTILE }, null, 2));
    expect(json).to.not.match(ACTING).and.not.match(COMMAND_LINE);
    expect((JSON.parse(json) as { message: string }).message).to.equal(HOSTILE);
  });

  for (const format of FORMATS) {
    it(`${format}: a hostile program's output is shown, never raw, and no line can command the CI`, () => {
      const out = render(format, allReport('/submissions/alice', [report(HOSTILE)], 12), true);
      expect(out).to.not.match(ACTING).and.not.match(COMMAND_LINE);
      if (format === 'text') expect(out).to.include('\\x1b[2J').and.include('progress\\r    ✓').and.include('abc\\u202egnp.exe');
      if (format === 'json') expect((JSON.parse(out) as TaskReport).tests[0].message).to.include(HOSTILE);
      if (format === 'classroom' || format === 'gradescope') expect(out).to.include('\\\\x1b[2J');
    });
  }

  it('the Markdown step summary and the Classroom results hold no raw control character and no command line', () => {
    const md = markdownSummary([report(HOSTILE)]);
    expect(md).to.not.match(ACTING).and.not.match(COMMAND_LINE);
    expect(md).to.include('\\x1b]0;pwned\\x07');
    // Classroom's reporter prints each message to the job's log: the values themselves are safe.
    for (const t of toClassroom([report(HOSTILE)]).tests) expect(t.message).to.not.match(ACTING).and.not.match(COMMAND_LINE);
  });

  it('a program cannot close the Markdown code block its output is shown in', () => {
    const md = markdownSummary([report('````\n</details>\n# forged heading')]);
    const fence = /^(`{3,})$/m.exec(md)?.[1] ?? '';
    expect(fence.length).to.be.greaterThan(4);
  });
});
