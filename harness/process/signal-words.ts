// How a program killed by a signal ended, in words a student knows: "SIGSEGV" means
// little to someone who wrote a C server last week; "it crashed (segmentation fault,
// signal 11)" says what to look for, and the number is what a shell prints (139 = 128+11).

import { constants } from 'node:os';

/** What each signal a student's program may die of means; the rest are named as they are. */
const MEANINGS: Partial<Record<NodeJS.Signals, { verb: 'crashed' | 'was killed' | 'was stopped'; words: string }>> = {
  SIGSEGV: { verb: 'crashed', words: 'segmentation fault' },
  SIGBUS: { verb: 'crashed', words: 'bus error' },
  SIGFPE: { verb: 'crashed', words: 'arithmetic error, such as a division by zero' },
  SIGILL: { verb: 'crashed', words: 'illegal instruction' },
  SIGABRT: { verb: 'crashed', words: 'aborted, e.g. by a failed assert() or abort()' },
  SIGTRAP: { verb: 'crashed', words: 'trace trap' },
  SIGSYS: { verb: 'crashed', words: 'a system call it may not make' },
  SIGPIPE: { verb: 'was killed', words: 'broken pipe: it wrote to a connection the other side had closed' },
  SIGKILL: { verb: 'was killed', words: 'SIGKILL' },
  SIGTERM: { verb: 'was stopped', words: 'SIGTERM' },
  SIGINT: { verb: 'was stopped', words: 'SIGINT, as by Ctrl+C' },
  SIGHUP: { verb: 'was stopped', words: 'SIGHUP' },
  SIGXCPU: { verb: 'was stopped', words: 'CPU time limit' },
  SIGXFSZ: { verb: 'was stopped', words: 'file size limit' },
};

/** "crashed (segmentation fault, signal 11)", "was killed (SIGKILL, signal 9)"; a signal Node does not know is named as given. */
export function signalWords(signal: string): string {
  const number = (constants.signals as Record<string, number | undefined>)[signal];
  const meaning = MEANINGS[signal as NodeJS.Signals];
  const num = number === undefined ? '' : `, signal ${number}`;
  if (!meaning) return `was killed (${signal}${num})`;
  return `${meaning.verb} (${meaning.words}${num})`;
}
