// The one way the grader signals a process. kill(2) reads pid 0 as "my own process
// group", -1 as "every process I may signal" and 1 as init (and -pid as pid's group):
// a pid that went missing (a spawn that failed has none) must never become one of
// those, least of all as root. Such a call is a grader bug: it throws, and sends nothing.

/** A pid (or -pgid) that names one process (or group) other than init's. */
export function isSignalTarget(pid: number | undefined): pid is number {
  return pid !== undefined && Number.isSafeInteger(pid) && Math.abs(pid) > 1;
}

/** Sends `sig` to `pid` (a group when negative); false when it was already gone. */
export function sendSignal(pid: number, sig: NodeJS.Signals): boolean {
  if (!isSignalTarget(pid)) throw new RangeError(`refusing to send ${sig} to pid ${pid}: it would reach processes that are not the program's`);
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false; // already gone
  }
}
