// The words a task is described in, apart from the DSL that uses them: the test context
// and the program starter need them too, and the DSL imports those (no cycle).

export type Group = 'server' | 'client' | 'end-to-end' | 'robustness';

/** What a task's protocol page fixes for the grader: where its server is expected. */
export interface TaskOptions {
  /** The exercise's default port, from its protocol page (the real one inside a test's own network). */
  port: number;
  /** How the server is reached; 'tcp' unless the page says UDP. */
  protocol?: 'tcp' | 'udp';
}
