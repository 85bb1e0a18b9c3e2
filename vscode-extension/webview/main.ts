// The overview webview's entry point: builds the page, keeps the models the host posted, and turns
// the user's actions into messages to the host. It makes no requests itself; the host fetches.
import type { HostMessage, OverviewBounds, OverviewPoint, WebviewState } from '../src/shared/messages';
import { Controls, projectionLabels } from './controls';
import { countOf, element } from './format';
import { renderInspector } from './inspector';
import { handlePlotKey } from './keyboard';
import { isPlaced } from './pointStyle';
import { Plot, type PlacedPoint } from './plot';
import { installTestHook } from './testHook';
import { onThemeChange } from './theme';
import { Tooltip } from './tooltip';
import { loadState, onHostMessage, postToHost, saveState } from './vscodeApi';

const restored = loadState();
const state: WebviewState = restored ?? { dataset: null, projection: 'structure', classIndex: null, inspectedModelId: null, transform: null };
/** The zoom to restore when the first view of the restored dataset and projection arrives. */
let pendingTransform = restored?.transform ?? null;

let points: OverviewPoint[] = [];
let byId = new Map<number, OverviewPoint>();
let modelCount = 0;
let bounds: OverviewBounds | null = null;
let complete = false;
let classNames: string[] = [];
let selectedIds: number[] = [];
/** The dataset and projection drawn now; state changes as soon as the user asks for another view. */
let shownView: { dataset: string; projection: string } | null = null;
/** Time spent in handlers, for the browser test's figures. */
const timings = { lastMessageMilliseconds: 0, lastSelectMilliseconds: 0 };

const app = document.getElementById('app') as HTMLElement;
const banner = element('div', 'banner');
banner.setAttribute('role', 'alert');
banner.hidden = true;
const note = element('p', 'note');
note.hidden = true;
const tooltip = new Tooltip();
/** Covers the plot while a view is fetched, so the points under it are not taken for the new view. */
const loadingOverlay = element('div', 'loading-overlay');
loadingOverlay.setAttribute('role', 'status');
loadingOverlay.hidden = true;
const announcer = element('div', 'visually-hidden');
announcer.setAttribute('aria-live', 'polite');
const sidebar = element('aside', 'sidebar');
sidebar.setAttribute('aria-label', 'Selection and inspector');
const inspectorHost = element('div', 'inspector');
inspectorHost.setAttribute('aria-labelledby', 'inspector-title');
inspectorHost.hidden = true;

const plot = new Plot({
  hover: (placed) => showTooltip(placed),
  activate: (placed) => inspect(placed.point.id as number),
  brush: (selected) => {
    const started = performance.now();
    select(selected.map((placed) => placed.point.id as number));
    timings.lastSelectMilliseconds = performance.now() - started;
  },
  zoom: (transform) => {
    state.transform = { x: transform.x, y: transform.y, k: transform.k };
    tooltip.hide();
    saveState(state);
  },
});

const controls = new Controls({
  setProjection: (projection) => request({ type: 'setProjection', projection }, { projection }),
  setClass: (classIndex) => request({ type: 'setClass', classIndex }, { classIndex }),
  toggleBrush: () => setBrush(!plot.brush.active),
  resetZoom: () => plot.resetZoom(),
  refit: () => postToHost({ type: 'refit' }),
  inspect: (modelId) => inspect(modelId),
  compare: (first, second) => postToHost({ type: 'compare', modelIds: [first, second] }),
  clearSelection: () => select([]),
});

const plotArea = element('div', 'plot-area');
plotArea.append(plot.element, loadingOverlay, tooltip.element);
plot.svg.setAttribute('tabindex', '0');
plot.svg.setAttribute('role', 'application');
plot.svg.setAttribute('aria-roledescription', 'scatter plot');
plot.svg.setAttribute('aria-label', 'Models. Arrow keys move between models, Enter inspects, S selects or deselects, B toggles area selection, plus and minus zoom, 0 resets the zoom, Escape clears the selection.');
plot.svg.setAttribute('aria-describedby', tooltip.element.id);
plot.svg.addEventListener('keydown', (event) =>
  handlePlotKey(event, plot, {
    inspect: (modelId) => inspect(modelId),
    clearSelection: () => select([]),
    toggleBrush: () => setBrush(!plot.brush.active),
    toggleSelected: (modelId) => select(selectedIds.includes(modelId) ? selectedIds.filter((id) => id !== modelId) : [...selectedIds, modelId]),
    announce: (text) => {
      announcer.textContent = text;
    },
  }),
);

const main = element('div', 'main');
const plotColumn = element('div', 'plot-column');
plotColumn.append(plotArea, controls.legend, note);
const hint = element('p', 'sidebar-hint', 'Click a model, or move to it with the arrow keys and press Enter, to inspect it. Select an area (B), or models one by one with S, to list them and compare two.');
sidebar.append(hint, controls.selection, inspectorHost);
main.append(plotColumn, sidebar);
app.append(controls.toolbar, banner, main, announcer);
onThemeChange(() => plot.refreshTheme());

function request(message: Parameters<typeof postToHost>[0], change: Partial<WebviewState>): void {
  Object.assign(state, change);
  saveState(state);
  postToHost(message);
}

function setBrush(active: boolean): void {
  plot.brush.setActive(active);
  controls.showBrush(active);
}

function showTooltip(placed: PlacedPoint | null): void {
  // A dimmed point belongs to the view being replaced, so its card would describe the wrong view.
  if (!placed || plotArea.classList.contains('stale')) {
    tooltip.hide();
    return;
  }

  const [x, y] = plot.screenOf(placed);
  const className = state.classIndex === null ? null : classNames[state.classIndex] ?? null;
  tooltip.show(placed.point, state.classIndex, className, x, y, plotArea.getBoundingClientRect());
}

function inspect(modelId: number): void {
  state.inspectedModelId = modelId;
  plot.setInspected(modelId);
  saveState(state);
  postToHost({ type: 'inspect', modelId });
}

function updateHint(): void {
  hint.hidden = !inspectorHost.hidden || !controls.selection.hidden;
}

/** Empties and hides the inspector without telling the host. */
function closeInspectorView(): void {
  state.inspectedModelId = null;
  plot.setInspected(null);
  inspectorHost.hidden = true;
  inspectorHost.replaceChildren();
  updateHint();
  saveState(state);
}

function closeInspector(): void {
  closeInspectorView();
  postToHost({ type: 'closeInspector' });
  plot.svg.focus();
}

function select(modelIds: number[]): void {
  selectedIds = modelIds;
  plot.selectedIds = new Set(modelIds);
  plot.requestDraw();
  controls.showSelection(modelIds.flatMap((id) => byId.get(id) ?? []));
  updateHint();
  announcer.textContent = `${countOf(modelIds.length, 'model')} selected`;
  postToHost({ type: 'select', modelIds });
}

/** Lays the points out again and updates the counts, after any change to the set of points. */
function redraw(): void {
  plot.setPoints(points, state.projection, state.classIndex, bounds);
  plot.setInspected(state.inspectedModelId);
  const measure = state.classIndex === null ? 'validation accuracy' : `accuracy on ${classNames[state.classIndex] ?? `class ${state.classIndex}`}`;
  controls.showLegend(plot.range, measure);

  const unplaced = points.length - plot.placedPoints.length;
  const loading = complete ? '' : ` · loading ${points.length.toLocaleString('en')} of ${modelCount.toLocaleString('en')}`;
  controls.summary.textContent = `${countOf(modelCount, 'model')}${loading}`;
  if (complete && points.length === 0) {
    note.hidden = false;
    note.textContent = `No models on ${state.dataset ?? 'this dataset'} yet. Train one with "Remap: Train Model" or sample a population with "Remap: Sample Population"; new models appear here as they are queued.`;
    return;
  }

  note.hidden = unplaced === 0;
  const subject = unplaced === 1 ? 'model is' : 'models are';
  const object = unplaced === 1 ? 'it' : 'them';
  note.textContent = `${unplaced.toLocaleString('en')} ${subject} not shown: this view has no position for ${object} yet (untrained models have no predictions or accuracy to place them by).`;
}

function replacePoints(next: OverviewPoint[]): void {
  points = next;
  byId = new Map(points.map((point) => [point.id as number, point]));
}

/** Drops every point, the selection and the inspector: they came from a server the extension left. */
function forgetServer(url: string): void {
  // A zoom restored after a reload stays until the first view arrives, unless another server's view
  // was drawn since: the extension may pick its configured server only after the page has loaded.
  if (shownView !== null) {
    pendingTransform = null;
    plot.resetZoom();
  }

  replacePoints([]);
  modelCount = 0;
  bounds = null;
  complete = false;
  shownView = null;
  tooltip.hide();
  plot.setHighlighted(null);
  select([]);
  closeInspectorView();
  redraw();
  note.hidden = true;
  controls.summary.textContent = `Loading from ${url}…`;
}

/**
 * Shows that a view is being fetched. The points of another dataset or projection are dimmed, since
 * they are not where the new view puts them; another colouring keeps them, for they stay in place.
 */
function showLoading(dataset: string, projection: WebviewState['projection'], classIndex: number | null): void {
  const otherView = shownView === null || shownView.dataset !== dataset || shownView.projection !== projection;
  const measure = classIndex === null ? 'validation accuracy' : `accuracy on ${classNames[classIndex] ?? `class ${classIndex}`}`;
  loadingOverlay.textContent = otherView ? `Loading the ${projectionLabels[projection].toLowerCase()} view of ${dataset}…` : `Loading the colours for ${measure}…`;
  loadingOverlay.hidden = false;
  plotArea.classList.toggle('stale', otherView && points.length > 0);
  plotArea.setAttribute('aria-busy', 'true');
  tooltip.hide();
}

function hideLoading(): void {
  loadingOverlay.hidden = true;
  plotArea.classList.remove('stale');
  plotArea.removeAttribute('aria-busy');
}

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'serverChanged':
      forgetServer(message.url);
      return;
    case 'loading':
      Object.assign(state, { dataset: message.dataset, projection: message.projection, classIndex: message.classIndex });
      controls.showView(message.projection, message.classIndex, classNames);
      controls.summary.textContent = 'Loading…';
      showLoading(message.dataset, message.projection, message.classIndex);
      return;
    case 'overview': {
      const data = message.data;
      const restoring = pendingTransform !== null && data.dataset === state.dataset && data.projection === state.projection;
      // Another colouring of the same view keeps the zoom: the points stay where they were.
      const sameView = shownView !== null && shownView.dataset === data.dataset && shownView.projection === data.projection;
      shownView = { dataset: data.dataset, projection: data.projection };
      Object.assign(state, { dataset: data.dataset, projection: data.projection, classIndex: data.classIndex });
      classNames = data.classNames;
      modelCount = data.modelCount;
      bounds = data.bounds;
      complete = data.complete;
      replacePoints([...data.points]);
      hideLoading();
      banner.hidden = true;
      controls.showView(data.projection, data.classIndex, classNames);
      redraw();
      if (restoring && pendingTransform) {
        plot.setTransform(pendingTransform);
      } else if (!sameView) {
        plot.resetZoom();
      }

      pendingTransform = null;
      select(selectedIds.filter((id) => byId.has(id)));
      saveState(state);
      return;
    }
    case 'appendPoints':
      replacePoints([...points, ...message.points]);
      complete = message.complete;
      redraw();
      return;
    case 'updatePoints': {
      const next = [...points];
      const positions = new Map(points.map((point, index) => [point.id as number, index]));
      for (const point of message.points) {
        const index = positions.get(point.id as number);
        if (index === undefined) {
          next.push(point);
        } else {
          next[index] = point;
        }
      }

      replacePoints(next);
      modelCount = message.modelCount;
      bounds = message.bounds ?? bounds;
      redraw();
      return;
    }
    case 'inspection':
      state.inspectedModelId = message.data.model.id ?? null;
      plot.setInspected(state.inspectedModelId);
      saveState(state);
      inspectorHost.hidden = false;
      updateHint();
      renderInspector(inspectorHost, message.data, classNames, state.classIndex, {
        ablate: (modelId) => postToHost({ type: 'ablate', modelId }),
        vary: (modelId) => postToHost({ type: 'vary', modelId }),
        openAsFile: (modelId) => postToHost({ type: 'openAsFile', modelId }),
        close: () => closeInspector(),
        inspect: (modelId) => inspect(modelId),
      });
      return;
    case 'status':
      showBanner(message.connected ? null : message.message ?? 'The Remap server is not connected.', false);
      return;
    case 'error':
      hideLoading();
      showBanner(message.message, true);
      return;
  }
}

function showBanner(text: string | null, retry: boolean): void {
  banner.hidden = text === null;
  if (text === null) {
    return;
  }

  banner.replaceChildren(element('span', undefined, text));
  if (retry) {
    const again = element('button', 'button', 'Retry');
    again.type = 'button';
    again.addEventListener('click', () => postToHost({ type: 'reload' }));
    banner.append(again);
  }
}

onHostMessage((message) => {
  const started = performance.now();
  receive(message);
  timings.lastMessageMilliseconds = performance.now() - started;
});
installTestHook({ plot, timings, state: () => state, selected: () => selectedIds, placedCount: () => points.filter(isPlaced).length });
postToHost({ type: 'ready', state: restored });
