// The scheduler of a task's tests (harness/dsl/test-scheduler.ts): bodies start in the
// spec's order, at most `limit` at once, an alone test with nothing beside it, a second
// test only while the machine has CPU to spare; each is decided in the spec's order.

import { expect } from 'chai';
import { type BodyResult, type ScheduledTest, TestScheduler } from '../../harness/dsl/test-scheduler.js';

/** A test whose body ends when told; it records what ran beside it. */
class Body {
  ended: () => void = () => undefined;
  started = false;
  besideAtStart = 0;
}

function make(n: number, opts: { alone?: number[]; limit: number; room?: () => boolean }) {
  const bodies = Array.from({ length: n }, () => new Body());
  let running = 0;
  let most = 0;
  const decidedOrder: number[] = [];
  const tests: ScheduledTest<string>[] = bodies.map((b, i) => ({
    alone: opts.alone?.includes(i) ?? false,
    run: () =>
      new Promise<BodyResult<string>>((resolve) => {
        b.started = true;
        b.besideAtStart = running;
        running++;
        most = Math.max(most, running);
        b.ended = () => {
          running--;
          resolve({ outcome: { kind: 'passed' }, transcript: [`test ${i}`], durationMs: 1 });
        };
      }),
    decide: () => {
      decidedOrder.push(i);
      return undefined;
    },
  }));
  const scheduler = new TestScheduler(tests, opts.limit, opts.room);
  return { bodies, scheduler, decidedOrder, most: () => most };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('test scheduler', () => {
  it('starts at most `limit` bodies at once, in order, and decides them in order when later ones end first', async () => {
    const { bodies, scheduler, decidedOrder, most } = make(5, { limit: 3 });
    scheduler.start();
    expect(bodies.map((b) => b.started)).to.deep.equal([true, true, true, false, false]);
    bodies[2].ended();
    bodies[1].ended();
    await turn();
    expect(decidedOrder, 'nothing decided before the first test is').to.deep.equal([]);
    expect(bodies.map((b) => b.started)).to.deep.equal([true, true, true, true, true]);
    bodies[0].ended();
    await turn();
    expect(decidedOrder).to.deep.equal([0, 1, 2]);
    bodies[4].ended();
    bodies[3].ended();
    await turn();
    expect(decidedOrder).to.deep.equal([0, 1, 2, 3, 4]);
    expect((await scheduler.decided(4)).transcript).to.deep.equal(['test 4']);
    expect(most()).to.equal(3);
  });

  it('runs an alone test with nothing beside it', async () => {
    const { bodies, scheduler } = make(4, { limit: 4, alone: [2] });
    scheduler.start();
    expect(bodies.map((b) => b.started)).to.deep.equal([true, true, false, false]);
    bodies[0].ended();
    await turn();
    expect(bodies[2].started, 'not while test 1 runs').to.equal(false);
    bodies[1].ended();
    await turn();
    expect(bodies[2].started).to.equal(true);
    expect(bodies[2].besideAtStart).to.equal(0);
    expect(bodies[3].started, 'nothing beside the alone test').to.equal(false);
    bodies[2].ended();
    await turn();
    expect(bodies[3].started).to.equal(true);
  });

  it('starts a second test only while the machine has CPU to spare, and more again once it has', async () => {
    let spare = false;
    const { bodies, scheduler, most } = make(5, { limit: 4, room: () => spare });
    scheduler.start();
    expect(
      bodies.map((b) => b.started),
      'the first always starts',
    ).to.deep.equal([true, false, false, false, false]);
    bodies[0].ended();
    await turn();
    expect(bodies.map((b) => b.started)).to.deep.equal([true, true, false, false, false]);
    expect(most()).to.equal(1);
    spare = true;
    // Looked at again a little later, without waiting for the running test to end.
    const end = Date.now() + 5000;
    while (!bodies[4].started && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bodies.map((b) => b.started)).to.deep.equal([true, true, true, true, true]);
    expect(most()).to.equal(4);
    for (const b of bodies.slice(1)) b.ended();
    await scheduler.settled();
  });
});
