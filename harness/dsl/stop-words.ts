// The words that end a session, as a test speaks them: the page's (task4's BYE), or the
// submission's own where its program compares with another (exit, quit), learned from
// its source (submission/stop-word.ts). Every test speaks the program's word; the page's
// own is graded in one test, whose hint says what the page asks and what it costs.

import { isStudentFailure, StudentFailure } from '../core/failures.js';
import type { Role } from '../submission/manifest.js';
import { ownStopWordOf } from './grading-context.js';
import type { ProgramUnderTest } from './program-under-test.js';
import { END_OF_INPUT } from './task-terms.js';

export class StopWords {
  constructor(
    private readonly task: string,
    /** The page's word, where the page has one. */
    private readonly page: string | undefined,
    /** Other words the page lets its client end with (ack-v2: quit, exit). */
    private readonly clientWords: string[] = [],
  ) {}

  /**
   * The word to send to, or type at, `role`'s program: its own where it has one, else
   * `pageForm` (the page's word as this test writes it, e.g. "Bye" for a letter-case test).
   */
  of(role: Role, pageForm = this.page): string {
    if (pageForm === undefined) throw new Error(`${this.task}: its page has no stop word`);
    return ownStopWordOf(this.task, role) ?? pageForm;
  }

  /**
   * Whether `text` (trimmed) ends a session: the page's word or a word of the submission's
   * own, in any letter case (a server comparing `.upper() == "QUIT"` is sent "quit" by its client).
   */
  is(text: string): boolean {
    const word = text.trim().toLowerCase();
    return [this.page, ownStopWordOf(this.task, 'server'), ownStopWordOf(this.task, 'client')].some((w) => w !== undefined && w.toLowerCase() === word);
  }

  /**
   * Ends a client's input, as a person who is done would: where the page ends the client
   * at the end of its input and the client ends on a word of its own, that word is typed first.
   */
  endInput(client: ProgramUnderTest): void {
    const own = ownStopWordOf(this.task, 'client');
    if (own !== undefined && this.page === END_OF_INPUT) client.type(own);
    client.closeInput();
  }

  /**
   * A test of the page's word (`pageForm`) at `role`'s program: `body` speaks the word it
   * is given. If that program has a word of its own, the failure says so. One charge a
   * task: where the server is charged (its own word), a test at the client speaks the
   * client's own word instead.
   */
  async gradePageWord(role: Role, pageForm: string, body: (word: string) => Promise<void>): Promise<void> {
    const own = ownStopWordOf(this.task, role);
    if (own !== undefined && role === 'client' && ownStopWordOf(this.task, 'server') !== undefined) return body(own);
    try {
      await body(pageForm);
    } catch (e) {
      if (own === undefined || !isStudentFailure(e)) throw e;
      throw new StudentFailure({
        ...e.details,
        help:
          this.page === END_OF_INPUT
            ? `the page ends the client at the end of its input (Ctrl+D: catch EOFError); your client ends on ${own}: that costs this one test (every other test types ${own} before the end of its input)`
            : `the page ends a session with ${[this.page, ...(role === 'client' ? this.clientWords : [])].join(', ')}; your ${role} uses ${own}: that costs this one test (every other test sends your ${role} ${own})`,
      });
    }
  }
}
