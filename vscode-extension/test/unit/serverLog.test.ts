import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServerLogClassifier } from '../../src/language/serverLog';

test('prefixes map to output levels', () => {
  const classify = createServerLogClassifier();

  assert.deepEqual(classify('info: Remap.LanguageServer[1] Initialized'), { level: 'info', text: 'Remap.LanguageServer[1] Initialized' });
  assert.equal(classify('warn: Remap.LanguageServer[4] Slow request').level, 'warn');
  assert.equal(classify('fail: Remap.LanguageServer[2] Handler failed').level, 'error');
  assert.equal(classify('crit: Remap.LanguageServer[3] Stopping').level, 'error');
  assert.equal(classify('dbug: Remap.LanguageServer[5] Detail').level, 'debug');
  assert.equal(classify('trce: Remap.LanguageServer[6] Detail').level, 'trace');
});

test('unprefixed line continues the entry above', () => {
  const classify = createServerLogClassifier();

  classify('warn: Remap.LanguageServer[4] Request failed');
  assert.deepEqual(classify('   at Remap.LanguageServer.Handler.Run()'), { level: 'warn', text: '   at Remap.LanguageServer.Handler.Run()' });
});

test('host output before any entry is an error', () => {
  const classify = createServerLogClassifier();

  assert.equal(classify('You must install or update .NET to run this application.').level, 'error');
});

test('a word that only looks like a prefix stays text', () => {
  const classify = createServerLogClassifier();

  assert.equal(classify('information: not a prefix').level, 'error');
  assert.equal(classify('info:missing space').level, 'error');
});
