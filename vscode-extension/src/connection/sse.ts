// A Server-Sent Events parser that follows the WHATWG "event stream interpretation" rules. Lines end
// with CRLF, LF or CR, and a CR at the end of one chunk with an LF at the start of the next is one
// line ending. "data" lines join with newlines, an empty line dispatches, and "id" and "retry" outlive the event.

export interface ServerSentEvent {
  /** The event field, or "message" when the event had none. */
  type: string;
  data: string;
  /** The last event id seen on the stream so far, as the browser's EventSource reports it. */
  lastEventId: string;
  /** True when this event carried an id line itself. */
  hasId: boolean;
}

export class ServerSentEventParser {
  private buffer = '';
  private skipLineFeed = false;
  private atStreamStart = true;
  private dataLines: string[] = [];
  private eventType = '';
  private eventHasId = false;

  /** The id to send as Last-Event-ID on the next connection. */
  lastEventId = '';
  /** The reconnection delay the server asked for with a retry field, in milliseconds. */
  retryMilliseconds: number | undefined;

  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
  }

  /** Parses one decoded chunk and returns the events it completed. */
  push(chunk: string): ServerSentEvent[] {
    if (this.atStreamStart && chunk.length > 0) {
      this.atStreamStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) {
        chunk = chunk.slice(1);
      }
    }

    if (this.skipLineFeed && chunk.startsWith('\n')) {
      chunk = chunk.slice(1);
    }
    this.skipLineFeed = false;

    this.buffer += chunk;
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let index = 0; index < this.buffer.length; index++) {
      const character = this.buffer[index];
      if (character !== '\n' && character !== '\r') {
        continue;
      }

      const event = this.processLine(this.buffer.slice(start, index));
      if (event) {
        events.push(event);
      }

      if (character === '\r') {
        if (index + 1 < this.buffer.length) {
          if (this.buffer[index + 1] === '\n') {
            index++;
          }
        } else {
          // The LF of a CRLF may arrive with the next chunk.
          this.skipLineFeed = true;
        }
      }
      start = index + 1;
    }

    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** Forgets a partly received event, as a new connection must. The last event id stays. */
  resetConnection(): void {
    this.buffer = '';
    this.skipLineFeed = false;
    this.atStreamStart = true;
    this.dataLines = [];
    this.eventType = '';
    this.eventHasId = false;
  }

  private processLine(line: string): ServerSentEvent | undefined {
    if (line === '') {
      return this.dispatch();
    }

    if (line.startsWith(':')) {
      return undefined;
    }

    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }

    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        // An id with a NUL character is ignored, so a broken id cannot replace a good one.
        if (!value.includes('\0')) {
          this.lastEventId = value;
          this.eventHasId = true;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) {
          this.retryMilliseconds = Number(value);
        }
        break;
      default:
        break;
    }

    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const hasData = this.dataLines.length > 0;
    const event: ServerSentEvent = {
      type: this.eventType || 'message',
      data: this.dataLines.join('\n'),
      lastEventId: this.lastEventId,
      hasId: this.eventHasId,
    };

    this.dataLines = [];
    this.eventType = '';
    this.eventHasId = false;
    return hasData ? event : undefined;
  }
}
