// The jobs the Jobs view shows, kept current from the event stream: a full GET /api/v1/jobs on
// connect (and after a reset event), then one small change per event, so the view never refetches
// per batch. No vscode import, so the unit tests drive it with recorded events.
import type { Schemas } from '../api/client';
import type { JobEvent } from '../connection';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'diverged';

export interface JobRow {
  id: number;
  modelId: number;
  state: string;
  priority: number;
  epoch: number;
  epochs: number;
  /** The running epoch (1-based), the batch within it and its batch count, from batch events; undefined between epochs. */
  batchEpoch?: number;
  batch?: number;
  batches?: number;
  /** The validation accuracy of the last finished epoch. */
  validationAccuracy?: number;
  error?: string;
  repeats: number;
  completedRepeats: number;
  createdAt?: string;
}

export interface ActiveCounts {
  running: number;
  queued: number;
}

export const activeStates: readonly string[] = ['queued', 'running'];

export function toJobRow(job: Schemas['JobResponse']): JobRow {
  const metrics = job.epochMetrics ?? [];
  return {
    id: job.id ?? 0,
    modelId: job.modelId ?? 0,
    state: job.state ?? 'queued',
    priority: job.priority ?? 0,
    epoch: job.epoch ?? 0,
    epochs: job.epochs ?? 0,
    validationAccuracy: metrics.length > 0 ? metrics[metrics.length - 1].validationAccuracy : undefined,
    error: job.error ?? undefined,
    repeats: job.repeats ?? 1,
    completedRepeats: job.completedRepeats ?? 0,
    createdAt: job.createdAt,
  };
}

/** The effect of one event: none, one known row changed, or a new row (a job queued after the listing). */
export type JobTableChange = { kind: 'none' } | { kind: 'row'; row: JobRow } | { kind: 'added'; row: JobRow };

export class JobTable {
  private readonly rows = new Map<number, JobRow>();
  private baselineEventId = 0;

  /** Replaces every row with a fresh listing, which already reflects the events up to latestEventId. */
  replace(jobs: readonly Schemas['JobResponse'][], latestEventId: number): void {
    this.rows.clear();
    for (const job of jobs) {
      const row = toJobRow(job);
      this.rows.set(row.id, row);
    }
    this.baselineEventId = latestEventId;
  }

  get(id: number): JobRow | undefined {
    return this.rows.get(id);
  }

  /** Applies one stream event. Events the listing already reflects (replayed on connect) are skipped. */
  apply(event: JobEvent): JobTableChange {
    const eventId = event.id ?? 0;
    if (!event.jobId || eventId <= this.baselineEventId) {
      return { kind: 'none' };
    }

    const data = event.data ?? {};
    let row = this.rows.get(event.jobId);
    let added = false;
    if (!row) {
      // A job queued after the listing: its first event is job-state queued.
      row = { id: event.jobId, modelId: event.modelId ?? 0, state: 'queued', priority: 0, epoch: 0, epochs: 0, repeats: 1, completedRepeats: 0, createdAt: event.time };
      this.rows.set(row.id, row);
      added = true;
    }

    if (!applyEvent(row, event.type ?? '', data)) {
      return added ? { kind: 'added', row } : { kind: 'none' };
    }

    return added ? { kind: 'added', row } : { kind: 'row', row };
  }

  /**
   * The rows in display order: running jobs, then queued ones in the order they will run (higher
   * priority first, then older first), then at most finishedLimit finished jobs, newest first.
   */
  list(finishedLimit = 50): JobRow[] {
    const all = [...this.rows.values()];
    const running = all.filter((row) => row.state === 'running').sort((a, b) => a.id - b.id);
    const queued = all.filter((row) => row.state === 'queued').sort((a, b) => b.priority - a.priority || a.id - b.id);
    const finished = all.filter((row) => !activeStates.includes(row.state)).sort((a, b) => b.id - a.id);
    return [...running, ...queued, ...finished.slice(0, finishedLimit)];
  }

  /** Counts the queued and running jobs, for the status bar. */
  queueLength(): number {
    const counts = this.activeCounts();
    return counts.running + counts.queued;
  }

  /** Counts the running and the queued jobs apart, so the status bar does not call a running job queued. */
  activeCounts(): ActiveCounts {
    const counts = { running: 0, queued: 0 };
    for (const row of this.rows.values()) {
      if (row.state === 'running') {
        counts.running++;
      } else if (row.state === 'queued') {
        counts.queued++;
      }
    }
    return counts;
  }
}

/** Copies one event's data into its row; false for event types that carry no job progress. */
function applyEvent(row: JobRow, type: string, data: NonNullable<JobEvent['data']>): boolean {
  if (type === 'job-state') {
    row.state = data.state ?? row.state;
    row.priority = data.priority ?? row.priority;
    row.error = data.error ?? row.error;
    row.epoch = data.epoch ?? row.epoch;
  } else if (type === 'epoch') {
    row.state = 'running';
    row.epoch = data.epoch ?? row.epoch;
    row.epochs = data.epochs ?? row.epochs;
    row.validationAccuracy = data.validationAccuracy ?? row.validationAccuracy;
  } else if (type === 'batch') {
    row.state = 'running';
    row.epochs = data.epochs ?? row.epochs;
    row.batchEpoch = data.epoch ?? row.batchEpoch;
    row.batch = data.batch ?? row.batch;
    row.batches = data.batches ?? row.batches;
    return true;
  } else {
    return false;
  }

  // Batch progress belongs to the running epoch, so a finished epoch or a state change clears it.
  row.batchEpoch = undefined;
  row.batch = undefined;
  row.batches = undefined;
  return true;
}
