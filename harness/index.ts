// What a spec imports: the DSL, the context it is given, and fresh-data helpers.

export { task, group, check, type Group } from './spec/dsl.js';
export type { TestContext } from './spec/test-context.js';
export type { ProgramUnderTest, ServerUnderTest } from './spec/program-under-test.js';
export { expectServesOnOrEndsCleanly } from './spec/serves-on-or-ends-cleanly.js';
export type { Connection } from './net/connection.js';
export type { FakeServer } from './net/fake-server.js';
export type { UdpPeer, Datagram } from './net/udp-peer.js';
export type { PeerProgram } from './net/peer-program.js';
export { StudentFailure, SkipTest } from './core/failures.js';
export { quote, describeBytes } from './core/quote.js';
export { DEFAULT_WITHIN_MS, STARTUP_WITHIN_MS, scaled } from './core/time.js';
export { whyNoMore } from './core/inbox.js';
export { randomWord, randomSentence, randomBinary, randomFileName, randomInt, randomBytes } from './spec/random.js';
export { UdpRelay, type RelayRule, type RelayAction, type RelayDirection } from './net/udp-relay.js';
export { expectSavedFile, expectNoSavedFile } from './spec/saved-file.js';
export { readUntrustedFile, type UntrustedRead } from './sandbox/untrusted-file.js';
export { sha256, firstDifference, describeDifference, expectSameBytes } from './spec/compare-bytes.js';
export type { Endpoint } from './net/connect.js';
export { randomText } from './spec/random-text.js';
export { holdReading, resumeOnceSenderWaits, readOnceSenderWaits, sizeBeyondBuffers, type SenderState } from './net/slow-reading.js';
