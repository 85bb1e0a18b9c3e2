// The toolbar above the plot (view, colouring, brush mode, zoom), the legend, and the list of
// selected models with Compare.
import type { OverviewPoint, Projection } from '../src/shared/messages';
import { projections } from '../src/shared/messages';
import { element, formatPercent } from './format';
import type { ValueRange } from './pointStyle';

export interface ControlActions {
  setProjection(projection: Projection): void;
  setClass(classIndex: number | null): void;
  toggleBrush(): void;
  resetZoom(): void;
  refit(): void;
  inspect(modelId: number): void;
  compare(first: number, second: number): void;
  clearSelection(): void;
}

export const projectionLabels: Record<Projection, string> = {
  structure: 'Structure',
  prediction: 'Prediction',
  'accuracy-size': 'Accuracy vs size',
};

const projectionDescriptions: Record<Projection, string> = {
  structure: 'Models placed by architecture distance',
  prediction: 'Models placed by which validation images they get right',
  'accuracy-size': 'Validation accuracy across, parameter count up',
};

/** How many selected models the list shows; the count above it is always complete. */
const listedSelectionLimit = 200;

export class Controls {
  readonly toolbar: HTMLElement;
  readonly summary: HTMLElement;
  readonly legend: HTMLElement;
  readonly selection: HTMLElement;
  private readonly projectionButtons = new Map<Projection, HTMLButtonElement>();
  private readonly classSelect: HTMLSelectElement;
  private readonly brushButton: HTMLButtonElement;
  private readonly refitButton: HTMLButtonElement;

  constructor(private readonly actions: ControlActions) {
    this.toolbar = element('div', 'toolbar');
    this.toolbar.setAttribute('role', 'toolbar');
    this.toolbar.setAttribute('aria-label', 'Overview controls');

    const views = element('div', 'segmented');
    views.setAttribute('role', 'group');
    views.setAttribute('aria-label', 'View');
    for (const projection of projections) {
      const button = element('button', 'button segment', projectionLabels[projection]);
      button.type = 'button';
      button.title = projectionDescriptions[projection];
      button.dataset.projection = projection;
      button.addEventListener('click', () => this.actions.setProjection(projection));
      this.projectionButtons.set(projection, button);
      views.append(button);
    }

    const classLabel = element('label', 'field', 'Colour by ');
    this.classSelect = element('select', 'select');
    this.classSelect.id = 'class-select';
    this.classSelect.addEventListener('change', () => {
      const value = this.classSelect.value;
      this.actions.setClass(value === '' ? null : Number(value));
    });
    classLabel.append(this.classSelect);

    this.brushButton = element('button', 'button', 'Select area');
    this.brushButton.type = 'button';
    this.brushButton.title = 'Drag a rectangle on the plot to select the models inside (B)';
    this.brushButton.setAttribute('aria-pressed', 'false');
    this.brushButton.addEventListener('click', () => this.actions.toggleBrush());

    const reset = element('button', 'button', 'Reset zoom');
    reset.type = 'button';
    reset.title = 'Show every model (0)';
    reset.addEventListener('click', () => this.actions.resetZoom());

    // New models are placed on the stored layout without moving the others; a refit uses them all.
    this.refitButton = element('button', 'button', 'Refit');
    this.refitButton.type = 'button';
    this.refitButton.title = 'Fit this view again on every model; every point may move';
    this.refitButton.addEventListener('click', () => this.actions.refit());

    this.summary = element('span', 'summary');
    this.summary.setAttribute('role', 'status');
    this.toolbar.append(views, classLabel, this.brushButton, reset, this.refitButton, this.summary);

    this.legend = element('div', 'legend-bar');
    this.selection = element('section', 'selection');
    this.selection.setAttribute('aria-label', 'Selected models');
    this.selection.hidden = true;
  }

  showView(projection: Projection, classIndex: number | null, classNames: readonly string[]): void {
    for (const [candidate, button] of this.projectionButtons) {
      button.setAttribute('aria-pressed', String(candidate === projection));
    }

    // Accuracy vs size has fixed axes, so there is nothing to fit.
    this.refitButton.hidden = projection === 'accuracy-size';

    const options = [new Option('validation accuracy', '')];
    classNames.forEach((name, index) => options.push(new Option(`accuracy on ${name}`, String(index))));
    this.classSelect.replaceChildren(...options);
    this.classSelect.value = classIndex === null ? '' : String(classIndex);
  }

  showBrush(active: boolean): void {
    this.brushButton.setAttribute('aria-pressed', String(active));
  }

  showLegend(range: ValueRange | null, measure: string): void {
    const gradient = element('span', 'legend-gradient');
    gradient.setAttribute('aria-hidden', 'true');
    const swatches = (kind: string, text: string) => {
      const item = element('span', 'legend-item');
      item.append(element('span', `legend-mark ${kind}`), element('span', undefined, text));
      return item;
    };
    const scale = element('span', 'legend-item');
    scale.append(element('span', undefined, `${measure}: ${formatPercent(range?.min)}`), gradient, element('span', undefined, formatPercent(range?.max)));
    this.legend.replaceChildren(scale, swatches('mark-pending', 'queued or running'), swatches('mark-failed', 'failed or diverged'), swatches('mark-cancelled', 'cancelled'), element('span', 'legend-item muted', 'size: parameters (log)'));
  }

  showSelection(selected: readonly OverviewPoint[]): void {
    this.selection.hidden = selected.length === 0;
    if (selected.length === 0) {
      this.selection.replaceChildren();
      return;
    }

    const heading = element('h3', 'selection-count', `${selected.length} selected`);
    heading.id = 'selection-count';
    const actions = element('div', 'selection-actions');
    const compare = element('button', 'button', 'Compare');
    compare.type = 'button';
    if (selected.length === 2) {
      compare.addEventListener('click', () => this.actions.compare(selected[0].id as number, selected[1].id as number));
    } else {
      compare.disabled = true;
      compare.title = 'Select exactly two models to compare them.';
    }

    const clear = element('button', 'button secondary', 'Clear');
    clear.type = 'button';
    clear.addEventListener('click', () => this.actions.clearSelection());
    actions.append(compare, clear);

    const list = element('ul', 'selection-list');
    list.setAttribute('aria-labelledby', 'selection-count');
    const sorted = [...selected].sort((left, right) => (right.validationAccuracy ?? -1) - (left.validationAccuracy ?? -1));
    for (const point of sorted.slice(0, listedSelectionLimit)) {
      const item = element('li');
      const button = element('button', 'link-button', `${point.name ?? `model ${point.id}`} · ${formatPercent(point.validationAccuracy)}`);
      button.type = 'button';
      button.title = `Inspect model ${point.id}`;
      button.addEventListener('click', () => this.actions.inspect(point.id as number));
      item.append(button);
      list.append(item);
    }

    if (sorted.length > listedSelectionLimit) {
      list.append(element('li', 'muted', `and ${sorted.length - listedSelectionLimit} more`));
    }

    this.selection.replaceChildren(heading, actions, list);
  }
}
