import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parameterTicks } from '../../webview/axes';
import { colourValue, darknessLevel, darknessLevels, densityOf, isPlaced, markOf, maximumRadius, minimumRadius, radiusAt, radiusScale, valueRange } from '../../webview/pointStyle';

test('statuses map to marks', () => {
  assert.equal(markOf('succeeded'), 'trained');
  assert.equal(markOf('queued'), 'pending');
  assert.equal(markOf('running'), 'pending');
  assert.equal(markOf('failed'), 'failed');
  assert.equal(markOf('diverged'), 'failed');
  assert.equal(markOf('cancelled'), 'cancelled');
});

test('unknown status is drawn as pending', () => {
  assert.equal(markOf('paused'), 'pending');
  assert.equal(markOf(null), 'pending');
});

test('colour value follows the chosen class', () => {
  const point = { id: 1, validationAccuracy: 0.8, classAccuracy: 0.3 };

  assert.equal(colourValue(point, null), 0.8);
  assert.equal(colourValue(point, 3), 0.3);
  assert.equal(colourValue({ id: 2, validationAccuracy: null }, null), null);
});

test('darkness spans the levels over the value range', () => {
  const range = valueRange(
    [
      { id: 1, validationAccuracy: 0.5 },
      { id: 2, validationAccuracy: 0.9 },
      { id: 3, validationAccuracy: null },
    ],
    null,
  );

  assert.deepEqual(range, { min: 0.5, max: 0.9 });
  assert.equal(darknessLevel(0.9, range), darknessLevels - 1);
  assert.ok(darknessLevel(0.5, range) > 0);
  assert.ok(darknessLevel(0.5, range) < darknessLevel(0.7, range));
});

test('value range is null without values', () => {
  assert.equal(valueRange([{ id: 1, validationAccuracy: null }], null), null);
  assert.equal(darknessLevel(0.5, null), 0);
});

test('radius grows with the log of the parameter count', () => {
  const radius = radiusScale([
    { id: 1, parameterCount: 1000 },
    { id: 2, parameterCount: 100000 },
  ]);

  assert.equal(radius(1000), minimumRadius);
  assert.equal(radius(100000), maximumRadius);
  assert.ok(Math.abs(radius(10000) - (minimumRadius + maximumRadius) / 2) < 1e-9);
  assert.equal(radius(10), minimumRadius);
});

test('points without coordinates are not placed', () => {
  assert.equal(isPlaced({ id: 1, x: 0, y: 2 }), true);
  assert.equal(isPlaced({ id: 1, x: null, y: 2 }), false);
  assert.equal(isPlaced({ id: 1 }), false);
});

test('parameter ticks use 1, 2 and 5 times powers of ten', () => {
  const ticks = parameterTicks(3, 5, 20).map((tick) => Math.round(10 ** tick));

  assert.deepEqual(ticks, [1000, 2000, 5000, 10000, 20000, 50000, 100000]);
});

test('parameter ticks fall back to powers of ten', () => {
  const ticks = parameterTicks(2, 6, 6).map((tick) => Math.round(10 ** tick));

  assert.deepEqual(ticks, [100, 1000, 10000, 100000, 1000000]);
});

test('parameter ticks inside one decade are spaced evenly', () => {
  const ticks = parameterTicks(4.1, 4.2, 3);

  assert.equal(ticks.length, 3);
  assert.ok(Math.abs(ticks[1] - 4.15) < 1e-9);
});

test('density keeps full discs for few models', () => {
  const density = densityOf(100);

  assert.equal(density.minimumRadius, minimumRadius);
  assert.equal(density.maximumRadius, maximumRadius);
  assert.equal(density.opacity, 1);
});

test('density shrinks and fades crowded discs', () => {
  const sparse = densityOf(1_000);
  const dense = densityOf(50_000);

  assert.ok(dense.maximumRadius < sparse.maximumRadius, `${dense.maximumRadius} is not below ${sparse.maximumRadius}`);
  assert.ok(dense.maximumRadius < maximumRadius / 2);
  assert.ok(dense.minimumRadius >= 1, 'a crowded model should stay at least a pixel wide');
  assert.ok(dense.minimumRadius < dense.maximumRadius, 'the radius should still grow with the parameter count');
  assert.ok(dense.opacity < 1);
  assert.ok(dense.opacity >= 0.5, 'a lone disc should keep a readable darkness');
  assert.ok(radiusAt(0.2, dense) < radiusAt(0.8, dense));
});

test('value range leaves out a few outliers', () => {
  const points = Array.from({ length: 200 }, (_, index) => ({ id: index + 1, validationAccuracy: index < 3 ? 0.05 : 0.9 + (index % 10) / 100 }));

  const range = valueRange(points, null);

  assert.equal(range?.min, 0.9);
  assert.ok(Math.abs((range?.max ?? 0) - 0.99) < 1e-9);
});
