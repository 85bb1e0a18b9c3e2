// The hover card: the model's name, id, chip and metrics, next to the point under the pointer or
// the keyboard focus.
import { parseShortForm } from '../src/shared/chip';
import type { OverviewPoint } from '../src/shared/messages';
import { createChip } from './chipView';
import { element, formatCount, formatPercent } from './format';

const tooltipChipScale = 1.5;

export class Tooltip {
  readonly element: HTMLDivElement;

  constructor() {
    this.element = element('div', 'tooltip');
    this.element.setAttribute('role', 'tooltip');
    this.element.id = 'overview-tooltip';
    this.element.hidden = true;
  }

  show(point: OverviewPoint, classIndex: number | null, className: string | null, x: number, y: number, area: DOMRect): void {
    const card = this.element;
    card.replaceChildren();
    card.append(element('div', 'tooltip-name', point.name ?? `model ${point.id}`));
    card.append(element('div', 'tooltip-id', `model ${point.id}`));
    // At 1.5 times the glyph's 48 pixels the block heights, which show each layer's output size, can be compared.
    card.append(createChip(parseShortForm(point.layers, point.outputSizes), tooltipChipScale));
    card.append(element('div', 'tooltip-layers', point.layers ?? ''));

    const rows: Array<[string, string]> = [
      ['validation accuracy', formatPercent(point.validationAccuracy)],
      ['parameters', formatCount(point.parameterCount)],
      ['status', point.status ?? 'unknown'],
      ['parent', point.parentId === null || point.parentId === undefined ? 'none' : `model ${point.parentId}`],
    ];
    if (classIndex !== null) {
      rows.splice(1, 0, [`accuracy on ${className ?? `class ${classIndex}`}`, formatPercent(point.classAccuracy)]);
    }

    const table = element('dl', 'tooltip-metrics');
    for (const [term, value] of rows) {
      table.append(element('dt', undefined, term), element('dd', undefined, value));
    }

    card.append(table);
    card.hidden = false;

    // Keep the card inside the plot: flip it to the left or above the point near the edges.
    const box = card.getBoundingClientRect();
    const left = x + 14 + box.width > area.width ? Math.max(0, x - 14 - box.width) : x + 14;
    const top = y + 14 + box.height > area.height ? Math.max(0, y - 14 - box.height) : y + 14;
    card.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
