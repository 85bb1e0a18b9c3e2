import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blendDisc, fillCross, fillDisc, fillRing, packPixel } from '../../webview/discRaster';

function filled(pixels: Uint32Array): number {
  return pixels.filter((pixel) => pixel !== 0).length;
}

/** Counts the pixels of a size × size buffer whose centre's distance from (centre, centre) passes `inside`. */
function countCentres(size: number, centre: number, inside: (distance: number) => boolean): number {
  let count = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      count += inside(Math.hypot(x + 0.5 - centre, y + 0.5 - centre)) ? 1 : 0;
    }
  }

  return count;
}

test('packed pixel has RGBA bytes in memory order', () => {
  const pixels = new Uint32Array([packPixel([10, 20, 30])]);

  assert.deepEqual([...new Uint8ClampedArray(pixels.buffer)], [10, 20, 30, 255]);
});

test('disc fills the pixels whose centres lie inside', () => {
  const pixels = new Uint32Array(20 * 20);

  fillDisc(pixels, 20, 20, 10, 10, 3, 7);

  const expected = countCentres(20, 10, (distance) => distance <= 3);

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

test('ring leaves its inside empty', () => {
  const pixels = new Uint32Array(30 * 30);

  fillRing(pixels, 30, 30, 15, 15, 8, 6, 3);

  assert.equal(pixels[15 * 30 + 15], 0);
  assert.equal(pixels[15 * 30 + 8], 3);
  assert.equal(pixels[15 * 30 + 22], 3);
  const expected = countCentres(30, 15, (distance) => distance <= 8 && distance >= 6);

  // Pixels exactly on the inner circle may land on either side of the span rounding.
  assert.ok(Math.abs(filled(pixels) - expected) <= 8, `${filled(pixels)} filled, ${expected} expected`);
});

test('cross marks both diagonals and not the edges', () => {
  const pixels = new Uint32Array(20 * 20);

  fillCross(pixels, 20, 20, 10, 10, 5, 2, 9);

  assert.equal(pixels[6 * 20 + 6], 9);
  assert.equal(pixels[6 * 20 + 13], 9);
  assert.equal(pixels[10 * 20 + 2], 0);
  assert.equal(pixels[2 * 20 + 10], 0);
});

test('blended discs darken where they overlap', () => {
  const size = 20;
  const bytes = new Uint8ClampedArray(size * size * 4).fill(255);

  blendDisc(bytes, size, size, 8, 10, 4, [0, 0, 0], 0.5);
  blendDisc(bytes, size, size, 12, 10, 4, [0, 0, 0], 0.5);
  const at = (x: number, y: number) => bytes[(y * size + x) * 4];

  assert.equal(at(6, 10), 128, 'one disc should mix half of its colour in');
  assert.equal(at(10, 10), 64, 'two discs should mix in three quarters');
  assert.equal(at(0, 0), 255, 'pixels outside the discs should stay');
  assert.equal(bytes[3], 255, 'alpha should stay opaque');
});
