import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ablationRequest, describeSkipped, removableLayers } from '../../src/commands/ablationScope';

const layers = [
  { index: 0, kind: 'conv2d', text: 'conv2d filters=8 kernel=3' },
  { index: 1, kind: 'relu', text: 'relu' },
  { index: 2, kind: 'flatten', text: 'flatten' },
  { index: 3, kind: 'dense', text: 'dense units=10' },
];

test('removable layers are numbered from 1 and leave out the final layer', () => {
  assert.deepEqual(removableLayers(layers), [
    { label: '1. conv2d filters=8 kernel=3', index: 0 },
    { label: '2. relu', index: 1 },
    { label: '3. flatten', index: 2 },
  ]);
});

test('ablation request follows the scope', () => {
  assert.deepEqual(ablationRequest('all'), {});
  assert.deepEqual(ablationRequest('blocks'), { blocks: true });
  assert.deepEqual(ablationRequest('layers', [2, 0]), { layers: [0, 2] });
});

test('skipped removals name their layers and reasons', () => {
  const lines = describeSkipped([
    { layerIndex: 2, layer: 'flatten', reason: 'dense needs a flat input', layerIndexes: [2] },
    { layerIndex: 0, layer: 'conv2d filters=8 kernel=3', reason: 'too many parameters', layerIndexes: [0, 1] },
  ]);

  assert.deepEqual(lines, ['layer 3 (flatten): dense needs a flat input', 'layers 1, 2 (conv2d filters=8 kernel=3): too many parameters']);
});
