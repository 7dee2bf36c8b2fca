// The student's program on the other end of one of the grader's sockets. A wait for what
// it sends ends as soon as it exits, not at the deadline: a crash is reported at once.

export interface PeerProgram {
  /** "server" or "client", for the message. */
  readonly role: string;
  readonly process: { readonly exited: Promise<unknown>; readonly pid: number; readonly running: boolean };
}

/** Where a grader socket tells whether a student's program ever reached it (see grading-context). */
export interface ContactNotes {
  reached(role: string): void;
  never(role: string, what: string): void;
}

/**
 * Calls `onExit` once `program` has exited and one more turn of the event loop has
 * passed (what it sent just before exiting is delivered by then); never when absent.
 */
export function whenExited(program: PeerProgram | undefined, onExit: () => void): void {
  void program?.process.exited.then(() => setImmediate(onExit));
}
