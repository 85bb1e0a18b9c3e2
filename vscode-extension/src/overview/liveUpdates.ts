// New and changed models while the overview is open. Job events name the models whose state
// changed. After a quiet second the panel fetches the models added since the last fetch (ids above
// the largest known one) and the named models' points, then posts only what differs. Free of the
// vscode module, so it is unit-tested with a fake server.
import type { RemapApi } from '../api/client';
import type { JobEvent } from '../connection';
import type { HostMessage } from '../shared/messages';
import { fetchOverviewPages, fetchOverviewPoint, maxSingleModelFetches, refreshingJobStates, type OverviewPage, type OverviewQuery, type PointIndex } from './overviewData';

/** Job events arrive in bursts (a population queues hundreds of models); one refetch covers a burst. */
export const refreshDelayMilliseconds = 1000;

export interface LiveUpdateHost {
  api(): RemapApi;
  query(): OverviewQuery;
  /** The points the webview has; the refresh merges into it. */
  readonly points: PointIndex;
  /** Changes when the view is fetched anew, so a refresh for the old view is dropped. */
  generation(): number;
  /** True while the view's first fetch runs; a refresh waits for it. */
  isLoading(): boolean;
  inspectedModelId(): number | null;
  post(message: HostMessage): void;
  /** Fetches the inspector's data again, after an event about the inspected model. */
  refreshInspection(modelId: number): Promise<void>;
}

export class LiveUpdates {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changedModelIds = new Set<number>();
  private inspectionChanged = false;
  private fullRefreshNeeded = false;

  constructor(
    private readonly host: LiveUpdateHost,
    private readonly delayMilliseconds = refreshDelayMilliseconds,
  ) {}

  onJobEvent(event: JobEvent): void {
    const modelId = event.modelId;
    const inspected = modelId !== undefined && modelId === this.host.inspectedModelId();
    if (event.type === 'reset') {
      // The server's event store was reset, so no event names the models that changed.
      this.fullRefreshNeeded = true;
    } else if (event.type === 'job-state' && modelId !== undefined && refreshingJobStates.has(event.data?.state ?? '')) {
      this.changedModelIds.add(modelId);
    } else if (!inspected) {
      return;
    }

    // Epoch events change only the inspector's curves, so they matter only for the inspected model.
    this.inspectionChanged ||= inspected;
    this.schedule();
  }

  /** After a reconnect the events in between may be lost, so everything is compared again. */
  onReconnect(): void {
    this.fullRefreshNeeded = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }

    this.timer = setTimeout(() => void this.refresh(), this.delayMilliseconds);
  }

  /** Fetches and posts what changed; errors are posted to the page as 'error'. */
  async refresh(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }

    if (this.host.isLoading()) {
      this.schedule();
      return;
    }

    const generation = this.host.generation();
    const query = this.host.query();
    const points = this.host.points;
    const changedIds = [...this.changedModelIds].filter((id) => points.has(id));
    const full = this.fullRefreshNeeded || changedIds.length > maxSingleModelFetches;
    const inspect = this.inspectionChanged;
    this.changedModelIds.clear();
    this.fullRefreshNeeded = false;
    this.inspectionChanged = false;

    try {
      const api = this.host.api();
      const pages: OverviewPage[] = [];
      const stale = () => generation !== this.host.generation();
      await fetchOverviewPages(api, query, (page) => pages.push(page), stale, full ? undefined : points.maxId);
      const focused = full ? [] : await Promise.all(changedIds.map((id) => fetchOverviewPoint(api, query, id)));
      if (stale()) {
        return;
      }

      const fetched = [...pages.flatMap((page) => page.points ?? []), ...focused.flatMap((result) => (result.point ? [result.point] : []))];
      const changed = points.merge(fetched);
      const last = pages[pages.length - 1];
      if (changed.length > 0) {
        this.host.post({ type: 'updatePoints', points: changed, modelCount: last?.modelCount ?? points.size, bounds: last?.bounds ?? null });
      }
    } catch (error) {
      this.host.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }

    const inspected = this.host.inspectedModelId();
    if (inspect && inspected !== null) {
      await this.host.refreshInspection(inspected);
    }
  }

  /** Drops the pending refresh and the models it would fetch, after a switch to another server. */
  forget(): void {
    this.dispose();
    this.changedModelIds.clear();
    this.inspectionChanged = false;
    this.fullRefreshNeeded = false;
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
