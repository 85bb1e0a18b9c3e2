import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelLayerCache, fittedChipBlocks, iconFileName, planLayerRequests, rowIconSvg, svgDataUri, tooltipChipSvg } from '../../src/views/chipIcon';
import { blockHeight, parseShortForm, type ChipLayer } from '../../src/shared/chip';

function layersOf(count: number): ChipLayer[] {
  return Array.from({ length: count }, (_, index) => ({ kind: index % 2 === 0 ? 'conv2d' : 'relu', text: `layer${index}`, outputSize: 10 ** (1 + (index % 5)) }));
}

test('a short chip keeps gaps and fills the 16 pixel icon from left to right', () => {
  const blocks = fittedChipBlocks(parseShortForm('conv16k3p1 → relu → max2', [12544, 12544, 3136]), 16, 16);
  assert.equal(blocks.length, 3);
  assert.ok(blocks[0].width < 16 / 3, 'a gap follows each block');
  assert.ok(Math.abs(blocks[2].x + 16 / 3 - 16) < 1e-9, 'the last slot ends at the right edge');
  for (const block of blocks) {
    assert.ok(Math.abs(block.y + block.height - 16) < 1e-9, 'blocks are bottom-aligned');
  }
  assert.equal(blocks[0].colour, '#4e79a7');
});

test('a 40-layer chip fits 16 pixels, drops the gaps and keeps every height relative', () => {
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

test('the row icon is a 16×16 SVG and a long tooltip chip is narrowed to 320 pixels', () => {
  assert.match(rowIconSvg(layersOf(3)), /^<svg [^>]*width="16" height="16"/);
  assert.match(tooltipChipSvg(layersOf(5)), /width="58" height="48"/);
  assert.match(tooltipChipSvg(layersOf(60)), /width="320" height="48"/);
  assert.equal(rowIconSvg([]).includes('<rect'), false);
  assert.match(svgDataUri('<svg/>'), /^data:image\/svg\+xml;base64,PHN2Zy8\+$/);
});

test('icon file names key on dataset and architecture hash, else the model id, and stay plain', () => {
  assert.equal(iconFileName(7, 'ab12', 'fashion-mnist-sample'), 'chip-fashion-mnist-sample-ab12.svg');
  assert.equal(iconFileName(7, 'ab12', 'fashion-mnist-sample'), iconFileName(9, 'ab12', 'fashion-mnist-sample'));
  assert.notEqual(iconFileName(7, 'ab12', 'mnist'), iconFileName(7, 'ab12', 'cifar'));
  assert.equal(iconFileName(7, null, 'mnist'), 'chip-model-7.svg');
  assert.equal(iconFileName(7, '../../etc/passwd', '../x'), 'chip-x-etcpasswd.svg');
  assert.equal(iconFileName(7, '///', 'mnist'), 'chip-model-7.svg');
});

test('few missing models are read one by one, many through the dataset overview', () => {
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

test('the layer cache lists each uncached model once and ignores empty layer lists', () => {
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
