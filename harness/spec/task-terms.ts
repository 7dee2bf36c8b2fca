// The words a task is described in, apart from the DSL that uses them: the test context
// and the program starter need them too, and the DSL imports those (no cycle).

export type Group = 'server' | 'client' | 'end-to-end' | 'robustness';

/** The groups whose tests may run the submission's client, or wait where it connects (client-port.ts). */
export const CLIENT_SIDE_GROUPS: readonly Group[] = ['client', 'end-to-end', 'robustness'];

/** What a task's protocol page fixes for the grader: where its server is expected. */
export interface TaskOptions {
  /** The exercise's default port, from its protocol page (the real one inside a test's own network). */
  port: number;
  /** How the server is reached; 'tcp' unless the page says UDP. */
  protocol?: 'tcp' | 'udp';
}

/** What the grader learned of the submission's own conventions (its course's port), and what the page asks. */
export interface Dialect {
  /** The port the task's page asks for. */
  pagePort: number;
  /** Where its server was seen listening (bound, over UDP), when it started. */
  serverPort?: number;
  /** Where its client was seen connecting (sending its first datagram), when it did before any test of the client. */
  clientPort?: number;
}
