import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeServer } from '../../src/connection/probe';

const target = { url: 'http://127.0.0.1:1' };

function answering(status: number, body: string): typeof fetch {
  return (async () => new Response(body, { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;
}

test('probe accepts a server that lists datasets', async () => {
  assert.equal(await probeServer(target, answering(200, '[{"name":"fashion-mnist-sample"}]')), undefined);
});

test('probe names a refused connection', async () => {
  const refused = (async () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
  }) as typeof fetch;

  const reason = await probeServer(target, refused);

  assert.match(reason ?? '', /connection refused/);
  assert.doesNotMatch(reason ?? '', /fetch failed/);
});

test('probe says a 404 is not a Remap server', async () => {
  assert.match((await probeServer(target, answering(404, ''))) ?? '', /404 .* not a Remap server/);
});

test('probe says a 401 needs an API key, or a different one', async () => {
  assert.match((await probeServer(target, answering(401, '{}'))) ?? '', /needs an API key/);
  assert.match((await probeServer({ ...target, apiKey: 'wrong' }, answering(401, '{}'))) ?? '', /rejected the API key/);
});

test('probe rejects a server whose answer is not a dataset list', async () => {
  assert.match((await probeServer(target, answering(200, '<html></html>'))) ?? '', /not a Remap server/);
});
