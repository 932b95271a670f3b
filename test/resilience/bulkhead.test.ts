import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Bulkhead } from '../../clients/resilience/bulkhead.ts';

const far = (): number => Date.now() + 60_000;

describe('Bulkhead', () => {
  it('grants slots up to the cap at once, then queues in arrival order', async () => {
    const bulkhead = new Bulkhead(2, 10);
    const first = await bulkhead.acquire(far());
    const second = await bulkhead.acquire(far());
    assert.equal(bulkhead.inFlight, 2);
    const order: string[] = [];
    const third = bulkhead.acquire(far()).then((release) => (order.push('third'), release));
    const fourth = bulkhead.acquire(far()).then((release) => (order.push('fourth'), release));
    await Promise.resolve();
    assert.deepEqual(order, [], 'nobody is granted while both slots are held');
    first();
    (await third)();
    second();
    (await fourth)();
    assert.deepEqual(order, ['third', 'fourth']);
    assert.equal(bulkhead.inFlight, 0);
  });

  it('refuses at once when the line is full', async () => {
    const bulkhead = new Bulkhead(1, 1);
    const held = await bulkhead.acquire(far());
    const waiting = bulkhead.acquire(far());
    await assert.rejects(bulkhead.acquire(far()), /full/);
    held();
    (await waiting)();
  });

  it('gives up on a waiter whose deadline passes, and the line moves on', async () => {
    const bulkhead = new Bulkhead(1, 5);
    const held = await bulkhead.acquire(far());
    await assert.rejects(bulkhead.acquire(Date.now() + 5), /deadline/);
    const next = bulkhead.acquire(far());
    held();
    const release = await next;
    assert.equal(bulkhead.inFlight, 1);
    release();
    release();
    assert.equal(bulkhead.inFlight, 0, 'a second release is ignored');
  });

  it('a waiter whose signal aborts leaves the line at once and never takes a slot', async () => {
    const bulkhead = new Bulkhead(1, 5);
    const held = await bulkhead.acquire(far());
    const gone = new AbortController();
    const leaver = bulkhead.acquire(far(), gone.signal);
    const next = bulkhead.acquire(far());
    assert.equal(bulkhead.waiting, 2);
    gone.abort();
    await assert.rejects(leaver, /cancelled/);
    assert.equal(bulkhead.waiting, 1, 'the leaver gave up its place');
    held();
    const release = await next;
    assert.equal(bulkhead.inFlight, 1, 'the slot went to the caller still waiting');
    release();
    assert.equal(bulkhead.inFlight, 0);
    await assert.rejects(bulkhead.acquire(far(), gone.signal), /cancelled/, 'an aborted caller gets no slot even when one is free');
  });
});
