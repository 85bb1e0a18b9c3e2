import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServerSentEventParser } from '../../src/connection/sse';

test('parser dispatches an event on a blank line', () => {
  const parser = new ServerSentEventParser();

  const events = parser.push('id: 7\nevent: epoch\ndata: {"jobId":3}\n\n');

  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'epoch');
  assert.equal(events[0].data, '{"jobId":3}');
  assert.equal(events[0].lastEventId, '7');
  assert.equal(events[0].hasId, true);
});

test('parser joins an event split across chunks at any character', () => {
  const stream = 'event: batch\ndata: {"a":1}\nid: 12\n\nevent: epoch\ndata: second\nid: 13\n\n';
  for (let cut = 1; cut < stream.length; cut++) {
    const parser = new ServerSentEventParser();

    const events = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];

    assert.deepEqual(
      events.map((event) => [event.type, event.data, event.lastEventId]),
      [
        ['batch', '{"a":1}', '12'],
        ['epoch', 'second', '13'],
      ],
      `cut at ${cut}`,
    );
  }
});

test('parser treats a CRLF split between chunks as one line ending', () => {
  const parser = new ServerSentEventParser();

  const events = [...parser.push('data: one\r'), ...parser.push('\n\r'), ...parser.push('\ndata: two\r\r')];

  assert.deepEqual(
    events.map((event) => event.data),
    ['one', 'two'],
  );
});

test('parser joins data lines with newlines', () => {
  const parser = new ServerSentEventParser();

  const [event] = parser.push('data: first\ndata:second\ndata\n\n');

  assert.equal(event.data, 'first\nsecond\n');
  assert.equal(event.type, 'message');
});

test('parser ignores comments and events without data', () => {
  const parser = new ServerSentEventParser();

  const events = parser.push(': keep-alive\n\nevent: lonely\n\n');

  assert.equal(events.length, 0);
});

test('parser keeps the last id for events without one', () => {
  const parser = new ServerSentEventParser();

  const events = parser.push('id: 5\ndata: a\n\nevent: connected\ndata: b\n\n');

  assert.equal(events[1].lastEventId, '5');
  assert.equal(events[1].hasId, false);
  assert.equal(parser.lastEventId, '5');
});

test('parser ignores an id containing NUL', () => {
  const parser = new ServerSentEventParser('3');

  parser.push('id: 4\0\ndata: x\n\n');

  assert.equal(parser.lastEventId, '3');
});

test('parser reads retry only when it is all digits', () => {
  const parser = new ServerSentEventParser();

  parser.push('retry: 2500\n\n');
  parser.push('retry: soon\n\n');

  assert.equal(parser.retryMilliseconds, 2500);
});

test('parser strips a byte order mark at the stream start', () => {
  const parser = new ServerSentEventParser();

  const [event] = parser.push('\ufeffevent: connected\ndata: {}\n\n');

  assert.equal(event.type, 'connected');
});

test('parser drops a partial event on reset but keeps the id', () => {
  const parser = new ServerSentEventParser();
  parser.push('id: 9\ndata: done\n\ndata: half');

  parser.resetConnection();
  const events = parser.push('\n\ndata: next\n\n');

  assert.deepEqual(
    events.map((event) => event.data),
    ['next'],
  );
  assert.equal(parser.lastEventId, '9');
});
