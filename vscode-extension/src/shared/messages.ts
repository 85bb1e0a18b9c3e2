// The messages between the extension host and the overview webview. The webview never talks to
// the server: the host fetches, follows the event stream and posts the data here. Both sides import
// these types, so a change on one side that the other does not handle fails the type check.
import type { Schemas } from '../api/client';

/**
 * One model of the overview. outputSizes (the element count of each layer's output, one per layer)
 * sizes the chip's blocks; a point without it (an older server) gets blocks of one height.
 */
export type OverviewPoint = Schemas['OverviewPoint'];
export type OverviewBounds = Schemas['OverviewBounds'];
export type ModelDetail = Schemas['ModelDetail'];
export type ModelDiff = Schemas['ModelDiffResponse'];

export const projections = ['structure', 'prediction', 'accuracy-size'] as const;
export type Projection = (typeof projections)[number];

export function isProjection(value: unknown): value is Projection {
  return typeof value === 'string' && (projections as readonly string[]).includes(value);
}

/** Everything the webview needs to draw one view of one dataset. */
export interface OverviewData {
  dataset: string;
  projection: Projection;
  /** The class whose accuracy colours the points, or null for validation accuracy. */
  classIndex: number | null;
  classNames: string[];
  modelCount: number;
  points: OverviewPoint[];
  bounds: OverviewBounds | null;
  /** False while more pages are on their way (they arrive as 'appendPoints'). */
  complete: boolean;
}

/** The inspector's content for one model. */
export interface InspectionData {
  model: ModelDetail;
  parent: ModelDetail | null;
  /** The layer changes from the parent, when the model has one. */
  diff: ModelDiff | null;
}

export type HostMessage =
  /**
   * The extension now talks to another server: nothing shown so far (points, selection, inspector)
   * belongs to it, so the page drops it all before the new server's view arrives.
   */
  | { type: 'serverChanged'; url: string }
  /** A view is being fetched; the page shows it as loading until 'overview' arrives. */
  | { type: 'loading'; dataset: string; projection: Projection; classIndex: number | null }
  | { type: 'overview'; data: OverviewData }
  | { type: 'appendPoints'; points: OverviewPoint[]; complete: boolean }
  /** New or changed models (a job finished, a model was queued): replace by id or add. */
  | { type: 'updatePoints'; points: OverviewPoint[]; modelCount: number; bounds: OverviewBounds | null }
  | { type: 'inspection'; data: InspectionData }
  | { type: 'status'; connected: boolean; message: string | null }
  | { type: 'error'; message: string };

export type WebviewMessage =
  | { type: 'ready'; state: WebviewState | null }
  | { type: 'setProjection'; projection: Projection }
  | { type: 'setClass'; classIndex: number | null }
  | { type: 'inspect'; modelId: number }
  /** The user closed the inspector, so events about that model no longer refresh it. */
  | { type: 'closeInspector' }
  | { type: 'select'; modelIds: number[] }
  /** Fetches the current view again, after an error. */
  | { type: 'reload' }
  /** Fit the structure or prediction view again on every model (POST /api/v1/overview/recompute). */
  | { type: 'refit' }
  | { type: 'ablate'; modelId: number }
  | { type: 'vary'; modelId: number }
  | { type: 'openAsFile'; modelId: number }
  | { type: 'compare'; modelIds: [number, number] };

/** The view state the webview keeps across reloads with getState/setState, and the serializer restores. */
export interface WebviewState {
  dataset: string | null;
  projection: Projection;
  classIndex: number | null;
  inspectedModelId: number | null;
  /** The zoom transform of the plot. */
  transform: { x: number; y: number; k: number } | null;
}

/**
 * Reads a state the webview stored (or a serializer got back from VS Code) and drops what is not
 * of the expected shape, so a state from an older version of the page never breaks a restore.
 */
export function parseWebviewState(value: unknown): WebviewState | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }

  const record = value as Record<string, unknown>;
  const transform = record.transform as Record<string, unknown> | null | undefined;
  const validTransform =
    transform && typeof transform === 'object' && [transform.x, transform.y, transform.k].every((part) => typeof part === 'number' && Number.isFinite(part)) && (transform.k as number) > 0;
  return {
    dataset: typeof record.dataset === 'string' ? record.dataset : null,
    projection: isProjection(record.projection) ? record.projection : 'structure',
    classIndex: Number.isInteger(record.classIndex) && (record.classIndex as number) >= 0 ? (record.classIndex as number) : null,
    inspectedModelId: Number.isInteger(record.inspectedModelId) && (record.inspectedModelId as number) > 0 ? (record.inspectedModelId as number) : null,
    transform: validTransform ? { x: transform.x as number, y: transform.y as number, k: transform.k as number } : null,
  };
}
