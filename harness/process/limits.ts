// Resource limits a correct solution never notices, and how to tell a student which
// one their program ran into, in words.

/** Each limit, as prlimit sets it, with the sentence a student reads when it is hit. */
export const LIMITS = {
  /** CPU seconds: a whole test takes a few; only a busy loop gets near. */
  cpuSeconds: 10,
  /** Heap and other private memory (RLIMIT_DATA: unlike RLIMIT_AS it lets Node reserve address space). */
  memoryBytes: 512 * 1024 * 1024,
  /** Processes and threads of the program (its own user in the sandbox). */
  processes: 128,
  /** The largest file it may write. */
  fileBytes: 64 * 1024 * 1024,
  /** Files and sockets open at once. */
  openFiles: 512,
  /** Its folder and every other place it may write, together (a tmpfs per test). */
  scratchBytes: 256 * 1024 * 1024,
  /** Every program of a test together, shared memory and tmpfs files included (a control group per test). */
  testMemoryBytes: 768 * 1024 * 1024,
  /** Processes and threads of every program of a test together. */
  testProcesses: 256,
  /** Address space of one process, where no control group bounds the test's memory (shared memory included). */
  addressSpaceBytes: 2 * 1024 * 1024 * 1024,
};

const MiB = 1024 * 1024;

/**
 * prlimit options; `processes` only where the program has a user of its own to count;
 * `addressSpace` where no control group bounds the test's memory as a whole (shared
 * mappings escape RLIMIT_DATA).
 */
export function prlimitArgs(ownUser: boolean, addressSpace: boolean): string[] {
  return [
    `--cpu=${LIMITS.cpuSeconds}:${LIMITS.cpuSeconds + 1}`,
    `--data=${LIMITS.memoryBytes}`,
    `--fsize=${LIMITS.fileBytes}`,
    `--nofile=${LIMITS.openFiles}`,
    ...(ownUser ? [`--nproc=${LIMITS.processes}`] : []),
    ...(addressSpace ? [`--as=${LIMITS.addressSpaceBytes}`] : []),
  ];
}

/**
 * The same limits as prlimitArgs(ownUser, false), as POSIX shell commands joined by `&&`
 * (file sizes in 512-byte blocks, memory in KiB). The process count is `-u` in bash and
 * `-p` in dash.
 */
export function ulimitCommands(ownUser: boolean): string {
  return [
    // The soft limit first: a hard limit under the soft one is refused.
    `ulimit -S -t ${LIMITS.cpuSeconds}`,
    `ulimit -H -t ${LIMITS.cpuSeconds + 1}`,
    `ulimit -d ${LIMITS.memoryBytes / 1024}`,
    `ulimit -f ${LIMITS.fileBytes / 512}`,
    `ulimit -n ${LIMITS.openFiles}`,
    ...(ownUser ? [`{ ulimit -u ${LIMITS.processes} 2>/dev/null || ulimit -p ${LIMITS.processes}; }`] : []),
  ].join(' && ');
}

/** Words for a program the kernel killed because the test's programs together used too much memory. */
export function testMemoryHit(): string {
  return `it ran out of memory and was stopped: the programs of a test may use at most ${LIMITS.testMemoryBytes / MiB} MiB together (shared memory and files in /tmp included)`;
}

/** Which limit a program ran into, judged from how it ended and its stderr; undefined when none. */
export function limitHit(signal: string | null, stderr: string): string | undefined {
  if (signal === 'SIGXCPU') return `it used more than ${LIMITS.cpuSeconds} s of CPU time and was stopped (a busy loop?)`;
  if (signal === 'SIGXFSZ' || /File too large|EFBIG/.test(stderr)) return `it wrote a file larger than ${LIMITS.fileBytes / MiB} MiB, the most a program may write`;
  if (/MemoryError|out of memory|Cannot allocate memory|ENOMEM/.test(stderr)) return `it ran out of memory: a program may use at most ${LIMITS.memoryBytes / MiB} MiB`;
  if (/No space left on device|ENOSPC/.test(stderr)) return `it filled its folder: a program may write at most ${LIMITS.scratchBytes / MiB} MiB in all`;
  if (/Too many open files|EMFILE/.test(stderr)) return `it had more than ${LIMITS.openFiles} files and sockets open at once (are connections closed after use?)`;
  if (/can't start new thread|Resource temporarily unavailable|BlockingIOError: \[Errno 11\]|EAGAIN/.test(stderr) && /fork|thread|spawn|Popen/i.test(stderr)) {
    return `it started more than ${LIMITS.processes} processes and threads, the most a program may have`;
  }
  return undefined;
}
