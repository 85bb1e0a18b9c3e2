// Reconnection delays: doubling from a first delay up to a cap, with up to a fifth added at random so
// that several windows reconnecting to one restarted server do not all arrive at once.

export interface BackoffOptions {
  initialMilliseconds?: number;
  maximumMilliseconds?: number;
  /** Returns a number in [0, 1); replaceable so tests get fixed delays. */
  random?: () => number;
}

export class Backoff {
  private readonly initial: number;
  private readonly maximum: number;
  private readonly random: () => number;
  private attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.initial = options.initialMilliseconds ?? 1000;
    this.maximum = options.maximumMilliseconds ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  /** How many delays were handed out since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /**
   * Returns the delay before the next attempt. A server's retry value, when it sent one, replaces
   * the first delay, but the doubling and the cap still apply.
   */
  next(serverRetryMilliseconds?: number): number {
    const first = serverRetryMilliseconds ?? this.initial;
    const base = Math.min(this.maximum, first * 2 ** this.attempt);
    this.attempt++;
    return Math.min(this.maximum, Math.round(base * (1 + 0.2 * this.random())));
  }

  /** Starts from the first delay again, after a connection that worked. */
  reset(): void {
    this.attempt = 0;
  }
}
