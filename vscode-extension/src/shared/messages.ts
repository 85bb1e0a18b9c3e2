// The messages between the extension host and the overview webview. The webview never talks to
// the server: the host fetches, follows the event stream and posts the data here. Both sides import
// these types, so a change on one side that the other does not handle fails the type check.
import type { Schemas } from '../api/client';

export type OverviewPoint = Schemas['OverviewPoint'];
export type ModelDetail = Schemas['ModelDetail'];
export type ModelDiff = Schemas['ModelDiffResponse'];
export type Projection = 'structure' | 'prediction' | 'accuracy-size';

/** Everything the webview needs to draw one view of one dataset. */
export interface OverviewData {
  dataset: string;
  projection: Projection;
  /** The class whose accuracy colours the points, or null for validation accuracy. */
  classIndex: number | null;
  classNames: string[];
  modelCount: number;
  points: OverviewPoint[];
  bounds: Schemas['OverviewBounds'] | null;
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
  | { type: 'overview'; data: OverviewData }
  | { type: 'appendPoints'; points: OverviewPoint[]; complete: boolean }
  /** New or changed models (a job finished, a model was queued): replace by id or add. */
  | { type: 'updatePoints'; points: OverviewPoint[] }
  | { type: 'inspection'; data: InspectionData }
  | { type: 'status'; connected: boolean; message: string | null }
  | { type: 'error'; message: string };

export type WebviewMessage =
  | { type: 'ready'; state: WebviewState | null }
  | { type: 'setProjection'; projection: Projection }
  | { type: 'setClass'; classIndex: number | null }
  | { type: 'inspect'; modelId: number }
  | { type: 'select'; modelIds: number[] }
  | { type: 'ablate'; modelId: number }
  | { type: 'vary'; modelId: number }
  | { type: 'openAsFile'; modelId: number }
  | { type: 'compare'; modelIds: [number, number] };

/** What the webview keeps across reloads with getState/setState, and the serializer restores. */
export interface WebviewState {
  dataset: string | null;
  projection: Projection;
  classIndex: number | null;
  inspectedModelId: number | null;
  /** The zoom transform of the plot. */
  transform: { x: number; y: number; k: number } | null;
}
