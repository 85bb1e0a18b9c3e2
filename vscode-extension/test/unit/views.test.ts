import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeQueue, formatParameters, lostConnectionMessage, presentJob, presentModel } from '../../src/views/format';
import { JobTable } from '../../src/views/jobTable';

const listing = [
  { id: 1, modelId: 10, state: 'succeeded', priority: 0, epoch: 4, epochs: 4, epochMetrics: [{ epoch: 4, validationAccuracy: 0.8123 }] },
  { id: 2, modelId: 11, state: 'queued', priority: 0, epoch: 0, epochs: 4 },
  { id: 3, modelId: 12, state: 'queued', priority: 5, epoch: 0, epochs: 4 },
];

test('job table orders running, then queued by priority, then finished', () => {
  const table = new JobTable();
  table.replace(listing, 100);

  table.apply({ id: 101, type: 'job-state', jobId: 2, modelId: 11, data: { state: 'running' } });

  assert.deepEqual(
    table.list().map((row) => row.id),
    [2, 3, 1],
  );
});

test('job table skips events the listing already reflects', () => {
  const table = new JobTable();
  table.replace(listing, 100);

  const change = table.apply({ id: 99, type: 'job-state', jobId: 2, modelId: 11, data: { state: 'running' } });

  assert.equal(change.kind, 'none');
  assert.equal(table.get(2)?.state, 'queued');
});

test('job table applies epoch and batch progress to one row', () => {
  const table = new JobTable();
  table.replace(listing, 100);

  table.apply({ id: 101, type: 'batch', jobId: 3, modelId: 12, data: { epoch: 1, epochs: 4, batch: 20, batches: 94 } });
  assert.equal(table.get(3)?.batchEpoch, 1);
  assert.equal(table.get(3)?.state, 'running');
  const change = table.apply({ id: 102, type: 'epoch', jobId: 3, modelId: 12, data: { epoch: 1, epochs: 4, validationAccuracy: 0.71 } });

  assert.equal(change.kind, 'row');
  assert.equal(table.get(3)?.epoch, 1);
  assert.equal(table.get(3)?.validationAccuracy, 0.71);
  assert.equal(table.get(3)?.batch, undefined);
});

test('job table adds a job queued after the listing', () => {
  const table = new JobTable();
  table.replace(listing, 100);

  const change = table.apply({ id: 101, type: 'job-state', jobId: 7, modelId: 20, data: { state: 'queued', priority: 2 } });

  assert.equal(change.kind, 'added');
  assert.equal(table.get(7)?.priority, 2);
  assert.equal(table.queueLength(), 3);
});

test('queue length counts queued and running jobs', () => {
  const table = new JobTable();
  table.replace(listing, 100);

  table.apply({ id: 101, type: 'job-state', jobId: 2, modelId: 11, data: { state: 'running' } });
  table.apply({ id: 102, type: 'job-state', jobId: 3, modelId: 12, data: { state: 'cancelled', epoch: 0 } });

  assert.equal(table.queueLength(), 1);
});

test('running job row shows epoch, batch, accuracy', () => {
  const row = { id: 3, modelId: 12, state: 'running', priority: 0, epoch: 1, epochs: 4, batchEpoch: 2, batch: 10, batches: 94, validationAccuracy: 0.8456, repeats: 1, completedRepeats: 0 };

  const presentation = presentJob(row, 'cnn_small');

  assert.equal(presentation.label, 'cnn_small');
  assert.equal(presentation.description, 'epoch 2/4 · batch 10/94 · 84.6%');
  assert.equal(presentation.contextValue, 'job.running');
  assert.equal(presentation.icon.id, 'sync~spin');
});

test('queued job row shows its priority and falls back to the model id', () => {
  const row = { id: 5, modelId: 44, state: 'queued', priority: -1, epoch: 0, epochs: 4, repeats: 3, completedRepeats: 0 };

  const presentation = presentJob(row, undefined);

  assert.equal(presentation.label, 'model 44');
  assert.equal(presentation.description, 'epoch 0/4 · run 1/3 · priority -1');
  assert.equal(presentation.contextValue, 'job.queued');
});

test('failed job row names its state and error', () => {
  const row = { id: 6, modelId: 45, state: 'failed', priority: 0, epoch: 1, epochs: 4, error: 'Out of memory', repeats: 1, completedRepeats: 0 };

  const presentation = presentJob(row, 'big');

  assert.equal(presentation.description, 'epoch 1/4 · failed');
  assert.match(presentation.tooltip, /Error: Out of memory/);
  assert.equal(presentation.contextValue, 'job.finished');
});

test('model row shows accuracy with spread, parameters and runs', () => {
  const presentation = presentModel({ id: 3, name: 'mlp_tiny', dataset: 'd', validationAccuracy: 0.9123, validationAccuracyStd: 0.0042, parameterCount: 52410, runCount: 3 });

  assert.equal(presentation.description, 'val 91.2% ± 0.4 · 52k params · 3 runs');
});

test('model tooltip labels validation and test accuracy', () => {
  const presentation = presentModel({ id: 4, name: 'cnn_small', dataset: 'd', validationAccuracy: 0.837, testAccuracyMean: 0.821, parameterCount: 812, runCount: 1 });

  assert.equal(presentation.description, 'val 83.7% · 812 params · 1 run');
  assert.match(presentation.tooltip, /Validation accuracy 83\.7% · test accuracy 82\.1%/);
});

test('parameter counts are compact', () => {
  assert.equal(formatParameters(812), '812');
  assert.equal(formatParameters(5226), '5.2k');
  assert.equal(formatParameters(1_234_567), '1.2M');
});

test('running job row without a connection says last known and does not spin', () => {
  const row = { id: 3, modelId: 12, state: 'running', priority: 0, epoch: 1, epochs: 4, batchEpoch: 2, batch: 111, batches: 141, repeats: 1, completedRepeats: 0 };

  const presentation = presentJob(row, 'cnn_small', true);

  assert.equal(presentation.description, 'last known: running · epoch 2/4 · batch 111/141');
  assert.notEqual(presentation.icon.id, 'sync~spin');
  assert.match(presentation.tooltip, /unreachable/);
  assert.equal(presentation.contextValue, 'job.running');
});

test('finished job row without a connection stays as it was', () => {
  const row = { id: 6, modelId: 45, state: 'failed', priority: 0, epoch: 1, epochs: 4, repeats: 1, completedRepeats: 0 };

  assert.deepEqual(presentJob(row, 'big', true), presentJob(row, 'big'));
});

test('lost connection message keeps the last progress and says it resumes', () => {
  const message = lostConnectionMessage('epoch 2/4, batch 111/141');

  assert.match(message, /lost/);
  assert.match(message, /resumes when it is back/);
  assert.match(message, /Last known: epoch 2\/4, batch 111\/141\./);
  assert.doesNotMatch(lostConnectionMessage(''), /Last known/);
});

test('status bar text counts running and queued jobs apart', () => {
  const table = new JobTable();
  table.replace(listing, 100);
  table.apply({ id: 101, type: 'job-state', jobId: 2, modelId: 11, data: { state: 'running' } });

  assert.deepEqual(table.activeCounts(), { running: 1, queued: 1 });
  assert.equal(describeQueue({ running: 1, queued: 0 }), '1 running');
  assert.equal(describeQueue({ running: 1, queued: 3 }), '1 running, 3 queued');
  assert.equal(describeQueue({ running: 0, queued: 2 }), '2 queued');
  assert.equal(describeQueue({ running: 0, queued: 0 }), 'idle');
});
