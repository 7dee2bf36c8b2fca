// The conversation diagram: Mermaid's syntax characters arrive as its own escapes, once.

import { expect } from 'chai';
import { mermaidText, sequenceDiagram } from '../../harness/report/render-mermaid.js';

describe('mermaid diagram text', () => {
  it('escapes # and ; once each: "grader #2" stays readable', () => {
    expect(mermaidText('grader #2')).to.equal('grader #35;2');
    expect(mermaidText('a;b')).to.equal('a#59;b');
    expect(mermaidText('#;<>')).to.equal('#35;#59;#lt;#gt;');
  });

  it('puts a line with # and ; in the diagram with single escapes', () => {
    const diagram = sequenceDiagram([{ atMs: 5, actor: 'grader', event: 'sent "room #2; hi\\n"' }]);
    expect(diagram).to.include('room #35;2#59; hi');
    expect(diagram).to.not.include('#35#59;');
  });
});
