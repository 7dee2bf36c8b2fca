// Deadlines bound the failing path only: every wait resolves on an event, and the
// deadline (scaled by SOCKET_GRADER_TIME_SCALE on slow machines) says when to give up.

const scale = Number(process.env.SOCKET_GRADER_TIME_SCALE ?? '1') || 1;

/** How long to wait for a reply, a line, a close, an exit. */
export const DEFAULT_WITHIN_MS = scaled(3000);
/** How long a program may take to start listening or connecting. */
export const STARTUP_WITHIN_MS = scaled(10000);

export function scaled(ms: number): number {
  return Math.round(ms * scale);
}

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
