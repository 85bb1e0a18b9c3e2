import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRemapApi, describeProblem, RemapApiError, unwrap } from '../../src/api/client';

test('a problem document becomes the error message, with each field named', async () => {
  const problem = { title: 'One or more validation errors occurred.', status: 400, errors: { count: ['Must be between 1 and 100.'] } };
  const fakeFetch = async () => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } });
  const api = createRemapApi({ url: 'http://127.0.0.1:1' }, fakeFetch as typeof fetch);

  const error = await unwrap(api.GET('/api/v1/datasets')).catch((caught: unknown) => caught);

  assert.ok(error instanceof RemapApiError);
  assert.equal(error.status, 400);
  assert.match(error.message, /count: Must be between 1 and 100\./);
});

test('the API key is sent as a bearer token', async () => {
  let authorization: string | null = null;
  const fakeFetch = async (request: Request) => {
    authorization = request.headers.get('Authorization');
    return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const api = createRemapApi({ url: 'http://127.0.0.1:1/', apiKey: 'secret' }, fakeFetch as typeof fetch);

  await unwrap(api.GET('/api/v1/datasets'));

  assert.equal(authorization, 'Bearer secret');
});

test('the title and each field error read as separate sentences', () => {
  const message = describeProblem({ title: 'The request is invalid', status: 400, errors: { count: ['Must be between 1 and 50'], seed: ['Must be 0 or more.'] } }, 400);

  assert.equal(message, 'The request is invalid. count: Must be between 1 and 50. seed: Must be 0 or more.');
});

test('a refused connection is named in words, with the address', async () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  const fakeFetch = async () => {
    throw new TypeError('fetch failed', { cause: refused });
  };
  const target = { url: 'http://127.0.0.1:9' };
  const api = createRemapApi(target, fakeFetch as typeof fetch);

  const error = await unwrap(api.GET('/api/v1/datasets'), target).catch((caught: unknown) => caught);

  assert.ok(error instanceof RemapApiError);
  assert.match(error.message, /^No Remap server answered at http:\/\/127\.0\.0\.1:9 \(connection refused\)\./);
});
