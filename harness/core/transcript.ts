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

export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  private readonly start = Date.now();

  add(actor: string, event: string): void {
    // A flooding program must not make the transcript the memory hog.
    if (this.entries.length >= 2000) return;
    this.entries.push({ atMs: Date.now() - this.start, actor, event });
  }

  sent(actor: string, data: string | Buffer): void {
    this.add(actor, `sent ${quote(data)}`);
  }

  received(actor: string, data: string | Buffer): void {
    this.add(actor, `received ${quote(data)}`);
  }
}

export function formatTranscript(entries: readonly TranscriptEntry[], tail = 14): string[] {
  const shown = entries.slice(-tail);
  const lines = shown.map((e) => `${(e.atMs / 1000).toFixed(3).padStart(7)} s  ${e.actor.padEnd(14)} ${e.event}`);
  if (entries.length > shown.length) lines.unshift(`(… ${entries.length - shown.length} earlier events)`);
  return lines;
}
