// Lines from a TCP socket, one at a time, for the interactive reference clients: the
// next line (CR/LF stripped), or undefined once the peer has closed or vanished.
// TCP may deliver a line in pieces or two lines in one chunk; both are handled here.

import type net from 'node:net';

export class LineStream {
  private buffered = Buffer.alloc(0);
  private ended = false;
  private waiter: (() => void) | undefined;

  constructor(socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.wake();
    });
    const end = (): void => {
      this.ended = true;
      this.wake();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  /** The next whole line; a last line without its newline counts once the peer closes. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const nl = this.buffered.indexOf(0x0a);
      if (nl >= 0) {
        const line = this.buffered.subarray(0, nl).toString('utf8').replace(/\r$/, '');
        this.buffered = this.buffered.subarray(nl + 1);
        return line;
      }
      if (this.ended) {
        if (this.buffered.length === 0) return undefined;
        const rest = this.buffered.toString('utf8');
        this.buffered = Buffer.alloc(0);
        return rest;
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}
