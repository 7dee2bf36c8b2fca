// The Node end of sandbox-helper.py: one helper per grading process, started on first
// use, asked over Node's IPC channel; a socket it made comes back as a raw handle.

import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { graderActs } from '../core/stall-signal.js';
import { graderPython } from './python.js';

/** A raw libuv handle (TCPWrap or UDPWrap), as Node's handle passing delivers it. */
export type NativeHandle = object;

interface Answer {
  id: number;
  error?: string;
  code?: string;
  pid?: number;
  init?: number;
  /** A watch of a test's loopback (op 'sniff'), and the port it saw (op 'sniffed'; null: none). */
  sniffer?: number;
  port?: number | null;
  proc?: 'own' | 'host';
}

export class HelperError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'HelperError';
  }
}

const HELPER = path.join(projectRoot, 'harness', 'sandbox', 'sandbox-helper.py');

export class HelperChannel {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (a: { answer: Answer; handle?: NativeHandle }) => void; reject: (e: Error) => void }>();
  private exited: Error | undefined;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (answer: Answer, handle?: NativeHandle) => {
      const waiter = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (this.pending.size === 0) this.idle();
      waiter?.resolve({ answer, handle });
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`the sandbox helper exited (${signal ?? `code ${code}`})`);
      for (const w of this.pending.values()) w.reject(this.exited);
      this.pending.clear();
    });
    // Idle, it must never keep the grading process alive (it dies with us); a pending
    // answer must, or Node could exit while a test awaits it.
    child.unref();
    this.idle();
  }

  private get ipc(): { ref(): void; unref(): void } | undefined {
    return (this.child as ChildProcess & { channel?: { ref(): void; unref(): void } }).channel ?? undefined;
  }

  private idle(): void {
    this.ipc?.unref();
  }

  static start(mode: 'root' | 'userns'): HelperChannel {
    const child = spawn(graderPython(), ['-I', '-S', HELPER, mode], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'json',
      // TMPDIR: unused by the helper, it tells whose helper (and holders) a process is.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: os.tmpdir() },
    });
    return new HelperChannel(child);
  }

  /** Sends a request; resolves with its answer (and the socket it carries), rejects on its error. */
  ask(request: Record<string, unknown>): Promise<{ answer: Answer; handle?: NativeHandle }> {
    // The grader is acting until the answer comes: the test's programs are not stalled meanwhile.
    return graderActs(() => this.askNow(request));
  }

  /**
   * Sends a request whose answer waits for the test's programs (a port they use): the
   * grader is not acting meanwhile, so their stalls still count.
   */
  awaitEvent(request: Record<string, unknown>): Promise<{ answer: Answer; handle?: NativeHandle }> {
    return this.askNow(request);
  }

  private async askNow(request: Record<string, unknown>): Promise<{ answer: Answer; handle?: NativeHandle }> {
    if (this.exited) throw this.exited;
    const id = ++this.nextId;
    const reply = new Promise<{ answer: Answer; handle?: NativeHandle }>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.ipc?.ref();
    this.child.send({ ...request, id });
    const got = await reply;
    if (got.answer.error !== undefined) throw new HelperError(got.answer.error, got.answer.code);
    return got;
  }
}

let shared: HelperChannel | undefined;

/** True once this process started its helper. */
export function helperStarted(): boolean {
  return shared !== undefined;
}

/** The grading process's one helper. */
export function helper(mode: 'root' | 'userns'): HelperChannel {
  shared ??= HelperChannel.start(mode);
  return shared;
}
