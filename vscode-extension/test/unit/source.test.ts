import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDefaults, formatDiagnostics, readDiagnostics, readHeader, sameSource } from '../../src/commands/source';

const file = '# a comment\nmodel mlp_tiny\ndataset fashion-mnist-sample\n\nflatten\ndense units=10\n';

test('header values are read by keyword', () => {
  assert.equal(readHeader(file, 'model'), 'mlp_tiny');
  assert.equal(readHeader(file, 'dataset'), 'fashion-mnist-sample');
  assert.equal(readHeader(file, 'input'), undefined);
});

test('defaults go after the model line when missing', () => {
  const text = applyDefaults(file, { input: '1x28x28', classes: 10 });

  assert.equal(text, '# a comment\nmodel mlp_tiny\ninput 1x28x28\nclasses 10\ndataset fashion-mnist-sample\n\nflatten\ndense units=10\n');
});

test('defaults never replace the file’s own lines', () => {
  const own = 'model m\ninput 3x32x32\nclasses 4\ndense units=4\n';

  assert.equal(applyDefaults(own, { input: '1x28x28', classes: 10 }), own);
});

test('defaults go first in a file without a model line', () => {
  assert.equal(applyDefaults('dense units=2', { input: '8' }), 'input 8\ndense units=2');
});

test('diagnostics of a 400 become one line per error', () => {
  const problem = {
    title: 'Invalid architecture',
    diagnostics: [
      { line: 5, column: 1, severity: 'error', message: "Unknown layer 'conv3d'." },
      { line: 2, column: 1, severity: 'warning', message: 'Unused.' },
    ],
  };

  assert.deepEqual(formatDiagnostics(readDiagnostics(problem)), ["line 5, column 1: Unknown layer 'conv3d'."]);
  assert.deepEqual(readDiagnostics({ title: 'x' }), []);
});

test('a stored source matches the file despite line endings and trailing spaces', () => {
  assert.equal(sameSource(file.replace(/\n/g, '\r\n'), `${file.replace('flatten', 'flatten   ')}\n\n`), true);
  assert.equal(sameSource(file, file.replace('units=10', 'units=12')), false);
});
