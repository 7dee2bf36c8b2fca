// What a test's network gives its checks and programs: sockets of the grader's inside it,
// a port for the server, working folders, and how a program is started there.

import type dgram from 'node:dgram';
import type net from 'node:net';
import type { Launch, ProgramCommand } from '../process/program.js';
import type { IsolationMode } from './isolation.js';

export type FileMap = Record<string, string | Buffer>;

/** A program's working folder: as the program sees it, and as the grader reaches it. */
export interface ProgramFolder {
  inside: string;
  outside: string;
  /** The user it runs as, when it has one of its own. */
  uid?: number;
  cleanup: () => Promise<void>;
}

/** What a test's programs may see of the machine's folders besides their own. */
export interface SandboxView {
  /** Folders they read (the submission, bundled programs), bound read-only where the test's scratch folders would hide them. */
  binds: string[];
  /** Folders they must not read (other students' submissions, the grader's solutions), made empty in the test. */
  hidden: string[];
}

export interface TestNetwork {
  readonly mode: IsolationMode;
  /** A process whose /proc/<pid>/net tables show this network. */
  readonly netPid: number;
  /** The port a server is expected on: the task's own when isolated, else a free one. */
  serverPort(taskPort: number): Promise<number>;
  /** A listening TCP socket of the grader's; port 0 for any. */
  listenTcp(port: number): Promise<net.Server>;
  /** A TCP socket of the grader's, connecting to `host`:`port`. */
  connectTcp(host: string, port: number): Promise<net.Socket>;
  /** A UDP socket of the grader's, bound; port 0 for any. */
  bindUdp(port: number): Promise<dgram.Socket>;
  /** A fresh working folder holding `files`, for a program in `role`. */
  makeFolder(role: string, files: FileMap): Promise<ProgramFolder>;
  /** How to start `cmd` in `folder`, inside this network, under the limits; `uid`: the user it runs as, when one of its own. */
  wrap(cmd: ProgramCommand, folder: ProgramFolder): Launch;
  close(): Promise<void>;
}
