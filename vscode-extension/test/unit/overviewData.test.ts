import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRemapApi } from '../../src/api/client';
import { fetchClassNames, fetchInspection, fetchOverviewPages, fetchOverviewPoint, fetchWholeView, overviewPageSize, PointIndex, recomputeProjection, sameQuery } from '../../src/overview/overviewData';
import { contentSecurityPolicy, createNonce, renderOverviewHtml } from '../../src/overview/html';
import { parseWebviewState } from '../../src/shared/messages';

/** Creates a fake server that builds each response with `answer` and records the requested URLs. */
function fakeServer(answer: (url: URL) => { status?: number; body: unknown }) {
  const requests: URL[] = [];
  const fakeFetch = async (request: Request) => {
    const url = new URL(request.url);
    requests.push(url);
    const { status = 200, body } = answer(url);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' } });
  };
  return { api: createRemapApi({ url: 'http://127.0.0.1:1' }, fakeFetch as typeof fetch), requests };
}

const query = { dataset: 'fashion-mnist-sample', projection: 'structure' as const, classIndex: null };

test('overview pages are followed until nextAfter is null', async () => {
  const { api, requests } = fakeServer((url) => {
    const after = Number(url.searchParams.get('after') ?? 0);
    const nextAfterByAfter: Record<number, number | null> = { 0: 3, 3: 6, 6: null };
    const next = nextAfterByAfter[after];
    return { body: { modelCount: 8, points: [{ id: after + 1 }, { id: after + 2 }], nextAfter: next } };
  });
  const pages: Array<{ ids: number[]; complete: boolean }> = [];

  await fetchOverviewPages(api, query, (page, complete) => pages.push({ ids: (page.points ?? []).map((point) => point.id as number), complete }));

  assert.deepEqual(pages, [
    { ids: [1, 2], complete: false },
    { ids: [4, 5], complete: false },
    { ids: [7, 8], complete: true },
  ]);
  assert.equal(requests[0].searchParams.get('limit'), String(overviewPageSize));
  assert.equal(requests[0].searchParams.get('after'), null);
  assert.equal(requests[1].searchParams.get('after'), '3');
  assert.equal(requests[0].searchParams.get('classIndex'), null);
});

test('overview paging stops when cancelled', async () => {
  const { api, requests } = fakeServer(() => ({ body: { points: [{ id: 1 }], nextAfter: 1 } }));
  let pages = 0;

  await fetchOverviewPages(api, query, () => pages++, () => requests.length >= 2);

  assert.equal(pages, 1);
  assert.equal(requests.length, 2);
});

test('class index is passed to the overview', async () => {
  const { api, requests } = fakeServer(() => ({ body: { points: [], nextAfter: null } }));

  await fetchOverviewPages(api, { ...query, classIndex: 6 }, () => {});

  assert.equal(requests[0].searchParams.get('classIndex'), '6');
});

test('single point is fetched with focus', async () => {
  const { api, requests } = fakeServer(() => ({ body: { points: [{ id: 1 }], focus: { id: 42, status: 'succeeded' }, nextAfter: 1 } }));

  const result = await fetchOverviewPoint(api, query, 42);

  assert.equal(result.point?.id, 42);
  assert.equal(requests[0].searchParams.get('focus'), '42');
  assert.equal(requests[0].searchParams.get('limit'), '1');
});

test('server error reaches the caller with its detail', async () => {
  const { api } = fakeServer(() => ({ status: 400, body: { title: 'Bad request', status: 400, detail: 't-SNE is limited to 3,000 models.' } }));

  await assert.rejects(
    fetchOverviewPages(api, query, () => {}),
    /t-SNE is limited to 3,000 models\./,
  );
});

test('class names come from the dataset', async () => {
  const { api } = fakeServer(() => ({ body: [{ name: 'fashion-mnist-sample', classes: 2, classNames: ['T-shirt/top', 'Trouser'] }] }));

  assert.deepEqual(await fetchClassNames(api, 'fashion-mnist-sample'), ['T-shirt/top', 'Trouser']);
});

test('unknown dataset names the ones the server has', async () => {
  const { api } = fakeServer(() => ({ body: [{ name: 'fashion-mnist-sample', classes: 10 }] }));

  await assert.rejects(fetchClassNames(api, 'cifar'), /no dataset named "cifar"\. It has: fashion-mnist-sample/);
});

test('dataset without class names gets numbered classes', async () => {
  const { api } = fakeServer(() => ({ body: [{ name: 'digits', classes: 3, classNames: null }] }));

  assert.deepEqual(await fetchClassNames(api, 'digits'), ['class 0', 'class 1', 'class 2']);
});

test('inspection loads parent and diff', async () => {
  const { api, requests } = fakeServer((url) => {
    if (url.pathname.endsWith('/diff/7')) {
      return { body: { beforeId: 3, afterId: 7, changes: [{ description: 'removed layer 3 (relu)' }] } };
    }

    const id = Number(url.pathname.split('/').pop());
    return { body: { id, parentId: id === 7 ? 3 : null } };
  });

  const inspection = await fetchInspection(api, 7);

  assert.equal(inspection.model.id, 7);
  assert.equal(inspection.parent?.id, 3);
  assert.equal(inspection.diff?.changes?.[0].description, 'removed layer 3 (relu)');
  assert.ok(requests.some((url) => url.pathname === '/api/v1/models/3/diff/7'));
});

test('inspection of a root model has no parent', async () => {
  const { api, requests } = fakeServer(() => ({ body: { id: 1, parentId: null } }));

  const inspection = await fetchInspection(api, 1);

  assert.equal(inspection.parent, null);
  assert.equal(inspection.diff, null);
  assert.equal(requests.length, 1);
});

test('point index returns only new or changed points', () => {
  const index = new PointIndex();
  index.merge([
    { id: 1, status: 'queued' },
    { id: 2, status: 'succeeded' },
  ]);

  const changed = index.merge([
    { id: 1, status: 'running' },
    { id: 2, status: 'succeeded' },
    { id: 5, status: 'queued' },
  ]);

  assert.deepEqual(
    changed.map((point) => point.id),
    [1, 5],
  );
  assert.equal(index.maxId, 5);
  assert.equal(index.size, 3);
});

test('point index lists points in id order', () => {
  const index = new PointIndex();
  index.merge([{ id: 9 }, { id: 2 }, { id: 5 }]);

  assert.deepEqual(
    index.values().map((point) => point.id),
    [2, 5, 9],
  );
});

test('queries differ by class index', () => {
  const structure = { dataset: 'd', projection: 'structure' as const, classIndex: null };

  assert.equal(sameQuery(structure, { ...structure }), true);
  assert.equal(sameQuery(structure, { ...structure, classIndex: 0 }), false);
  assert.equal(sameQuery(structure, { ...structure, projection: 'prediction' }), false);
});

test('policy allows only the nonce script and extension styles', () => {
  const policy = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc123');

  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'nonce-abc123'(;|$)/);
  assert.match(policy, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net(;|$)/);
  assert.match(policy, /img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net data:(;|$)/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|connect-src/);
});

test('page HTML carries the nonce on its script', () => {
  const html = renderOverviewHtml({ cspSource: 'vscode-resource:', scriptUri: 'vscode-resource:/dist/webview.js', styleUri: 'vscode-resource:/dist/webview-style.css', nonce: 'n0nce' });

  assert.match(html, /<script nonce="n0nce" src="vscode-resource:\/dist\/webview\.js"><\/script>/);
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
});

test('nonces differ between page loads', () => {
  const first = createNonce();

  assert.notEqual(first, createNonce());
  assert.ok(first.length >= 22);
});

test('stored state is checked field by field', () => {
  const state = parseWebviewState({ dataset: 'd', projection: 'tsne', classIndex: -1, inspectedModelId: 4, transform: { x: 1, y: 2, k: 0 } });

  assert.deepEqual(state, { dataset: 'd', projection: 'structure', classIndex: null, inspectedModelId: 4, transform: null });
  assert.equal(parseWebviewState('garbage'), null);
});

test('whole view arrives after its last page', async () => {
  const { api, requests } = fakeServer((url) => {
    const after = Number(url.searchParams.get('after') ?? 0);
    const last = after === 2;
    return { body: { modelCount: 4, bounds: { minX: after, maxX: 9, minY: 0, maxY: 1 }, points: [{ id: after + 1 }, { id: after + 2 }], nextAfter: last ? null : 2 } };
  });

  const view = await fetchWholeView(api, { ...query, classIndex: 3 });

  assert.deepEqual(view?.points.map((point) => point.id), [1, 2, 3, 4]);
  assert.equal(view?.modelCount, 4);
  assert.deepEqual(view?.bounds, { minX: 2, maxX: 9, minY: 0, maxY: 1 });
  assert.equal(requests.length, 2);
  assert.equal(requests[1].searchParams.get('classIndex'), '3');
});

test('whole view is dropped when cancelled', async () => {
  let cancelled = false;
  const { api } = fakeServer(() => {
    cancelled = true;
    return { body: { modelCount: 4, points: [{ id: 1 }], nextAfter: 1 } };
  });

  assert.equal(await fetchWholeView(api, query, () => cancelled), null);
});

test('refit posts the view and dataset to the recompute endpoint', async () => {
  const bodies: unknown[] = [];
  const fakeFetch = async (request: Request) => {
    bodies.push({ path: new URL(request.url).pathname, method: request.method, body: await request.json() });
    return new Response(JSON.stringify({ dataset: query.dataset, points: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const api = createRemapApi({ url: 'http://127.0.0.1:1' }, fakeFetch as typeof fetch);

  await recomputeProjection(api, query);

  assert.deepEqual(bodies, [{ path: '/api/v1/overview/recompute', method: 'POST', body: { projection: 'structure', dataset: 'fashion-mnist-sample' } }]);
});

test('refit of accuracy vs size is refused before any request', async () => {
  const { api, requests } = fakeServer(() => ({ body: {} }));

  await assert.rejects(recomputeProjection(api, { ...query, projection: 'accuracy-size' }), /fixed axes/);
  assert.equal(requests.length, 0);
});
