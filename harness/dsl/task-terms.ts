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
  /** The word the page ends a session with (task4's BYE), where it has one; END_OF_INPUT where the page's client ends at the end of its input. */
  stopWord?: string;
  /** Other words the page lets its client end with (ack-v2: quit, exit): a client that knows one follows the page. */
  clientStopWords?: string[];
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
  /**
   * What a second person sends, each without its newline once the server has read the one
   * before (chat: a name, then a message): a server that took the first message silently
   * (a chat's name, nobody else there to tell) is seen acting through what reaches either
   * connection. Only a server that seemed to wait for the newline is asked.
   */
  another?: string[];
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
  /** The word both its programs end a session with, when it is their own. */
  stopWord?: string;
  /** Where the two differ (or one is not known: it compares with no word), its server's word, when one of them has its own. */
  serverStopWord?: string;
  /** Likewise its client's (alone where the page's client ends at the end of its input). */
  clientStopWord?: string;
  /** The page's word, beside a word of its own. */
  pageStopWord?: string;
  /** How its server was seen reading a message (only learned for TCP tasks whose page gives a first message). */
  serverFraming?: Framing;
  /** How its client ended the first message the grader read from it (same tasks). */
  clientFraming?: Framing;
}

/** A page whose client ends at the end of its input (Ctrl+D), not on a word: a client that ends on a word of its own is typed it first. */
export const END_OF_INPUT = 'end of input';
