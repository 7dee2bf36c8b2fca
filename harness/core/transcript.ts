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
/** Past this many bytes in a row, further pieces are counted into one entry, not listed. */
const BULK_BYTES = 1024;

export class Transcript {
  private readonly head: TranscriptEntry[] = [];
  private tail: TranscriptEntry[] = [];
  private omitted = 0;
  private readonly start = Date.now();
  private last: TranscriptEntry | undefined;
  /** The entry that counts a bulk transfer still arriving, while nothing else happened. */
  private bulk: { entry: TranscriptEntry; first: Buffer; bytes: number; pieces: number } | undefined;

  add(actor: string, event: string): void {
    const entry = { atMs: Date.now() - this.start, actor, event };
    this.last = entry;
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

  /**
   * A megabyte file arrives in hundreds of pieces: once a run of pieces from one actor
   * passes BULK_BYTES, the rest is counted into that entry, so the transcript's tail keeps
   * the events around it. Small pieces (a message split in two) stay separate entries.
   */
  received(actor: string, data: string | Buffer): void {
    const size = Buffer.byteLength(data);
    const run = this.bulk;
    if (run && run.entry === this.last && run.entry.actor === actor && run.bytes >= BULK_BYTES) {
      run.bytes += size;
      run.pieces++;
      run.entry.event = `received ${quote(run.first.subarray(0, 40))}… ${run.bytes} bytes in all, in ${run.pieces} pieces`;
      return;
    }
    this.add(actor, `received ${quote(data)}`);
    this.bulk = this.last ? { entry: this.last, first: Buffer.from(data), bytes: size, pieces: 1 } : undefined;
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
