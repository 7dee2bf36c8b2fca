// The conversation of one test: what was sent, received, printed and exited, with times.
// Shown (its tail) under every failure so the student sees the proof.

import { quote } from './quote.js';

export interface TranscriptEntry {
  /** Milliseconds since the test started. */
  atMs: number;
  /** Who acted: "grader", "server", "client", "server stdout"… */
  actor: string;
  /** What happened, in words, e.g. `sent "HELLO\n"`. */
  event: string;
}

/** A flooding program must not make the transcript the memory hog: keep its start and its end. */
const KEEP_FIRST = 60;
const KEEP_LAST = 140;

export class Transcript {
  private readonly head: TranscriptEntry[] = [];
  private tail: TranscriptEntry[] = [];
  private omitted = 0;
  private readonly start = Date.now();

  add(actor: string, event: string): void {
    const entry = { atMs: Date.now() - this.start, actor, event };
    if (this.head.length < KEEP_FIRST) {
      this.head.push(entry);
      return;
    }
    this.tail.push(entry);
    if (this.tail.length > KEEP_LAST * 2) {
      this.omitted += this.tail.length - KEEP_LAST;
      this.tail = this.tail.slice(-KEEP_LAST);
    }
  }

  sent(actor: string, data: string | Buffer): void {
    this.add(actor, `sent ${quote(data)}`);
  }

  received(actor: string, data: string | Buffer): void {
    this.add(actor, `received ${quote(data)}`);
  }

  get entries(): TranscriptEntry[] {
    const tail = this.tail.slice(-KEEP_LAST);
    const omitted = this.omitted + this.tail.length - tail.length;
    const gap = omitted > 0 ? [{ atMs: tail[0].atMs, actor: 'grader', event: `(${omitted} events not kept)` }] : [];
    return [...this.head, ...gap, ...tail];
  }
}

export function formatTranscript(entries: readonly TranscriptEntry[], tail = 14): string[] {
  const shown = entries.slice(-tail);
  const lines = shown.map((e) => `${(e.atMs / 1000).toFixed(3).padStart(7)} s  ${e.actor.padEnd(14)} ${e.event}`);
  if (entries.length > shown.length) lines.unshift(`(… ${entries.length - shown.length} earlier events)`);
  return lines;
}
