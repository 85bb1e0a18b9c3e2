// The inspector's small charts as inline SVG: per-epoch curves, per-class accuracy bars and the
// confusion matrix as a heat grid. Colours come from classes in styles.css, which read VS Code's
// theme variables, so the charts follow light and dark themes.
import { scaleLinear } from 'd3-scale';
import { countOf, element, formatPercent } from './format';

const svgNamespace = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const created = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) {
    created.setAttribute(name, String(value));
  }

  return created;
}

function titled<T extends SVGElement>(target: T, text: string): T {
  const title = document.createElementNS(svgNamespace, 'title');
  title.textContent = text;
  target.append(title);
  return target;
}

export interface Series {
  name: string;
  /** The CSS class that colours the line (see styles.css). */
  className: string;
  values: Array<{ epoch: number; value: number }>;
}

/** Draws a line chart of values per epoch. With `percent`, the axis shows accuracy in percent. `empty` is the message shown when there are no values. */
export function lineChart(title: string, series: Series[], percent: boolean, empty = 'No epochs finished yet.'): HTMLElement {
  const figure = element('figure', 'chart');
  figure.append(element('figcaption', undefined, title));
  const width = 300;
  const height = 120;
  const margin = { top: 8, right: 8, bottom: 20, left: 40 };
  const all = series.flatMap((line) => line.values);
  if (all.length === 0) {
    figure.append(element('p', 'muted', empty));
    return figure;
  }

  const epochs = all.map((point) => point.epoch);
  const values = all.map((point) => point.value);
  const x = scaleLinear()
    .domain([Math.min(...epochs), Math.max(Math.max(...epochs), Math.min(...epochs) + 1)])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain(percent ? [Math.min(...values, 1) > 0.5 ? Math.floor(Math.min(...values) * 10) / 10 : 0, 1] : [0, Math.max(...values) * 1.05 || 1])
    .range([height - margin.bottom, margin.top]);

  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg', role: 'img', 'aria-label': title });
  for (const tick of y.ticks(4)) {
    svg.append(svgElement('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick) }));
    const label = svgElement('text', { class: 'tick', x: margin.left - 4, y: y(tick) + 3, 'text-anchor': 'end' });
    label.textContent = percent ? formatPercent(tick, 0) : String(Number(tick.toPrecision(2)));
    svg.append(label);
  }

  for (const tick of x.ticks(Math.min(6, epochs.length)).filter(Number.isInteger)) {
    const label = svgElement('text', { class: 'tick', x: x(tick), y: height - 6, 'text-anchor': 'middle' });
    label.textContent = String(tick);
    svg.append(label);
  }

  const legend = element('div', 'legend');
  for (const line of series) {
    const path = line.values.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.epoch).toFixed(1)},${y(point.value).toFixed(1)}`).join('');
    svg.append(titled(svgElement('path', { class: `curve ${line.className}`, d: path }), line.name));
    for (const point of line.values) {
      const text = `${line.name}, epoch ${point.epoch}: ${percent ? formatPercent(point.value) : point.value.toFixed(4)}`;
      svg.append(titled(svgElement('circle', { class: `curve-dot ${line.className}`, cx: x(point.epoch), cy: y(point.value), r: 2.5 }), text));
    }

    const key = element('span', `legend-key ${line.className}`, line.name);
    legend.append(key);
  }

  figure.append(svg, legend);
  return figure;
}

/** Horizontal bars of the test accuracy per class, named from the dataset. */
export function classBars(accuracies: readonly number[], classNames: readonly string[], highlighted: number | null): HTMLElement {
  const figure = element('figure', 'chart');
  figure.append(element('figcaption', undefined, 'Test accuracy per class'));
  const list = element('div', 'bars');
  list.setAttribute('role', 'list');
  accuracies.forEach((accuracy, index) => {
    const row = element('div', index === highlighted ? 'bar-row highlighted' : 'bar-row');
    row.setAttribute('role', 'listitem');
    const name = classNames[index] ?? `class ${index}`;
    row.append(element('span', 'bar-name', name));
    const track = element('span', 'bar-track');
    const bar = element('span', 'bar');
    bar.style.width = `${Math.max(0, Math.min(1, accuracy)) * 100}%`;
    track.append(bar);
    row.append(track, element('span', 'bar-value', formatPercent(accuracy)));
    row.setAttribute('aria-label', `${name}: ${formatPercent(accuracy)}`);
    list.append(row);
  });
  figure.append(list);
  return figure;
}

/** Draws the confusion matrix as a grid: rows are true classes, columns predictions, and opacity the row's share. */
export function confusionGrid(matrix: readonly (readonly number[])[], classNames: readonly string[]): HTMLElement {
  const figure = element('figure', 'chart');
  figure.append(element('figcaption', undefined, 'Confusion matrix (rows: true class, columns: predicted class)'));
  const size = matrix.length;
  const cell = 18;
  // Row labels carry the index and the name; the columns, too narrow for names, carry the index.
  const labelWidth = 96;
  const header = 28;
  const svg = svgElement('svg', {
    viewBox: `0 0 ${labelWidth + size * cell} ${header + size * cell + 4}`,
    class: 'confusion',
    role: 'img',
    'aria-label': `Confusion matrix of ${countOf(size, 'class', 'classes')}, rows the true class and columns the predicted class`,
  });

  const predictedTitle = svgElement('text', { class: 'axis-title', x: labelWidth + (size * cell) / 2, y: 9, 'text-anchor': 'middle' });
  predictedTitle.textContent = 'predicted →';
  const trueTitle = svgElement('text', { class: 'axis-title', x: labelWidth - 4, y: header - 4, 'text-anchor': 'end' });
  trueTitle.textContent = 'true ↓';
  svg.append(predictedTitle, trueTitle);
  for (let predicted = 0; predicted < size; predicted++) {
    const label = svgElement('text', { class: 'tick', x: labelWidth + predicted * cell + (cell - 1) / 2, y: header - 4, 'text-anchor': 'middle' });
    label.textContent = String(predicted);
    svg.append(label);
  }

  matrix.forEach((row, actual) => {
    const total = row.reduce((sum, count) => sum + count, 0) || 1;
    const top = header + actual * cell;
    const label = svgElement('text', { class: 'tick', x: labelWidth - 4, y: top + cell / 2 + 3, 'text-anchor': 'end' });
    label.textContent = `${actual} ${classNames[actual] ?? `class ${actual}`}`;
    svg.append(label);
    row.forEach((count, predicted) => {
      const share = count / total;
      const rectangle = svgElement('rect', {
        class: actual === predicted ? 'cell diagonal' : 'cell',
        x: labelWidth + predicted * cell,
        y: top,
        width: cell - 1,
        height: cell - 1,
        'fill-opacity': (0.06 + 0.94 * share).toFixed(3),
      });
      const actualName = classNames[actual] ?? `class ${actual}`;
      const predictedName = classNames[predicted] ?? `class ${predicted}`;
      svg.append(titled(rectangle, `${actualName} predicted as ${predictedName}: ${count} (${formatPercent(share)})`));
    });
  });
  figure.append(svg);
  return figure;
}
