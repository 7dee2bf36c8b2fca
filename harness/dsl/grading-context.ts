// What one grading process is grading: the submission folder, the run's seed and deadlines
// (set by the worker before each grading) and which programs already failed to start in an earlier test.

import path from 'node:path';
import { newSeed } from '../core/seeded-random.js';
import { type Deadlines, UNSCALED } from '../core/time.js';
import type { Role } from '../submission/manifest.js';
import { ownStopWord, stopWordsOfProgram } from '../submission/stop-word.js';
import { type Dialect, END_OF_INPUT, type Framing } from './task-terms.js';

interface Grading {
  /** The folder programs run from: the submission, or the grader's readable copy of it. */
  dir: string;
  /** The folder handed in. */
  original: string;
  /** Every random choice of the grading comes from it (`--seed` replays a run). */
  seed: number;
  /** Whether the test of this full title ("<task> <group> <title>") runs in this grading; absent: every test does. */
  runs?: (fullTitle: string) => boolean;
  /** How many tests of a task run side by side (1: one after another). */
  testsAtOnce?: number;
  /** The run's deadlines (its time scale); absent: as written. */
  deadlines?: Deadlines;
}

let current: Grading | undefined;

/** A new grading begins (a worker grades one submission after another): nothing noted carries over. */
export function beginGrading(next: Grading): void {
  current = { dir: path.resolve(next.dir), original: path.resolve(next.original), seed: next.seed, runs: next.runs, testsAtOnce: next.testsAtOnce, deadlines: next.deadlines };
  decided = emptyDecided();
  learned.clear();
  clientPorts.clear();
  stopWords.clear();
  serverFramings.clear();
}

function grading(): Grading {
  if (!current) throw new Error('no grading has begun: specs run through the grade runner');
  return current;
}

export function submissionDir(): string {
  return grading().dir;
}

/** The folder programs run from, when a grading has begun (a program can be started outside one, in the harness's own tests). */
export function gradedSubmissionDir(): string | undefined {
  return current?.dir;
}

export function originalSubmissionDir(): string {
  return grading().original;
}

/** Whether the test of this full title runs in this grading (one narrowed to groups or tests runs only some); outside a grading, every test does. */
export function testRuns(fullTitle: string): boolean {
  return current?.runs?.(fullTitle) ?? true;
}

/** How many tests of a task run side by side in this grading; outside a grading, one at a time. */
export function testsAtOnce(): number {
  return current?.testsAtOnce ?? 1;
}

/** The deadlines of the run this grading belongs to; outside a grading (the harness's own tests), as written. */
export function gradingDeadlines(): Deadlines {
  return current?.deadlines ?? UNSCALED;
}

let ownSeed: number | undefined;

/** The grading's seed; a process that grades nothing (a spec loaded on its own) draws from one of its own. */
export function gradingSeed(): number {
  if (current) return current.seed;
  ownSeed ??= newSeed();
  return ownSeed;
}

/**
 * What the grading has decided, test by test in the spec's order: "task4:server" → why
 * it never got going, and in which test: later tests of that role are skipped;
 * everywhere, or (a program that never reached the grader, which may only speak another
 * wire format) where the grader is its peer, not end to end. Tests run side by side, so
 * each notes what it saw in its own TestNotes, and these are replayed here in the spec's
 * order (decideNotes): a verdict never depends on which test finished first.
 */
interface Decided {
  failedToStart: Map<string, { title: string; what: string; everywhere: boolean }>;
  /** Roles that have reached their peer at least once: a later miss is that test's own failure. */
  reachedPeer: Set<string>;
  /** Per task: the port its server was seen listening on; the first seen (in the spec's order) counts. */
  serverPorts: Map<string, { pagePort: number; port: number }>;
  /** Per task: how its client ended the first message the grader read from it; the first seen (in the spec's order) counts. */
  clientFramings: Map<string, { pagePort: number; framing: Framing }>;
}

const emptyDecided = (): Decided => ({ failedToStart: new Map(), reachedPeer: new Set(), serverPorts: new Map(), clientFramings: new Map() });
const copyOf = (d: Decided): Decided => ({
  failedToStart: new Map(d.failedToStart),
  reachedPeer: new Set(d.reachedPeer),
  serverPorts: new Map(d.serverPorts),
  clientFramings: new Map(d.clientFramings),
});

let decided = emptyDecided();

/** What one test saw of the programs, in its order. */
type Note =
  | { kind: 'uses'; role: string; group: string; transcriptLength: number }
  | { kind: 'start failure'; role: string; what: string; everywhere: boolean }
  | { kind: 'never reached'; role: string; what: string }
  | { kind: 'reached'; role: string }
  | { kind: 'server port'; pagePort: number; port: number }
  | { kind: 'client framing'; pagePort: number; framing: Framing };

/** A test skipped because a program failed to start in an earlier test: why, and how much of its transcript came before. */
export interface EarlierFailure {
  reason: string;
  transcriptLength: number;
}

/** Why `role` is skipped from here on, e.g. `the client never connected in the test "…"`. */
function skipReason(d: Decided, task: string, role: string, group: string): string | undefined {
  const failure = d.failedToStart.get(`${task}:${role}`);
  if (!failure || (!failure.everywhere && group === 'end-to-end')) return undefined;
  return `the ${role} ${failure.what} in the test "${failure.title}"`;
}

/** Plays a test's notes onto `d`, as if it ran alone after the tests already there; stops where the test is skipped. */
function replay(d: Decided, task: string, title: string, notes: readonly Note[]): EarlierFailure | undefined {
  for (const note of notes) {
    const key = `${task}:${'role' in note ? note.role : ''}`;
    switch (note.kind) {
      case 'uses': {
        const reason = skipReason(d, task, note.role, note.group);
        if (reason) return { reason, transcriptLength: note.transcriptLength };
        break;
      }
      case 'never reached':
        if (!d.reachedPeer.has(key) && !d.failedToStart.has(key)) d.failedToStart.set(key, { title, what: note.what, everywhere: false });
        break;
      case 'start failure':
        if (!d.failedToStart.has(key)) d.failedToStart.set(key, { title, what: note.what, everywhere: note.everywhere });
        break;
      case 'reached':
        d.reachedPeer.add(key);
        break;
      case 'server port':
        if (!d.serverPorts.has(task)) d.serverPorts.set(task, { pagePort: note.pagePort, port: note.port });
        break;
      case 'client framing':
        if (!d.clientFramings.has(task)) d.clientFramings.set(task, { pagePort: note.pagePort, framing: note.framing });
        break;
    }
  }
  return undefined;
}

/** Everyone waiting for the next note, decision or end of a test (see TestNotes.clientFraming). */
let changeWaiters: Array<() => void> = [];

function changed(): void {
  const waiting = changeWaiters;
  changeWaiters = [];
  for (const wake of waiting) wake();
}

const nextChange = (): Promise<void> => new Promise((resolve) => changeWaiters.push(resolve));

/** What one test notes of its programs while it runs, decided once every test before it is. */
export class TestNotes {
  private readonly notes: Note[] = [];
  private decidedYet = false;
  private ended = false;

  constructor(
    readonly task: string,
    readonly title: string,
    /**
     * The tests before this one in the spec's order, each with its notes (bodies start in
     * that order, so every one has begun); outside a scheduled run (the harness's own tests), none.
     */
    private readonly earlier: () => readonly TestNotes[] = () => [],
  ) {}

  private take(note: Note): void {
    this.notes.push(note);
    changed();
  }

  /** Whether every test before this one is decided. */
  private earlierDecided(): boolean {
    return this.earlier().every((n) => n.decidedYet);
  }

  /**
   * The test is about to start its `role`: why it is skipped instead, when that is
   * known already (a role failed to start earlier in this test, or in an earlier one
   * when all of those are decided); else the test goes on, and decideNotes has the last word.
   */
  uses(role: string, group: string, transcriptLength: number): string | undefined {
    this.take({ kind: 'uses', role, group, transcriptLength });
    return replay(this.earlierDecided() ? copyOf(decided) : emptyDecided(), this.task, this.title, this.notes)?.reason;
  }

  startFailure(role: string, what = 'did not start', everywhere = true): void {
    this.take({ kind: 'start failure', role, what, everywhere });
  }

  /** A client that never connected (never sent a datagram) in its first test: no later test waits for it again. */
  neverReached(role: string, what: string): void {
    this.take({ kind: 'never reached', role, what });
  }

  reached(role: string): void {
    this.take({ kind: 'reached', role });
  }

  /** The port the task's server was seen listening on; the first seen counts. */
  serverPort(pagePort: number, port: number): void {
    this.take({ kind: 'server port', pagePort, port });
  }

  /** How the task's client ended the first message the grader read from it; the first seen (in the spec's order) counts. */
  clientFramingSeen(pagePort: number, framing: Framing): void {
    this.take({ kind: 'client framing', pagePort, framing });
  }

  /**
   * How the task's client frames its messages as a run of one test after another knows it
   * here: seen in an earlier test (the first in the spec's order) or earlier in this one;
   * undefined when not. Waits while an earlier test still running may see it first
   * (each ends at its own deadlines; one that has seen it ends the wait at once).
   */
  async clientFraming(): Promise<Framing | undefined> {
    for (;;) {
      const known = this.clientFramingKnown();
      if (known !== 'not yet') return known;
      await nextChange();
    }
  }

  private clientFramingKnown(): Framing | undefined | 'not yet' {
    const d = copyOf(decided);
    for (const n of [...this.earlier().filter((e) => !e.decidedYet), this]) {
      // Played as decide() will: a test skipped from some point on notes nothing after it.
      const skipped = replay(d, n.task, n.title, n.notes);
      const seen = d.clientFramings.get(this.task);
      if (seen) return seen.framing;
      if (n !== this && !skipped && !n.ended) return 'not yet';
    }
    return undefined;
  }

  /** The body has ended (its programs are gone): nothing more is noted. */
  end(): void {
    this.ended = true;
    changed();
  }

  /** Called in the spec's order, each test once: its notes count from here on, unless a failure noted earlier skips it. */
  decide(): EarlierFailure | undefined {
    const earlier = replay(decided, this.task, this.title, this.notes);
    this.decidedYet = true;
    changed();
    return earlier;
  }
}

/** Per task: the ports its programs were seen using (see page-port.ts, client-port.ts). */
const learned = new Map<string, Dialect>();

function learnedOf(task: string, pagePort: number): Dialect {
  const d = learned.get(task) ?? { pagePort };
  learned.set(task, d);
  return d;
}

/** What was learned of the task's ports in this grading, for its report. */
export function learnedDialect(task: string): Dialect | undefined {
  const server = decided.serverPorts.get(task);
  if (server) learnedOf(task, server.pagePort).serverPort ??= server.port;
  const client = decided.clientFramings.get(task);
  if (client) learnedOf(task, client.pagePort).clientFraming ??= client.framing;
  const d = learned.get(task);
  const words = stopWordDialect(task);
  if (!d && !words) return undefined;
  if (!d || (d.serverPort === undefined && d.clientPort === undefined && d.serverFraming === undefined && d.clientFraming === undefined))
    return words && { pagePort: d?.pagePort ?? words.pagePort, ...words.fields };
  // Always in this order, whichever was seen first (the client's discovery runs beside the server's tests).
  return {
    pagePort: d.pagePort,
    ...(d.serverPort === undefined ? {} : { serverPort: d.serverPort }),
    ...(d.clientPort === undefined ? {} : { clientPort: d.clientPort }),
    ...(d.serverFraming === undefined ? {} : { serverFraming: d.serverFraming }),
    ...(d.clientFraming === undefined ? {} : { clientFraming: d.clientFraming }),
    ...words?.fields,
  };
}

/** Per task: each role's own stop word (undefined: the page's), read from its source once per grading, and whether it compares with any (else its word is not known). */
const stopWords = new Map<string, { pagePort: number; page: string; own: Record<Role, string | undefined>; compares: Record<Role, boolean> }>();

/** Reads the task's programs for their stop words, once per grading (see submission/stop-word.ts). */
export function learnStopWords(task: string, pagePort: number, pageWord: string, clientWords: string[] = []): void {
  if (stopWords.has(task) || !current) return;
  const dir = current.dir;
  const [server, client] = [stopWordsOfProgram(dir, task, 'server'), stopWordsOfProgram(dir, task, 'client')];
  // Where the page's client ends at the end of its input, no test speaks a word to the server.
  const own = {
    server: pageWord === END_OF_INPUT ? undefined : ownStopWord(server, [pageWord], client),
    client: ownStopWord(client, [pageWord, ...clientWords], server),
  };
  stopWords.set(task, { pagePort, page: pageWord, own, compares: { server: server.length > 0, client: client.length > 0 } });
}

/** The word `role`'s program ends a session with, when it is its own and not the page's. */
export function ownStopWordOf(task: string, role: Role): string | undefined {
  return stopWords.get(task)?.own[role];
}

/** The stop-word fields of the task's dialect; undefined when both programs use the page's. */
function stopWordDialect(task: string): { pagePort: number; fields: Pick<Dialect, 'stopWord' | 'serverStopWord' | 'clientStopWord' | 'pageStopWord'> } | undefined {
  const s = stopWords.get(task);
  if (!s || (s.own.server === undefined && s.own.client === undefined)) return undefined;
  // Only the client has a word to speak where the page's ends at the end of input.
  if (s.page === END_OF_INPUT) return s.own.client === undefined ? undefined : { pagePort: s.pagePort, fields: { clientStopWord: s.own.client, pageStopWord: END_OF_INPUT } };
  // Each role's word as its source shows it: its own, the page's it compares with, or unknown (it compares with none).
  const wordOf = (role: Role): string | undefined => s.own[role] ?? (s.compares[role] ? s.page : undefined);
  const [server, client] = [wordOf('server'), wordOf('client')];
  const words =
    server !== undefined && server === client ? { stopWord: server } : { ...(server === undefined ? {} : { serverStopWord: server }), ...(client === undefined ? {} : { clientStopWord: client }) };
  return { pagePort: s.pagePort, fields: { ...words, pageStopWord: s.page } };
}

/** How a server reads a message, and how its answer to one ended (when it answered). */
export interface ServerFramingLearned {
  reads: Framing;
  replies?: Framing;
}

/**
 * Per task, something learned once per grading by a discovery that can be stopped: asked
 * for first, it is discovered and kept (with `keep`) for the rest of the grading.
 */
class LearnedOnce<T> {
  private readonly found = new Map<string, { value: Promise<T | undefined>; stop: AbortController }>();

  constructor(private readonly keep: (task: string, pagePort: number, value: T) => void) {}

  of(task: string, pagePort: number, discover: (stop: AbortSignal) => Promise<T | undefined>): Promise<T | undefined> {
    let found = this.found.get(task);
    if (!found) {
      const stop = new AbortController();
      // A discovery that fails leaves the page's value, as for a program that never shows its own.
      const value = discover(stop.signal)
        .catch(() => undefined)
        .then((v) => {
          if (v !== undefined) this.keep(task, pagePort, v);
          return v;
        });
      found = { value, stop };
      this.found.set(task, found);
    }
    return found.value;
  }

  /** A new grading: nothing learned carries over. */
  clear(): void {
    this.found.clear();
  }

  /** The task's tests are over: a discovery still under way stops (its program is killed) before the next grading. */
  async end(task: string): Promise<void> {
    const found = this.found.get(task);
    if (!found) return;
    found.stop.abort();
    await found.value;
  }
}

/** Per task, where its client connects (undefined: it never did), and how its server reads a message (undefined: it could not be told). */
const clientPorts = new LearnedOnce<number>((task, pagePort, port) => {
  learnedOf(task, pagePort).clientPort = port;
});
const serverFramings = new LearnedOnce<ServerFramingLearned>((task, pagePort, framing) => {
  learnedOf(task, pagePort).serverFraming = framing.reads;
});

/** The client's port (or the server's framing), learned by `discover` on first ask and kept for the grading. */
export const clientPortOf = clientPorts.of.bind(clientPorts);
export const serverFramingOf = serverFramings.of.bind(serverFramings);

/** The task's tests are over: a discovery still under way stops (its program is killed) before the next grading. */
export const endClientDiscovery = clientPorts.end.bind(clientPorts);
export const endServerFramingDiscovery = serverFramings.end.bind(serverFramings);
