import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countOf } from '../../webview/format';
import { meanAndDeviation, summariseModel } from '../../webview/modelSummary';

const run = (id: number, seed: number, validationAccuracy: number, testAccuracy: number, epochCount: number) => ({
  id,
  seed,
  validationAccuracy,
  testAccuracy,
  epochs: Array.from({ length: epochCount }, (_, index) => ({ epoch: index + 1, trainLoss: 1 / (index + 1) })),
});

test('summary falls back on the runs list', () => {
  const model = { id: 7, status: 'succeeded', runCount: 0, testAccuracyMean: null, runs: [run(3, 1, 0.8, 0.79, 1)] };

  const summary = summariseModel(model);

  assert.equal(summary.runCount, 1);
  assert.equal(summary.test.mean, 0.79);
  assert.equal(summary.test.deviation, null);
  assert.equal(summary.validation.mean, 0.8);
  assert.equal(summary.curveRun?.id, 3);
});

test('summary prefers the server figures', () => {
  const model = { id: 7, runCount: 2, validationAccuracy: 0.7, validationAccuracyStd: 0.01, testAccuracyMean: 0.69, testAccuracyStd: 0.02, runs: [run(3, 1, 0.8, 0.79, 1)] };

  const summary = summariseModel(model);

  assert.equal(summary.runCount, 2);
  assert.deepEqual(summary.validation, { mean: 0.7, deviation: 0.01 });
  assert.deepEqual(summary.test, { mean: 0.69, deviation: 0.02 });
});

test('curves use a run with epochs', () => {
  const model = { id: 7, latestRun: run(5, 2, 0.8, 0.8, 0), runs: [run(4, 1, 0.8, 0.8, 3), run(5, 2, 0.8, 0.8, 0)] };

  assert.equal(summariseModel(model).curveRun?.id, 4);
});

test('mean and deviation of seeds', () => {
  const figures = meanAndDeviation([0.8, 0.9, null]);

  assert.ok(Math.abs((figures.mean ?? 0) - 0.85) < 1e-12);
  assert.ok(Math.abs((figures.deviation ?? 0) - Math.sqrt(0.005)) < 1e-12);
  assert.deepEqual(meanAndDeviation([]), { mean: null, deviation: null });
});

test('count takes the singular for one', () => {
  assert.equal(countOf(1, 'epoch'), '1 epoch');
  assert.equal(countOf(0, 'epoch'), '0 epochs');
  assert.equal(countOf(50_000, 'model'), '50,000 models');
});
