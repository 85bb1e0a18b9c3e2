import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layerRestrictions, parseInteger, validateMaxChanges, validateOptionalEpochs, validateOptionalMaxDepth, validateOptionalMaxParameters, validateOptionalSeed, validatePopulationCount, validateVariationCount } from '../../src/commands/validation';
import { isLoopbackUrl, normalizeServerUrl, serveArguments, validateServerUrl } from '../../src/connection/address';

test('variation count accepts 1 to 50', () => {
  assert.equal(validateVariationCount('1'), undefined);
  assert.equal(validateVariationCount(' 50 '), undefined);
  assert.match(validateVariationCount('0') ?? '', /0 is out of range.*1 to 50/);
  assert.match(validateVariationCount('51') ?? '', /out of range/);
  assert.match(validateVariationCount('2.5') ?? '', /"2\.5" is not a whole number/);
  assert.match(validateVariationCount('') ?? '', /Enter the number of variations/);
});

test('max changes accepts 1 to 5', () => {
  assert.equal(validateMaxChanges('5'), undefined);
  assert.match(validateMaxChanges('6') ?? '', /1 to 5/);
  assert.match(validateMaxChanges('x') ?? '', /not a whole number/);
});

test('population count and seed follow the server limits', () => {
  assert.equal(validatePopulationCount('200'), undefined);
  assert.match(validatePopulationCount('201') ?? '', /1 to 200/);
  assert.equal(validateOptionalSeed(''), undefined);
  assert.equal(validateOptionalSeed('2147483647'), undefined);
  assert.match(validateOptionalSeed('-1') ?? '', /out of range/);
});

test('server url validation names the fix', () => {
  assert.equal(validateServerUrl('http://127.0.0.1:5178'), undefined);
  assert.equal(validateServerUrl('https://remap.example.org/'), undefined);
  assert.match(validateServerUrl('') ?? '', /Enter the address/);
  assert.match(validateServerUrl('127.0.0.1:5178') ?? '', /no scheme: enter http:\/\/127\.0\.0\.1:5178/);
  assert.match(validateServerUrl('ftp://host') ?? '', /http:\/\/ or https:\/\//);
  assert.match(validateServerUrl('http://') ?? '', /is not an address/);
  assert.match(validateServerUrl('http://127.0.0.1:5178/api/v1') ?? '', /Leave out \/api\/v1: enter http:\/\/127\.0\.0\.1:5178/);
  assert.match(validateServerUrl('http://user:pw@host') ?? '', /apiKey/);
});

test('server url is normalised without a trailing slash', () => {
  assert.equal(normalizeServerUrl(' http://127.0.0.1:5178/ '), 'http://127.0.0.1:5178');
});

test('loopback detection', () => {
  assert.equal(isLoopbackUrl('http://127.0.0.1:5178'), true);
  assert.equal(isLoopbackUrl('http://127.8.0.2:1'), true);
  assert.equal(isLoopbackUrl('http://localhost:5178'), true);
  assert.equal(isLoopbackUrl('http://[::1]:5178'), true);
  assert.equal(isLoopbackUrl('http://0.0.0.0:5178'), false);
  assert.equal(isLoopbackUrl('http://192.168.1.4:5178'), false);
  assert.equal(isLoopbackUrl('http://127.example.org'), false);
});

test('layer restrictions cover every layer unless all actions are allowed', () => {
  assert.equal(layerRestrictions(3, ['insert', 'remove', 'replace', 'reparameterise']), undefined);
  assert.deepEqual(layerRestrictions(2, ['remove']), [
    { index: 0, actions: ['remove'] },
    { index: 1, actions: ['remove'] },
  ]);
});

test('population options accept empty for the default and the API ranges otherwise', () => {
  assert.equal(validateOptionalMaxDepth(''), undefined);
  assert.equal(validateOptionalMaxDepth('30'), undefined);
  assert.match(validateOptionalMaxDepth('1') ?? '', /from 2 to 30/);
  assert.equal(validateOptionalMaxParameters('1,000,000'), undefined);
  assert.match(validateOptionalMaxParameters('99') ?? '', /from 100 to 50,000,000/);
  assert.match(validateOptionalEpochs('1001') ?? '', /from 1 to 1,000/);
  assert.match(validateOptionalEpochs('two') ?? '', /not a whole number/);
  assert.equal(parseInteger('1,000,000'), 1_000_000);
});

test('local server gets --database only when one is set', () => {
  assert.deepEqual(serveArguments('http://127.0.0.1:18650', ''), ['serve', '--urls', 'http://127.0.0.1:18650']);
  assert.deepEqual(serveArguments('http://127.0.0.1:18650', '/data/remap.db'), ['serve', '--urls', 'http://127.0.0.1:18650', '--database', '/data/remap.db']);
});
