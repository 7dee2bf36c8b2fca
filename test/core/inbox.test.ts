// The inbox every expectation reads: bytes kept in order behind a cursor, waits that end
// on arrival, on the end of the stream or at their deadline, and the words a failure uses.

import { expect } from 'chai';
import { Inbox, stalledWords, takeLine, whyNoMore } from '../../harness/core/inbox.js';

/** Pushes `chunks` one per turn of the event loop, as a socket's data events come. */
function pushLater(inbox: Inbox, ...chunks: string[]): void {
  const next = (): void => {
    const chunk = chunks.shift();
    if (chunk === undefined) return;
    inbox.push(Buffer.from(chunk));
    setImmediate(next);
  };
  setImmediate(next);
}

describe('inbox', function () {
  // Its waits have deadlines only a hang reaches.
  this.timeout(60_000);
  it('a wait for a line ends on the arrival that completes it, lines taken in order', async () => {
    const inbox = new Inbox(1024);
    pushLater(inbox, 'HEL', 'LO\r\nBY', 'E\n');
    const first = await inbox.waitFor(() => takeLine(inbox), 30_000, { stall: false });
    expect(first).to.deep.equal({ kind: 'found', value: 'HELLO' });
    const second = await inbox.waitFor(() => takeLine(inbox), 30_000, { stall: false });
    expect(second).to.deep.equal({ kind: 'found', value: 'BYE' });
    expect(inbox.unread().length, 'nothing left unread').to.equal(0);
    expect(inbox.all().toString()).to.equal('HELLO\r\nBYE\n');
  });

  it('a wait for text ends once enough bytes came, whatever their pieces', async () => {
    const inbox = new Inbox(1024);
    pushLater(inbox, 'O', 'K', ' then more');
    const want = 'OK then'.length;
    const outcome = await inbox.waitFor(() => (inbox.unread().length >= want ? inbox.unread().subarray(0, want).toString() : undefined), 30_000, { stall: false });
    expect(outcome).to.deep.equal({ kind: 'found', value: 'OK then' });
  });

  it('a line without its newline is no line until the stream ends; then it is the last one', async () => {
    const inbox = new Inbox(1024);
    inbox.push(Buffer.from('no newline'));
    expect(takeLine(inbox)).to.equal(undefined);
    setImmediate(() => inbox.end('the server closed the connection'));
    const outcome = await inbox.waitFor(() => takeLine(inbox), 30_000, { stall: false });
    expect(outcome).to.deep.equal({ kind: 'found', value: 'no newline' });
    expect(takeLine(inbox), 'nothing after the last line').to.equal(undefined);
  });

  it('a wait ends as soon as the stream ends with nothing found, and keeps the first reason', async () => {
    const inbox = new Inbox(1024);
    const started = Date.now();
    setImmediate(() => {
      inbox.end('the server closed the connection');
      inbox.end('the connection closed');
    });
    const outcome = await inbox.waitFor(() => takeLine(inbox), 30_000, { stall: false });
    expect(outcome).to.deep.equal({ kind: 'ended' });
    expect(Date.now() - started, 'ended long before its deadline').to.be.below(30_000);
    expect(inbox.endedBecause).to.equal('the server closed the connection');
    expect(whyNoMore(outcome, 30_000, inbox.endedBecause)).to.equal('the server closed the connection');
  });

  it('a wait with nothing coming ends at its deadline, not before, and says how long it waited', async () => {
    const inbox = new Inbox(1024);
    const started = Date.now();
    const outcome = await inbox.waitFor(() => takeLine(inbox), 200, { stall: false });
    expect(outcome).to.deep.equal({ kind: 'timeout' });
    // Timers never fire early; on a busy machine they may fire late, which is no failure.
    expect(Date.now() - started).to.be.at.least(190);
    expect(whyNoMore(outcome, 200, inbox.endedBecause)).to.equal('nothing more for 0.2 s');
  });

  it('a wait that finds what it wants at once resolves without waiting for anything', async () => {
    const inbox = new Inbox(1024);
    inbox.push(Buffer.from('ready\n'));
    expect(await inbox.waitFor(() => takeLine(inbox), 30_000, { stall: false })).to.deep.equal({ kind: 'found', value: 'ready' });
  });

  it('a recheck finds a state outside the inbox that has no event of its own', async () => {
    const inbox = new Inbox(1024);
    let looks = 0;
    const outcome = await inbox.waitFor(() => (++looks >= 3 ? 'seen' : undefined), 30_000, { recheckMs: 5, stall: false });
    expect(outcome).to.deep.equal({ kind: 'found', value: 'seen' });
  });

  it('keeps bytes up to its cap and counts the rest as dropped', () => {
    const inbox = new Inbox(10);
    inbox.push(Buffer.from('12345678'));
    inbox.push(Buffer.from('abcdef'));
    expect(inbox.all().toString()).to.equal('12345678ab');
    expect(inbox.dropped).to.equal(4);
  });

  it('says a stall in words: waiting forever, or a timer past every deadline', () => {
    expect(stalledWords('the server waits in recv()')).to.equal('the server waits in recv(), and nothing is on its way (it would wait forever)');
    expect(stalledWords('the server sleeps in sleep() for 599 s more')).to.equal('the server sleeps in sleep() for 599 s more, and nothing is on its way (nothing would happen before the deadline)');
    expect(whyNoMore({ kind: 'stalled', why: 'the client waits in input()' }, 3000, undefined)).to.equal(
      'nothing more: the client waits in input(), and nothing is on its way (it would wait forever)',
    );
  });
});
