import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillDisc, packPixel } from '../../webview/discRaster';

function filled(pixels: Uint32Array): number {
  return pixels.filter((pixel) => pixel !== 0).length;
}

test('packed pixel has RGBA bytes in memory order', () => {
  const pixels = new Uint32Array([packPixel([10, 20, 30])]);

  assert.deepEqual([...new Uint8ClampedArray(pixels.buffer)], [10, 20, 30, 255]);
});

test('disc fills the pixels whose centres lie inside', () => {
  const pixels = new Uint32Array(20 * 20);

  fillDisc(pixels, 20, 20, 10, 10, 3, 7);

  // Pixel centres (x + 0.5, y + 0.5) within 3 of (10, 10), counted directly.
  let expected = 0;
  for (let y = 0; y < 20; y++) {
    for (let x = 0; x < 20; x++) {
      expected += Math.hypot(x + 0.5 - 10, y + 0.5 - 10) <= 3 ? 1 : 0;
    }
  }

  assert.equal(filled(pixels), expected);
  assert.equal(pixels[10 * 20 + 10], 7);
  assert.equal(pixels[0], 0);
});

test('disc at the edge is clipped to the buffer', () => {
  const pixels = new Uint32Array(10 * 10);

  fillDisc(pixels, 10, 10, 0, 0, 4, 1);

  assert.ok(filled(pixels) > 0);
  assert.ok(filled(pixels) < 20);
  assert.equal(pixels[9 * 10 + 9], 0);
});

test('disc outside the buffer fills nothing', () => {
  const pixels = new Uint32Array(10 * 10);

  fillDisc(pixels, 10, 10, -20, 50, 4, 1);

  assert.equal(filled(pixels), 0);
});
