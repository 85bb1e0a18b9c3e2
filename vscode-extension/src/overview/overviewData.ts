// The overview's server calls, apart from the panel so they can be tested without VS Code: paging
// through GET /api/v1/overview, the class names, the inspector's model, parent and diff, and the
// points that changed since the last fetch.
import { unwrap, type RemapApi, type Schemas } from '../api/client';
import type { InspectionData, OverviewBounds, OverviewPoint, Projection } from '../shared/messages';

export type OverviewPage = Schemas['OverviewResponse'] & { points?: OverviewPoint[] | null };

export interface OverviewQuery {
  dataset: string;
  projection: Projection;
  classIndex: number | null;
}

export function sameQuery(left: OverviewQuery, right: OverviewQuery): boolean {
  return left.dataset === right.dataset && left.projection === right.projection && left.classIndex === right.classIndex;
}

/** Points per request: the server's default page size, well inside its 50,000 limit. */
export const overviewPageSize = 10_000;

/** Above this many changed models, one full fetch is cheaper than one request per model. */
export const maxSingleModelFetches = 50;

function queryParameters(query: OverviewQuery) {
  return {
    dataset: query.dataset,
    projection: query.projection,
    ...(query.classIndex === null ? {} : { classIndex: query.classIndex }),
  };
}

/**
 * Fetches every page of one view, from the model after `after` on, and hands each page to onPage as
 * it arrives, so the first page can be drawn while the rest load. Stops early when isCancelled
 * turns true (the user switched views).
 */
export async function fetchOverviewPages(
  api: RemapApi,
  query: OverviewQuery,
  onPage: (page: OverviewPage, complete: boolean) => void,
  isCancelled: () => boolean = () => false,
  after?: number,
): Promise<void> {
  let cursor = after;
  for (;;) {
    const request = { ...queryParameters(query), limit: overviewPageSize, ...(cursor === undefined ? {} : { after: cursor }) };
    const page: OverviewPage = await unwrap(api.GET('/api/v1/overview', { params: { query: request } }));
    if (isCancelled()) {
      return;
    }

    const complete = page.nextAfter === null || page.nextAfter === undefined;
    onPage(page, complete);
    if (complete) {
      return;
    }

    cursor = page.nextAfter as number;
  }
}

/** A whole view: every page's points, with the model count and bounds of the last page. */
export interface WholeView {
  points: OverviewPoint[];
  modelCount: number;
  bounds: OverviewBounds | null;
}

/**
 * Fetches every page of a view before returning any, for a change that keeps the points in place
 * (another colouring), so the page swaps the colours in one go instead of redrawing page by page.
 * Returns null when isCancelled turns true.
 */
export async function fetchWholeView(api: RemapApi, query: OverviewQuery, isCancelled: () => boolean = () => false): Promise<WholeView | null> {
  const points: OverviewPoint[] = [];
  let last: OverviewPage | null = null;
  await fetchOverviewPages(
    api,
    query,
    (page) => {
      points.push(...(page.points ?? []));
      last = page;
    },
    isCancelled,
  );
  if (isCancelled() || last === null) {
    return null;
  }

  const final: OverviewPage = last;
  return { points, modelCount: final.modelCount ?? points.length, bounds: final.bounds ?? null };
}

/** Fits the structure or prediction view of the query's dataset again on every model, with the server's default method. */
export async function recomputeProjection(api: RemapApi, query: OverviewQuery): Promise<void> {
  if (query.projection === 'accuracy-size') {
    throw new Error('The accuracy vs size view has fixed axes, so it cannot be fitted again: choose Structure or Prediction.');
  }

  await unwrap(api.POST('/api/v1/overview/recompute', { body: { projection: query.projection, dataset: query.dataset } }));
}

/** Fetches one model's point in the view, through the overview's focus parameter. */
export async function fetchOverviewPoint(api: RemapApi, query: OverviewQuery, modelId: number): Promise<{ point: OverviewPoint | null; page: OverviewPage }> {
  const request = { ...queryParameters(query), limit: 1, focus: modelId };
  const page: OverviewPage = await unwrap(api.GET('/api/v1/overview', { params: { query: request } }));
  return { point: page.focus ?? null, page };
}

/** Fetches the class names of a dataset, for the class picker and the per-class bars, numbered when the server lists none. */
export async function fetchClassNames(api: RemapApi, dataset: string): Promise<string[]> {
  const datasets = await unwrap(api.GET('/api/v1/datasets'));
  const match = datasets.find((candidate) => candidate.name === dataset);
  if (!match) {
    const names = datasets.map((candidate) => candidate.name).join(', ');
    throw new Error(`The Remap server has no dataset named "${dataset}". It has: ${names || 'none'}. Open the overview on one of those.`);
  }

  if (match.classNames && match.classNames.length > 0) {
    return match.classNames;
  }

  return Array.from({ length: match.classes ?? 0 }, (_, index) => `class ${index}`);
}

/** Fetches the model, its parent and the diff from the parent, for the inspector. */
export async function fetchInspection(api: RemapApi, modelId: number): Promise<InspectionData> {
  const model = await unwrap(api.GET('/api/v1/models/{id}', { params: { path: { id: modelId } } }));
  const parentId = model.parentId;
  if (parentId === null || parentId === undefined) {
    return { model, parent: null, diff: null };
  }

  const [parent, diff] = await Promise.all([
    unwrap(api.GET('/api/v1/models/{id}', { params: { path: { id: parentId } } })),
    unwrap(api.GET('/api/v1/models/{id}/diff/{otherId}', { params: { path: { id: parentId, otherId: modelId } } })),
  ]);
  return { model, parent, diff };
}

function samePoint(left: OverviewPoint, right: OverviewPoint): boolean {
  return (
    left.name === right.name &&
    left.x === right.x &&
    left.y === right.y &&
    left.validationAccuracy === right.validationAccuracy &&
    left.parameterCount === right.parameterCount &&
    left.status === right.status &&
    left.parentId === right.parentId &&
    left.layers === right.layers &&
    left.classAccuracy === right.classAccuracy &&
    JSON.stringify(left.outputSizes ?? null) === JSON.stringify(right.outputSizes ?? null)
  );
}

/** The points the webview has, by model id, so a refetch posts only what changed. */
export class PointIndex {
  private readonly byId = new Map<number, OverviewPoint>();

  get size(): number {
    return this.byId.size;
  }

  /** The largest model id held, 0 when empty: later models have larger ids. */
  get maxId(): number {
    let max = 0;
    for (const id of this.byId.keys()) {
      max = Math.max(max, id);
    }

    return max;
  }

  /** Returns the stored points in id order, the order the server pages them in. */
  values(): OverviewPoint[] {
    return [...this.byId.values()].sort((left, right) => (left.id as number) - (right.id as number));
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  clear(): void {
    this.byId.clear();
  }

  /** Stores the points and returns those that are new or differ from the stored ones. */
  merge(points: readonly OverviewPoint[]): OverviewPoint[] {
    const changed: OverviewPoint[] = [];
    for (const point of points) {
      if (point.id === undefined) {
        continue;
      }

      const known = this.byId.get(point.id);
      if (!known || !samePoint(known, point)) {
        changed.push(point);
        this.byId.set(point.id, point);
      }
    }

    return changed;
  }
}

/** The job states after which a model's point may have changed: it appeared, started, or finished. */
export const refreshingJobStates: ReadonlySet<string> = new Set(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'diverged']);
