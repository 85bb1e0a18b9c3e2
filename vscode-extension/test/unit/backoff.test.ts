import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backoff } from '../../src/connection/backoff';

test('backoff doubles up to the cap', () => {
  const backoff = new Backoff({ initialMilliseconds: 500, maximumMilliseconds: 4000, random: () => 0 });

  const delays = [1, 2, 3, 4, 5].map(() => backoff.next());

  assert.deepEqual(delays, [500, 1000, 2000, 4000, 4000]);
});

test('backoff starts over after reset', () => {
  const backoff = new Backoff({ initialMilliseconds: 500, random: () => 0 });
  backoff.next();
  backoff.next();

  backoff.reset();

  assert.equal(backoff.next(), 500);
});

test('backoff uses the server retry as first delay', () => {
  const backoff = new Backoff({ initialMilliseconds: 500, random: () => 0 });

  assert.equal(backoff.next(3000), 3000);
  assert.equal(backoff.next(3000), 6000);
});

test('backoff jitter adds at most a fifth and never passes the cap', () => {
  const backoff = new Backoff({ initialMilliseconds: 1000, maximumMilliseconds: 1100, random: () => 0.999 });

  assert.equal(backoff.next(), 1100);
  const fresh = new Backoff({ initialMilliseconds: 1000, random: () => 0.5 });
  assert.equal(fresh.next(), 1100);
});
