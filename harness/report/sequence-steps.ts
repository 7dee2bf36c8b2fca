// A test's conversation (transcript.ts) read as a sequence of steps between lanes: the
// grader, each program, the keyboard (what the grader typed into a program) and the
// screen (what a program printed). Drawing them is render-sequence-svg.ts's job.

import type { TranscriptEntry } from '../core/transcript.js';

export const GRADER = 'grader';
export const KEYBOARD = 'keyboard';
export const SCREEN = 'screen';

export interface Step {
  atMs: number;
  /** The lane the step starts on (a note's only lane). */
  from: string;
  /** Set for an arrow: the lane it points to. */
  to?: string;
  text: string;
  /** A signal or the end of input: an arrow that is not data. */
  control?: boolean;
}

export interface Sequence {
  lanes: string[];
  steps: Step[];
  /** Events before the first step drawn. */
  earlier: number;
}

/** The grader's sockets ("grader", "grader #2", "grader (server)") and its UDP relay all act for the grader. */
function isGrader(actor: string): boolean {
  return actor === GRADER || actor.startsWith('grader ') || actor === 'relay';
}

/** What a grader's socket talks to: the program it connected to or accepted. */
function peerOf(actor: string, event: string, peers: Map<string, string>, programs: readonly string[]): string {
  if (/^connected to the server/.test(event)) peers.set(actor, 'server');
  if (/^(accepted a connection from the client|listening as the server)/.test(event)) peers.set(actor, 'client');
  const known = peers.get(actor);
  if (known) return known;
  if (actor.includes('(server)')) return 'client';
  return programs.includes('server') ? 'server' : (programs[0] ?? 'server');
}

/** A grader's socket other than the first is named on its arrows. */
function label(actor: string, text: string): string {
  return actor === GRADER ? text : `${actor.replace(/^grader /, '')}: ${text}`;
}

function stepOf(e: TranscriptEntry, peers: Map<string, string>, programs: readonly string[]): Step {
  const { atMs, actor, event } = e;
  if (actor.endsWith(' stdout')) return { atMs, from: actor.slice(0, -' stdout'.length), to: SCREEN, text: event };
  if (!isGrader(actor)) return { atMs, from: actor, text: event };
  const typed = /^typed into the (\S+): ([\s\S]*)$/.exec(event);
  if (typed) return { atMs, from: KEYBOARD, to: typed[1], text: `typed ${typed[2]}` };
  const eof = /^closed the (\S+)'s input \(Ctrl\+D\)$/.exec(event);
  if (eof) return { atMs, from: KEYBOARD, to: eof[1], text: 'Ctrl+D (end of input)', control: true };
  const signal = /^sent (SIG\w+) to the (\S+)$/.exec(event);
  if (signal) return { atMs, from: GRADER, to: signal[2], text: signal[1], control: true };
  const peer = peerOf(actor, event, peers, programs);
  if (/^sent /.test(event)) return { atMs, from: GRADER, to: peer, text: label(actor, event.slice(5)) };
  if (/^received /.test(event)) return { atMs, from: peer, to: GRADER, text: label(actor, event.slice(9)) };
  return { atMs, from: GRADER, text: label(actor, event) };
}

/** The last `maxSteps` events as steps, with the lanes they use: grader first, then the programs in order of appearance, keyboard, screen. */
export function sequenceOf(entries: readonly TranscriptEntry[], maxSteps = 40): Sequence {
  const programs: string[] = [];
  for (const e of entries) {
    const program = e.actor.endsWith(' stdout') ? e.actor.slice(0, -' stdout'.length) : isGrader(e.actor) ? undefined : e.actor;
    if (program && !programs.includes(program)) programs.push(program);
  }
  const peers = new Map<string, string>();
  // Every entry is read, so a socket's peer is known even when its connect is not drawn.
  const all = entries.map((e) => stepOf(e, peers, programs));
  const steps = all.slice(-maxSteps);
  const used = new Set(steps.flatMap((s) => [s.from, ...(s.to ? [s.to] : [])]));
  const middle = [...programs, ...[...used].filter((l) => !programs.includes(l) && ![GRADER, KEYBOARD, SCREEN].includes(l))];
  if (middle.length === 0) middle.push('program');
  const lanes = [GRADER, ...middle, ...[KEYBOARD, SCREEN].filter((l) => used.has(l))];
  return { lanes, steps, earlier: all.length - steps.length };
}
