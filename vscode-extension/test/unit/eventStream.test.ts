import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backoff } from '../../src/connection/backoff';
import { EventStreamReader } from '../../src/connection/eventStream';
import type { ServerSentEvent } from '../../src/connection/sse';

function streamOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(encoder.encode(chunk));
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

test('reader resumes with Last-Event-ID after the stream ends', async () => {
  const sentIds: (string | null)[] = [];
  const events: ServerSentEvent[] = [];
  const responses = [
    () => streamOf(['event: connected\ndata: {}\n\n', 'id: 41\nevent: epoch\nda', 'ta: {"jobId":1}\n\n']),
    () => streamOf(['event: connected\ndata: {}\n\nid: 42\nevent: batch\ndata: {}\n\n']),
  ];
  let reader: EventStreamReader | undefined;
  const fakeFetch = async (_url: string | URL | Request, init?: RequestInit) => {
    sentIds.push(new Headers(init?.headers).get('Last-Event-ID'));
    const next = responses.shift();
    if (!next) {
      reader?.stop();
      throw new TypeError('fetch failed');
    }
    return next();
  };

  reader = new EventStreamReader({
    url: 'http://127.0.0.1:1/',
    fetch: fakeFetch as typeof fetch,
    backoff: new Backoff({ initialMilliseconds: 1, random: () => 0 }),
    onEvent: (event) => events.push(event),
  });
  await reader.start();

  assert.deepEqual(sentIds, [null, '41', '42']);
  assert.deepEqual(
    events.map((event) => event.type),
    ['connected', 'epoch', 'connected', 'batch'],
  );
});

test('reader reports a rejected API key with the setting to change', async () => {
  const errors: string[] = [];
  let reader: EventStreamReader | undefined;
  const fakeFetch = async () => new Response('{}', { status: 401 });

  reader = new EventStreamReader({
    url: 'http://127.0.0.1:1',
    apiKey: 'wrong',
    fetch: fakeFetch as typeof fetch,
    backoff: new Backoff({ initialMilliseconds: 1, random: () => 0 }),
    onEvent: () => undefined,
    onError: (error) => {
      errors.push(error.message);
      reader?.stop();
    },
  });
  await reader.start();

  assert.equal(errors.length, 1);
  assert.match(errors[0], /remap\.server\.apiKey/);
});

test('reader backs off more after each failed attempt', async () => {
  const delays: number[] = [];
  let reader: EventStreamReader | undefined;
  const fakeFetch = async () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  };

  reader = new EventStreamReader({
    url: 'http://127.0.0.1:1',
    fetch: fakeFetch as typeof fetch,
    backoff: new Backoff({ initialMilliseconds: 1, random: () => 0 }),
    onEvent: () => undefined,
    onError: (error, delay) => {
      assert.match(error.message, /ECONNREFUSED/);
      delays.push(delay);
      if (delays.length === 3) {
        reader?.stop();
      }
    },
  });
  await reader.start();

  assert.deepEqual(delays, [1, 2, 4]);
});

test('reader says it is open only while a stream is being read', async () => {
  const openDuring: boolean[] = [];
  let reader: EventStreamReader | undefined;
  let calls = 0;
  const fakeFetch = async () => {
    calls++;
    if (calls > 1) {
      reader?.stop();
      throw new TypeError('fetch failed');
    }
    return streamOf(['event: connected\ndata: {}\n\n']);
  };

  reader = new EventStreamReader({
    url: 'http://127.0.0.1:1',
    fetch: fakeFetch as typeof fetch,
    backoff: new Backoff({ initialMilliseconds: 1, random: () => 0 }),
    onEvent: () => openDuring.push(reader?.open ?? false),
    onError: () => openDuring.push(reader?.open ?? true),
  });
  assert.equal(reader.open, false);
  await reader.start();

  // Open while reading the event; closed again when the stream ended and the reader waits to retry.
  assert.deepEqual(openDuring, [true, false]);
  assert.equal(reader.open, false);
});
