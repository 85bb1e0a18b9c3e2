import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRemapApi } from '../../src/api/client';
import { LiveUpdates, type LiveUpdateHost } from '../../src/overview/liveUpdates';
import { PointIndex } from '../../src/overview/overviewData';
import type { HostMessage, OverviewPoint } from '../../src/shared/messages';

/** Serves a fake overview endpoint over a list of points that the test changes between refreshes. */
function fakeOverview(points: OverviewPoint[]) {
  const requests: URL[] = [];
  const fakeFetch = async (request: Request) => {
    const url = new URL(request.url);
    requests.push(url);
    const focus = url.searchParams.get('focus');
    const after = Number(url.searchParams.get('after') ?? 0);
    const page = points.filter((point) => (point.id as number) > after);
    const body = {
      modelCount: points.length,
      bounds: { minX: 0, maxX: 1, minY: 0, maxY: 1 },
      points: focus ? page.slice(0, 1) : page,
      focus: focus ? points.find((point) => point.id === Number(focus)) ?? null : null,
      nextAfter: null,
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { api: createRemapApi({ url: 'http://127.0.0.1:1' }, fakeFetch as typeof fetch), requests };
}

function hostFor(points: OverviewPoint[], inspectedModelId: number | null = null) {
  const { api, requests } = fakeOverview(points);
  const index = new PointIndex();
  index.merge(points.map((point) => ({ ...point })));
  const posted: HostMessage[] = [];
  const inspected: number[] = [];
  const host: LiveUpdateHost = {
    api: () => api,
    query: () => ({ dataset: 'fashion-mnist-sample', projection: 'structure', classIndex: null }),
    points: index,
    generation: () => 1,
    isLoading: () => false,
    inspectedModelId: () => inspectedModelId,
    post: (message) => posted.push(message),
    refreshInspection: async (modelId) => {
      inspected.push(modelId);
    },
  };
  return { host, posted, requests, inspected };
}

const stateEvent = (modelId: number, state: string) => ({ id: 1, type: 'job-state', jobId: modelId, modelId, data: { state } });

test('new model after the known ones is posted', async () => {
  const points: OverviewPoint[] = [{ id: 1, status: 'succeeded' }];
  const { host, posted, requests } = hostFor(points);
  const updates = new LiveUpdates(host, 60_000);
  points.push({ id: 2, status: 'queued' });

  updates.onJobEvent(stateEvent(2, 'queued'));
  await updates.refresh();
  updates.dispose();

  assert.deepEqual(posted, [{ type: 'updatePoints', points: [{ id: 2, status: 'queued' }], modelCount: 2, bounds: { minX: 0, maxX: 1, minY: 0, maxY: 1 } }]);
  assert.equal(requests[0].searchParams.get('after'), '1');
});

test('finished job refetches that model by focus', async () => {
  const points: OverviewPoint[] = [
    { id: 1, status: 'running' },
    { id: 2, status: 'succeeded' },
  ];
  const { host, posted, requests } = hostFor(points);
  const updates = new LiveUpdates(host, 60_000);
  points[0] = { id: 1, status: 'succeeded', validationAccuracy: 0.8 };

  updates.onJobEvent(stateEvent(1, 'succeeded'));
  await updates.refresh();
  updates.dispose();

  assert.equal(posted.length, 1);
  assert.deepEqual(posted[0].type === 'updatePoints' ? posted[0].points : null, [{ id: 1, status: 'succeeded', validationAccuracy: 0.8 }]);
  assert.ok(requests.some((url) => url.searchParams.get('focus') === '1'));
});

test('unchanged models post nothing', async () => {
  const { host, posted } = hostFor([{ id: 1, status: 'succeeded' }]);
  const updates = new LiveUpdates(host, 60_000);

  updates.onJobEvent(stateEvent(1, 'succeeded'));
  await updates.refresh();
  updates.dispose();

  assert.deepEqual(posted, []);
});

test('epoch event refreshes only the inspected model', async () => {
  const { host, inspected } = hostFor([{ id: 1, status: 'running' }], 1);
  const updates = new LiveUpdates(host, 5);

  updates.onJobEvent({ id: 2, type: 'epoch', jobId: 7, modelId: 3, data: { epoch: 1 } });
  updates.onJobEvent({ id: 3, type: 'epoch', jobId: 1, modelId: 1, data: { epoch: 1 } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  updates.dispose();

  assert.deepEqual(inspected, [1]);
});

test('burst of events makes one refresh', async () => {
  const points: OverviewPoint[] = [{ id: 1, status: 'succeeded' }];
  const { host, requests } = hostFor(points);
  const updates = new LiveUpdates(host, 20);

  for (let id = 2; id <= 30; id++) {
    points.push({ id, status: 'queued' });
    updates.onJobEvent(stateEvent(id, 'queued'));
  }

  await new Promise((resolve) => setTimeout(resolve, 120));
  updates.dispose();

  assert.equal(requests.length, 1);
});

test('more changed models than the limit make one full fetch', async () => {
  const points: OverviewPoint[] = Array.from({ length: 60 }, (_, index) => ({ id: index + 1, status: 'running' }));
  const { host, posted, requests } = hostFor(points);
  const updates = new LiveUpdates(host, 60_000);
  for (const point of points) {
    point.status = 'succeeded';
    updates.onJobEvent(stateEvent(point.id as number, 'succeeded'));
  }

  await updates.refresh();
  updates.dispose();

  assert.equal(requests.length, 1);
  assert.equal(requests[0].searchParams.get('after'), null);
  assert.equal(posted[0].type === 'updatePoints' ? posted[0].points.length : 0, 60);
});

test('server error during refresh is posted', async () => {
  const failing = async () => new Response(JSON.stringify({ title: 'Server error', status: 500, detail: 'The store is locked.' }), { status: 500, headers: { 'content-type': 'application/problem+json' } });
  const { host, posted } = hostFor([{ id: 1 }]);
  const api = createRemapApi({ url: 'http://127.0.0.1:1' }, failing as typeof fetch);
  const updates = new LiveUpdates({ ...host, api: () => api }, 60_000);

  updates.onReconnect();
  await updates.refresh();
  updates.dispose();

  assert.deepEqual(posted, [{ type: 'error', message: 'The store is locked.' }]);
});

test('forget drops the changes of the old server', async () => {
  const points: OverviewPoint[] = [{ id: 1, status: 'running' }];
  const { host, posted, requests, inspected } = hostFor(points, 1);
  const updates = new LiveUpdates(host, 60_000);
  updates.onJobEvent(stateEvent(1, 'succeeded'));
  updates.onReconnect();

  updates.forget();
  await updates.refresh();
  updates.dispose();

  assert.deepEqual(posted, []);
  assert.equal(requests.length, 1, 'only the incremental fetch after the known models should be made');
  assert.equal(requests[0].searchParams.get('after'), '1');
  assert.deepEqual(inspected, []);
});
