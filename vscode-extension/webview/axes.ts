// The axes of the accuracy-size view (validation accuracy across, log10 of the parameter count up),
// drawn in the SVG layer with the zoomed scales. The structure and prediction views are projections
// whose coordinates have no unit, so they get no axes.
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { Projection } from '../src/shared/messages';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function plotMargins(projection: Projection): Margins {
  return projection === 'accuracy-size' ? { top: 16, right: 20, bottom: 40, left: 56 } : { top: 16, right: 16, bottom: 16, left: 16 };
}

/** Formats a parameter count for an axis: 1k, 10k, 1.2M. */
export function formatParameterCount(count: number): string {
  if (count >= 1e6) {
    return `${Number((count / 1e6).toPrecision(3))}M`;
  }

  if (count >= 1e3) {
    return `${Number((count / 1e3).toPrecision(3))}k`;
  }

  return String(Math.round(count));
}

/**
 * Picks the ticks of the log10 parameter axis: counts of 1, 2 and 5 times a power of ten while they
 * fit, then powers of ten alone, and evenly spaced exponents when the zoom leaves fewer than two.
 */
export function parameterTicks(low: number, high: number, maxTicks: number): number[] {
  const candidates = (multipliers: number[]) => {
    const ticks: number[] = [];
    for (let exponent = Math.floor(low); exponent <= Math.ceil(high); exponent++) {
      for (const multiplier of multipliers) {
        const tick = exponent + Math.log10(multiplier);
        if (tick >= low && tick <= high) {
          ticks.push(tick);
        }
      }
    }

    return ticks;
  };

  const fine = candidates([1, 2, 5]);
  if (fine.length <= maxTicks && fine.length >= 2) {
    return fine;
  }

  const coarse = candidates([1]);
  if (coarse.length >= 2 && coarse.length <= maxTicks) {
    return coarse;
  }

  const step = (high - low) / Math.max(1, maxTicks - 1);
  return Array.from({ length: Math.max(2, maxTicks) }, (_, index) => low + index * step).filter((tick) => tick <= high + 1e-9);
}

export function drawAxes(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  projection: Projection,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  width: number,
  height: number,
): void {
  layer.selectAll('*').remove();
  if (projection !== 'accuracy-size' || width <= 0 || height <= 0) {
    return;
  }

  const margin = plotMargins(projection);
  const bottom = height - margin.bottom;
  const horizontal = layer.append('g').attr('class', 'axis axis-x');
  horizontal.append('line').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', bottom).attr('y2', bottom);
  for (const tick of x.ticks(Math.max(2, Math.floor(width / 90)))) {
    const position = x(tick);
    if (position < margin.left || position > width - margin.right) {
      continue;
    }

    horizontal.append('line').attr('x1', position).attr('x2', position).attr('y1', bottom).attr('y2', bottom + 4);
    horizontal.append('text').attr('x', position).attr('y', bottom + 16).attr('text-anchor', 'middle').text(`${Math.round(tick * 1000) / 10}%`);
  }

  horizontal.append('text').attr('class', 'axis-title').attr('x', (margin.left + width - margin.right) / 2).attr('y', height - 4).attr('text-anchor', 'middle').text('validation accuracy');

  const vertical = layer.append('g').attr('class', 'axis axis-y');
  vertical.append('line').attr('x1', margin.left).attr('x2', margin.left).attr('y1', margin.top).attr('y2', bottom);
  const [yLow, yHigh] = [...y.domain()].sort((left, right) => left - right);
  for (const tick of parameterTicks(yLow, yHigh, Math.max(2, Math.floor(height / 40)))) {
    const position = y(tick);
    if (position < margin.top || position > bottom) {
      continue;
    }

    vertical.append('line').attr('x1', margin.left - 4).attr('x2', margin.left).attr('y1', position).attr('y2', position);
    vertical.append('text').attr('x', margin.left - 7).attr('y', position + 4).attr('text-anchor', 'end').text(formatParameterCount(10 ** tick));
  }

  vertical
    .append('text')
    .attr('class', 'axis-title')
    .attr('transform', `translate(12, ${(margin.top + bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('parameters (log scale)');
}
