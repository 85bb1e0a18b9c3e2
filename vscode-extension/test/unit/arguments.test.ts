import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveModelPair, resolveTarget } from '../../src/commands/arguments';

test('code lens argument resolves to a file', () => {
  assert.deepEqual(resolveTarget({ uri: 'file:///work/a.remap', model: 'cnn_small' }), { kind: 'file', uri: 'file:///work/a.remap', model: 'cnn_small' });
});

test('uri object resolves to a file', () => {
  const uri = { scheme: 'file', toString: () => 'file:///work/b.remap' };

  assert.deepEqual(resolveTarget(uri), { kind: 'file', uri: 'file:///work/b.remap' });
});

test('model id and tree elements resolve to a model', () => {
  assert.deepEqual(resolveTarget({ modelId: 12 }), { kind: 'model', modelId: 12 });
  assert.deepEqual(resolveTarget({ kind: 'model', modelId: 3, label: 'x' }), { kind: 'model', modelId: 3 });
});

test('job element resolves to a job with its model', () => {
  assert.deepEqual(resolveTarget({ jobId: 4, modelId: 9 }), { kind: 'job', jobId: 4, modelId: 9 });
});

test('no argument resolves to none', () => {
  assert.deepEqual(resolveTarget(undefined), { kind: 'none' });
});

test('unknown argument is rejected with its value', () => {
  assert.throws(() => resolveTarget({ modelId: -1 }), /\{"modelId":-1\}/);
  assert.throws(() => resolveTarget(42), /cannot use \(42\)/);
});

test('model pair needs two positive ids', () => {
  assert.deepEqual(resolveModelPair({ modelIds: [1, 2] }), [1, 2]);
  assert.equal(resolveModelPair({ modelId: 1 }), undefined);
  assert.throws(() => resolveModelPair({ modelIds: [1] }), /exactly two model ids/);
});
