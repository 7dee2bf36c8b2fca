// The words a task is described in, apart from the DSL that uses them: the test context
// and the program starter need them too, and the DSL imports those (no cycle).

export type Group = 'server' | 'client' | 'end-to-end' | 'robustness';

/** What a task's protocol page fixes for the grader: where its server is expected. */
export interface TaskOptions {
  /** The exercise's default port, from its protocol page (the real one inside a test's own network). */
  port: number;
  /** How the server is reached; 'tcp' unless the page says UDP. */
  protocol?: 'tcp' | 'udp';
  /**
   * The page's first message from a client to the server, without its newline, and what a
   * server does with it that shows it acted (`reply`: answers or closes on the connection;
   * `print`: also prints or ends). Given, the grader learns whether the server waits for
   * the newline (see server-framing.ts).
   */
  framingProbe?: FramingProbe;
}

export interface FramingProbe {
  message: string;
  seen?: 'reply' | 'print';
}

/** How a server reads a message: up to its newline, as the page asks, or as one recv() gives it. */
export type Framing = 'line' | 'bare';

/** What the grader learned of the submission's own conventions (its course's port), and what the page asks. */
export interface Dialect {
  /** The port the task's page asks for. */
  pagePort: number;
  /** Where its server was seen listening (bound, over UDP), when it started. */
  serverPort?: number;
  /** Where its client was seen connecting (sending its first datagram), when it did before any test of the client. */
  clientPort?: number;
  /** How its server was seen reading a message (only learned for TCP tasks whose page gives a first message). */
  serverFraming?: Framing;
  /** How its client ended the first message the grader read from it (same tasks). */
  clientFraming?: Framing;
}
