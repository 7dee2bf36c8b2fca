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
const FOLD_BYTES = 1024;

export class Transcript {
  private readonly head: TranscriptEntry[] = [];
  private tail: TranscriptEntry[] = [];
  private omitted = 0;
  private readonly start = Date.now();
  /** The receive that the next one may be folded into (see received). */
  private lastReceive: { entry: TranscriptEntry; bytes: number; pieces: number; start: string | Buffer } | undefined;

  add(actor: string, event: string): void {
    this.lastReceive = undefined;
    this.push({ atMs: Date.now() - this.start, actor, event });
  }

  private push(entry: TranscriptEntry): void {
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
   * A file arriving in hundreds of chunks is one event to a reader: consecutive receives
   * by the same actor fold into one entry once they pass FOLD_BYTES. Small ones stay
   * apart, since a message split in pieces is often the very thing a test shows.
   */
  received(actor: string, data: string | Buffer): void {
    const last = this.lastReceive;
    const size = Buffer.byteLength(data);
    if (last && last.entry.actor === actor && last.bytes + size > FOLD_BYTES) {
      last.bytes += size;
      last.pieces += 1;
      last.entry.event = `received ${last.bytes} bytes in ${last.pieces} pieces, starting ${quote(last.start, 60)}`;
      return;
    }
    this.add(actor, `received ${quote(data)}`);
    const entry = this.tail.at(-1) ?? this.head.at(-1);
    if (entry) this.lastReceive = { entry, bytes: size, pieces: 1, start: data };
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
