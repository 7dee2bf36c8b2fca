// The page's newline, graded once: every other test sends a server that reads messages as
// one recv() gives them its messages without the newline (server-framing.ts), so a
// course that sends none costs this one test.

import { StudentFailure } from '../core/failures.js';
import { quote } from '../core/quote.js';
import type { Observed } from './server-framing.js';

/** The title of the one test per task that grades the page's newline on the server's side. */
export const PAGE_NEWLINE_TEST = 'the server reads each message up to its newline, as the page asks';

/** Fails when the server acted on a message before its newline came. */
export function expectWaitedForNewline(message: string, seen: Observed): void {
  if (seen.framing !== 'bare') return;
  throw new StudentFailure({
    sent: `${quote(message)} (no newline yet)`,
    expected: 'the server waits for the newline that ends the message before it acts on it',
    actual: seen.what,
    help: 'the page asks each message to end with a newline; your server reads what one recv() gives: that costs this one test (the other tests send your server its messages without the newline). To read up to the newline, keep a buffer and call recv() until it holds "\\n", then take the line',
  });
}
