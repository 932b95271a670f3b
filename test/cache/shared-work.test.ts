import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SharedWork } from '../../src/cache/shared-work.ts';

// Backend work other requests wait on (a shared cache miss): cancelled only when every request
// that depends on it has gone, and given the latest deadline among them.

describe('shared work', () => {
  it('runs while its owner is alone and present; aborts when the owner goes', () => {
    const owner = new AbortController();
    const work = new SharedWork({ signal: owner.signal });
    assert.equal(work.signal.aborted, false);
    owner.abort();
    assert.equal(work.signal.aborted, true);
    assert.match(String((work.signal.reason as Error).message), /every request waiting on this work has gone/);
  });

  it('one request going away never cancels the work another still waits on', () => {
    const owner = new AbortController();
    const joiner = new AbortController();
    const work = new SharedWork({ signal: owner.signal });
    const leave = work.join({ signal: joiner.signal });
    owner.abort();
    assert.equal(work.signal.aborted, false, 'the joiner still waits');
    leave();
    assert.equal(work.signal.aborted, true, 'the last one waiting left');
  });

  it('a joiner that leaves while the owner stays changes nothing; the owner going later aborts', () => {
    const owner = new AbortController();
    const work = new SharedWork({ signal: owner.signal });
    const joiner = new AbortController();
    const leave = work.join({ signal: joiner.signal });
    joiner.abort();
    assert.equal(work.signal.aborted, false);
    leave();
    assert.equal(work.signal.aborted, false);
    owner.abort();
    assert.equal(work.signal.aborted, true);
  });

  it('every member gone, in any order, aborts once all are', () => {
    const owner = new AbortController();
    const first = new AbortController();
    const second = new AbortController();
    const work = new SharedWork({ signal: owner.signal });
    work.join({ signal: first.signal });
    work.join({ signal: second.signal });
    first.abort();
    owner.abort();
    assert.equal(work.signal.aborted, false);
    second.abort();
    assert.equal(work.signal.aborted, true);
  });

  it('a member without a signal keeps the work alive until it leaves', () => {
    const owner = new AbortController();
    const work = new SharedWork({ signal: owner.signal });
    const leave = work.join({});
    owner.abort();
    assert.equal(work.signal.aborted, false);
    leave();
    assert.equal(work.signal.aborted, true);
  });

  it('its deadline is the latest of its members, none when one of them has none', () => {
    const work = new SharedWork({ deadline: 1_000 });
    assert.equal(work.deadline, 1_000);
    const leaveLater = work.join({ deadline: 5_000 });
    work.join({ deadline: 2_000 });
    assert.equal(work.deadline, 5_000);
    leaveLater();
    assert.equal(work.deadline, 2_000, 'a member that left no longer counts');
    const leaveOpen = work.join({});
    assert.equal(work.deadline, undefined);
    leaveOpen();
    assert.equal(work.deadline, 2_000);
  });

  it('the owner stays a member for good', () => {
    const owner = { deadline: 9_000 };
    const work = new SharedWork(owner);
    assert.equal(work.owner, owner);
    work.join({ deadline: 1_000 })();
    assert.equal(work.deadline, 9_000);
  });
});
