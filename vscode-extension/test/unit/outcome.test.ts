import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cancelledHere, describeOutcome } from '../../src/commands/outcome';

test('a cancelled job says who cancelled it when that is known', () => {
  assert.equal(describeOutcome({ state: 'cancelled', cancelledBy: 'notification' }), 'was cancelled from its progress notification');
  assert.match(describeOutcome({ state: 'cancelled', cancelledBy: 'elsewhere' }), /outside this window/);
  assert.equal(describeOutcome({ state: 'cancelled' }), 'was cancelled');
});

test('only a cancellation made in this window counts as the user’s own', () => {
  assert.equal(cancelledHere({ state: 'cancelled', cancelledBy: 'notification' }), true);
  assert.equal(cancelledHere({ state: 'cancelled', cancelledBy: 'cancel-command' }), true);
  assert.equal(cancelledHere({ state: 'cancelled', cancelledBy: 'elsewhere' }), false);
  assert.equal(cancelledHere({ state: 'failed', error: 'out of memory' }), false);
});

test('other outcomes keep their words', () => {
  assert.equal(describeOutcome({ state: 'failed', error: 'out of memory' }), 'failed: out of memory');
  assert.equal(describeOutcome({ state: 'succeeded', validationAccuracy: 0.837 }), 'trained to 83.7% validation accuracy');
});
