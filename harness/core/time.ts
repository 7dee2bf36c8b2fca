// Deadlines bound the failing path only: every wait resolves on an event, and the
// deadline says when to give up. A run on a slow machine scales them all (`--time-scale`):
// the scale is one of the run's settings, handed to each grading with its job.

/** A run's deadlines: the waits' own, times the run's scale. */
export class Deadlines {
  /** `scale`: a positive number, 1 for the deadlines as written, 2 to double them. */
  constructor(readonly scale = 1) {}

  /** How long to wait for a reply, a line, a close, an exit. */
  get reply(): number {
    return this.scaled(3000);
  }

  /** How long a program may take to start listening or connecting. */
  get startup(): number {
    return this.scaled(10000);
  }

  /** `ms` as this run counts it. */
  scaled(ms: number): number {
    return Math.round(ms * this.scale);
  }
}

/** The deadlines as written: outside a run (the harness's own tests) and where a run does not scale them. */
export const UNSCALED = new Deadlines(1);

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)} s`;
}

/** Resolves after `ms` without keeping the event loop alive; for poll intervals only. */
export function pollPause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * The value of `promise` if it settles within `ms`, else undefined: an event awaited
 * with a deadline. The timer is cleared either way and never keeps the process alive.
 */
export async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms).unref();
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls `probe` until it returns a value (not undefined) or the deadline passes.
 * For states that have no event to listen to, such as rows in /proc.
 */
export async function pollUntil<T>(probe: () => T | undefined | Promise<T | undefined>, withinMs: number, intervalMs = 5): Promise<T | undefined> {
  const end = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= end) return undefined;
    await pollPause(intervalMs);
  }
}
