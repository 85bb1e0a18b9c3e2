import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelLayerCache, fittedChipBlocks, iconFileName, planLayerRequests, rowIconSvg, svgDataUri, tooltipChipSvg } from '../../src/views/chipIcon';
import { blockHeight, parseShortForm, type ChipLayer } from '../../src/shared/chip';

function layersOf(count: number): ChipLayer[] {
  return Array.from({ length: count }, (_, index) => ({ kind: index % 2 === 0 ? 'conv2d' : 'relu', text: `layer${index}`, outputSize: 10 ** (1 + (index % 5)) }));
}

test('short chip keeps its gaps', () => {
  const blocks = fittedChipBlocks(parseShortForm('conv16k3p1 → relu → max2', [12544, 12544, 3136]), 16, 16);
  assert.equal(blocks.length, 3);
  assert.ok(blocks[0].width < 16 / 3, 'a gap follows each block');
  assert.ok(Math.abs(blocks[2].x + 16 / 3 - 16) < 1e-9, 'the last slot ends at the right edge');
  for (const block of blocks) {
    assert.ok(Math.abs(block.y + block.height - 16) < 1e-9, 'blocks are bottom-aligned');
  }
  assert.equal(blocks[0].colour, '#4e79a7');
});

test('40-layer chip fits 16 pixels', () => {
  const layers = layersOf(40);
  const blocks = fittedChipBlocks(layers, 16, 16);
  assert.equal(blocks.length, 40);
  assert.ok(Math.abs(blocks[39].x + blocks[39].width - 16) < 1e-9, 'the chip ends at the icon edge');
  assert.ok(Math.abs(blocks[0].width - 0.4) < 1e-9, 'no gap below 3 pixels a slot');
  for (let index = 1; index < layers.length; index++) {
    const expected = blockHeight(layers[index].outputSize) / blockHeight(layers[0].outputSize);
    assert.ok(Math.abs(blocks[index].height / blocks[0].height - expected) < 1e-9, `height ratio of layer ${index}`);
  }
  assert.ok(Math.max(...blocks.map((block) => block.height)) <= 16);
});

test('row icon blocks fill the height and keep their ratios', () => {
  const layers = parseShortForm('flat → dense32 → relu → dense10', [784, 32, 32, 10]);
  const chipScale = fittedChipBlocks(layers, 16, 16);
  const filled = fittedChipBlocks(layers, 16, 16, true);
  assert.ok(Math.abs(filled[0].height - 16) < 1e-9, 'the tallest block is 16 pixels');
  assert.ok(chipScale[0].height < 8, 'at the chip scale the same block is under half the icon');
  for (let index = 1; index < layers.length; index++) {
    assert.ok(Math.abs(filled[index].height / filled[0].height - chipScale[index].height / chipScale[0].height) < 1e-9, `ratio of layer ${index}`);
  }
});

test('icon and tooltip chip sizes', () => {
  assert.match(rowIconSvg(layersOf(3)), /^<svg [^>]*width="16" height="16"/);
  assert.match(tooltipChipSvg(layersOf(5)), /width="58" height="48"/);
  assert.match(tooltipChipSvg(layersOf(60)), /width="320" height="48"/);
  assert.equal(rowIconSvg([]).includes('<rect'), false);
  assert.match(svgDataUri('<svg/>'), /^data:image\/svg\+xml;base64,PHN2Zy8\+$/);
});

test('icon file names', () => {
  assert.equal(iconFileName(7, 'ab12', 'fashion-mnist-sample'), 'chip-fashion-mnist-sample-ab12.svg');
  assert.equal(iconFileName(7, 'ab12', 'fashion-mnist-sample'), iconFileName(9, 'ab12', 'fashion-mnist-sample'));
  assert.notEqual(iconFileName(7, 'ab12', 'mnist'), iconFileName(7, 'ab12', 'cifar'));
  assert.equal(iconFileName(7, null, 'mnist'), 'chip-model-7.svg');
  assert.equal(iconFileName(7, '../../etc/passwd', '../x'), 'chip-x-etcpasswd.svg');
  assert.equal(iconFileName(7, '///', 'mnist'), 'chip-model-7.svg');
});

test('layer requests by missing count', () => {
  const few = planLayerRequests([
    { modelId: 1, dataset: 'a' },
    { modelId: 2, dataset: 'a' },
    { modelId: 3, dataset: null },
  ]);
  assert.deepEqual(few, [
    { kind: 'model', modelId: 3 },
    { kind: 'model', modelId: 1 },
    { kind: 'model', modelId: 2 },
  ]);

  const many = planLayerRequests(Array.from({ length: 20 }, (_, index) => ({ modelId: index + 1, dataset: index < 10 ? 'a' : 'b' })), 8);
  assert.deepEqual(
    many.map((request) => (request.kind === 'overview' ? `${request.dataset}:${request.modelIds.length}` : request.modelId)),
    ['a:10', 'b:10'],
  );
});

test('layer cache missing models', () => {
  const cache = new ModelLayerCache();
  cache.set(1, layersOf(2));
  cache.set(2, []);
  assert.deepEqual(
    cache.missing([{ modelId: 1 }, { modelId: 2 }, { modelId: 3 }, { modelId: 3 }]).map((model) => model.modelId),
    [2, 3],
  );
  cache.clear();
  assert.equal(cache.get(1), undefined);
});
