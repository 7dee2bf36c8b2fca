// A test's conversation as a Mermaid sequence diagram, which GitHub draws in a step
// summary: the grader's sends and receives as arrows, everything else as notes.

import type { TranscriptEntry } from '../core/transcript.js';

const MAX_STEPS = 24;
const MAX_TEXT = 90;

const ENTITY: Record<string, string> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;' };

/**
 * Mermaid reads `;` and `#` as syntax and a newline ends a statement. One pass over the
 * text, so the `;` of an escape just written is never escaped again.
 */
export function mermaidText(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const cut = flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
  return cut.replace(/[#;<>]/g, (c) => ENTITY[c] ?? c);
}

/** "server stdout" and "server" are one lifeline: the program. */
function lifeline(actor: string): string {
  return actor.split(' ')[0] || 'grader';
}

export function sequenceDiagram(entries: readonly TranscriptEntry[]): string {
  const shown = entries.slice(-MAX_STEPS);
  const names = ['grader', ...new Set(shown.map((e) => lifeline(e.actor)).filter((n) => n !== 'grader'))];
  if (names.length === 1) names.push('program');
  const id = (name: string): string => `P${names.indexOf(name)}`;
  const lines = ['sequenceDiagram', ...names.map((n) => `  participant ${id(n)} as ${mermaidText(n)}`)];
  if (entries.length > shown.length) lines.push(`  Note over ${id('grader')}: ${entries.length - shown.length} earlier events not drawn`);
  let peer = names[1];
  for (const e of shown) {
    const who = lifeline(e.actor);
    const at = `${(e.atMs / 1000).toFixed(3)} s`;
    if (who !== 'grader') peer = who;
    const sent = /^sent /.exec(e.event);
    const received = /^received /.exec(e.event);
    if (who === 'grader' && sent) lines.push(`  ${id('grader')}->>${id(peer)}: ${mermaidText(`${at} ${e.event.slice(5)}`)}`);
    else if (who === 'grader' && received) lines.push(`  ${id(peer)}->>${id('grader')}: ${mermaidText(`${at} ${e.event.slice(9)}`)}`);
    else lines.push(`  Note over ${id(who)}: ${mermaidText(`${at} ${e.actor === who ? '' : `${e.actor.slice(who.length + 1)}: `}${e.event}`)}`);
  }
  return lines.join('\n');
}
