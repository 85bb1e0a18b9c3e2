import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directionOfKey, nextInDirection } from '../../webview/navigation';

const points = [
  { x: 0, y: 0 },
  { x: 10, y: 1 },
  { x: 30, y: 0 },
  { x: 2, y: -20 },
  { x: -5, y: 3 },
];

test('right arrow moves to the nearest point on the right', () => {
  assert.equal(nextInDirection(points, points[0], 'right'), 1);
});

test('up arrow moves to the point above', () => {
  assert.equal(nextInDirection(points, points[0], 'up'), 3);
});

test('no point in the direction gives -1', () => {
  assert.equal(nextInDirection(points, points[2], 'right'), -1);
});

test('points outside the cone are skipped', () => {
  // (2, -20) is far more above than right of (0, 0), so it is not "right".
  assert.equal(nextInDirection([points[0], points[3]], points[0], 'right'), -1);
});

test('arrow keys map to directions', () => {
  assert.equal(directionOfKey('ArrowLeft'), 'left');
  assert.equal(directionOfKey('ArrowDown'), 'down');
  assert.equal(directionOfKey('a'), null);
});
