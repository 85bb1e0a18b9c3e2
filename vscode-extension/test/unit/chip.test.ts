import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockHeight, chipGeometry, chipSvg, chipUnknownBlockHeight, colourOfKind, kindOfShortForm, layersOfTable, parseShortForm } from '../../src/shared/chip';

test('short form tokens map to layer kinds', () => {
  const cases: Array<[string, string]> = [
    ['conv16k3p1', 'conv2d'],
    ['conv128k7s2p1', 'conv2d'],
    ['max2', 'maxpool2d'],
    ['max3s1', 'maxpool2d'],
    ['avg2', 'avgpool2d'],
    ['dense10', 'dense'],
    ['drop0.25', 'dropout'],
    ['lrelu0.1', 'leaky_relu'],
    ['bn', 'batchnorm2d'],
    ['flat', 'flatten'],
    ['gap', 'globalavgpool'],
    ['relu', 'relu'],
    ['tanh', 'tanh'],
    ['sigmoid', 'sigmoid'],
    ['gelu', 'gelu'],
  ];
  for (const [token, kind] of cases) {
    assert.equal(kindOfShortForm(token), kind, token);
  }
});

test('unknown token keeps its text and gets the grey colour', () => {
  assert.equal(kindOfShortForm('attention8'), 'attention8');
  assert.equal(colourOfKind('attention8'), '#666666');
});

test('block height follows the server glyph formula', () => {
  // 4 + 6·log10(1 + values): 784 values give 21.37, a million values 40, and the cap is 44.
  assert.ok(Math.abs(blockHeight(784) - (4 + 6 * Math.log10(785))) < 1e-9);
  assert.ok(Math.abs(blockHeight(1e6) - 40) < 1e-4);
  assert.equal(blockHeight(1e9), 44);
  assert.equal(blockHeight(0), 4);
});

test('block height without an output size is the fixed fallback', () => {
  assert.equal(blockHeight(null), chipUnknownBlockHeight);
});

test('short form with output sizes sizes each block', () => {
  const layers = parseShortForm('flat → dense64 → relu → dense10', [784, 64, 64, 10]);
  const geometry = chipGeometry(layers);

  assert.equal(geometry.blocks.length, 4);
  assert.equal(geometry.width, 4 * 10 + 3 * 2);
  assert.equal(geometry.height, 48);
  assert.deepEqual(
    geometry.blocks.map((block) => block.x),
    [0, 12, 24, 36],
  );
  assert.ok(Math.abs(geometry.blocks[0].height - blockHeight(784)) < 1e-9);
  assert.ok(Math.abs(geometry.blocks[0].y + geometry.blocks[0].height - 48) < 1e-9);
  assert.equal(geometry.blocks[1].colour, '#e15759');
  assert.equal(geometry.blocks[2].colour, '#59a14f');
});

test('output sizes of the wrong length are ignored', () => {
  const layers = parseShortForm('flat → dense10', [784]);

  assert.deepEqual(
    layers.map((layer) => layer.outputSize),
    [null, null],
  );
});

test('empty short form gives an empty chip of width 1', () => {
  const geometry = chipGeometry(parseShortForm(''));

  assert.equal(geometry.blocks.length, 0);
  assert.equal(geometry.width, 1);
});

test('layer table rows use the product of the output shape', () => {
  const layers = layersOfTable([{ kind: 'conv2d', text: 'conv2d filters=16 kernel=3', outputShape: [16, 28, 28] }]);

  assert.equal(layers[0].outputSize, 16 * 28 * 28);
  assert.equal(layers[0].kind, 'conv2d');
});

test('chip SVG escapes layer text and draws one rect per layer', () => {
  const svg = chipSvg([
    { kind: 'dense', text: 'dense <10>', outputSize: 10 },
    { kind: 'relu', text: 'relu', outputSize: 10 },
  ]);

  assert.equal((svg.match(/<rect /g) ?? []).length, 2);
  assert.match(svg, /dense &#60;10&#62;/);
  assert.match(svg, /width="22" height="48"/);
  assert.match(svg, /fill="#e15759"/);
});
