// Follows GET /api/v1/events with fetch: parses the stream, remembers the last event id and
// reconnects with Last-Event-ID after a backoff delay, so no event is lost across a server restart
// within the server's retention window. No vscode import, so it runs in unit tests and scripts.
import { describeNetworkError } from '../api/client';
import { Backoff } from './backoff';
import { ServerSentEventParser, type ServerSentEvent } from './sse';

export interface EventStreamOptions {
  /** The server's base address without /api/v1. */
  url: string;
  apiKey?: string;
  /** The id of the last event already handled, to resume after. */
  lastEventId?: string;
  fetch?: typeof fetch;
  backoff?: Backoff;
  onEvent(event: ServerSentEvent): void;
  /** Called when a connection opened (status 200 and an event-stream body). */
  onOpen?(): void;
  /** Called when a connection failed or ended, with the reason and the delay before the next attempt. */
  onError?(error: Error, retryMilliseconds: number): void;
}

export class EventStreamError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'EventStreamError';
  }
}

export class EventStreamReader {
  private readonly parser: ServerSentEventParser;
  private readonly backoff: Backoff;
  private readonly fetchImplementation: typeof fetch;
  private abort: AbortController | undefined;
  private wake: (() => void) | undefined;
  private running = false;
  private streamOpen = false;

  constructor(private readonly options: EventStreamOptions) {
    this.parser = new ServerSentEventParser(options.lastEventId ?? '');
    this.backoff = options.backoff ?? new Backoff();
    this.fetchImplementation = options.fetch ?? globalThis.fetch;
  }

  get lastEventId(): string {
    return this.parser.lastEventId;
  }

  /** True while a stream is open and being read; false while connecting or waiting to retry. */
  get open(): boolean {
    return this.streamOpen;
  }

  /** Starts reading in the background; the returned promise settles when stop() is called. */
  start(): Promise<void> {
    if (this.running) {
      throw new Error('The event stream reader is already running.');
    }

    this.running = true;
    return this.loop();
  }

  stop(): void {
    this.running = false;
    this.abort?.abort();
    this.wake?.();
  }

  /** Skips the rest of the current backoff delay, for example when the user asked to reconnect. */
  reconnectNow(): void {
    this.backoff.reset();
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let failure: Error;
      try {
        await this.readOnce();
        failure = new EventStreamError(`The Remap server at ${this.options.url} closed the event stream.`);
      } catch (error) {
        if (!this.running) {
          return;
        }
        failure = error instanceof Error ? error : new Error(String(error));
      }

      if (!this.running) {
        return;
      }

      const delay = this.backoff.next(this.parser.retryMilliseconds);
      this.options.onError?.(failure, delay);
      await this.sleep(delay);
    }
  }

  private async readOnce(): Promise<void> {
    this.abort = new AbortController();
    this.parser.resetConnection();

    const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    if (this.parser.lastEventId) {
      headers['Last-Event-ID'] = this.parser.lastEventId;
    }
    if (this.options.apiKey) {
      headers.Authorization = `Bearer ${this.options.apiKey}`;
    }

    const address = `${this.options.url.replace(/\/+$/, '')}/api/v1/events`;
    let response: Response;
    try {
      response = await this.fetchImplementation(address, { headers, signal: this.abort.signal });
    } catch (error) {
      throw new EventStreamError(`No Remap server responded at ${this.options.url} (${describeNetworkError(error)}).`);
    }

    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new EventStreamError(describeStatus(this.options.url, response.status), response.status);
    }
    if (!response.body) {
      throw new EventStreamError(`The Remap server at ${this.options.url} sent an event stream without a body.`);
    }

    this.streamOpen = true;
    try {
      this.options.onOpen?.();
      await this.readBody(response.body);
    } finally {
      this.streamOpen = false;
    }
  }

  private async readBody(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let receivedEvent = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          return;
        }

        for (const event of this.parser.push(decoder.decode(value, { stream: true }))) {
          if (!receivedEvent) {
            // Only a stream that delivered something resets the delays; a server that accepts and drops at once still backs off.
            receivedEvent = true;
            this.backoff.reset();
          }
          this.options.onEvent(event);
        }
      }
    } catch (error) {
      throw new EventStreamError(`The event stream from ${this.options.url} broke off (${describeNetworkError(error)}).`);
    } finally {
      reader.releaseLock();
    }
  }

  private sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, milliseconds);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}

function describeStatus(url: string, status: number): string {
  if (status === 401 || status === 403) {
    return `The Remap server at ${url} rejected the API key (HTTP ${status}). Set remap.server.apiKey to the key the server was started with.`;
  }
  if (status === 404) {
    return `${url} returned 404 for /api/v1/events: it is not a Remap server, or remap.server.url includes a path it should not (leave out /api/v1).`;
  }
  return `The Remap server at ${url} returned HTTP ${status} for /api/v1/events.`;
}
