// What a spec imports: the DSL, the context it is given, and fresh-data helpers.

export { SkipTest, StudentFailure } from './core/failures.js';
export { whyNoMore } from './core/inbox.js';
export { describeBytes, quote } from './core/quote.js';
export { ANY_LINE, type TextPattern, textPattern, trimmedLine, trimmedLineAnyCase } from './core/text-pattern.js';
export { type Deadlines, pollPause, pollUntil, seconds, settlesWithin } from './core/time.js';
export { describeDifference, expectSameBytes, firstDifference, sha256 } from './dsl/compare-bytes.js';
export { check, type Group, group, task } from './dsl/dsl.js';
export { PAGE_NEWLINE_TEST } from './dsl/page-newline.js';
export type { ProgramUnderTest, ServerUnderTest } from './dsl/program-under-test.js';
export { randomBinary, randomBytes, randomFileName, randomInt, randomSentence, randomWord } from './dsl/random.js';
export { randomText } from './dsl/random-text.js';
export { expectNoSavedFile, expectSavedFile } from './dsl/saved-file.js';
export { expectServesOnOrEndsCleanly } from './dsl/serves-on-or-ends-cleanly.js';
export { END_OF_INPUT } from './dsl/task-terms.js';
export type { TestContext } from './dsl/test-context.js';
export { whoSpeaksFirst } from './dsl/turn-order.js';
export type { Endpoint } from './net/connect.js';
export type { Connection } from './net/connection.js';
export type { FakeServer } from './net/fake-server.js';
export type { PeerProgram } from './net/peer-program.js';
export { holdReading, readOnceSenderWaits, resumeOnceSenderWaits, type SenderState, sizeBeyondBuffers } from './net/slow-reading.js';
export type { Datagram, UdpPeer } from './net/udp-peer.js';
export { type RelayAction, type RelayDirection, type RelayRule, UdpRelay } from './net/udp-relay.js';
export type { ServerEnd } from './process/sockets.js';
export { readUntrustedFile, type UntrustedRead } from './sandbox/untrusted-file.js';
