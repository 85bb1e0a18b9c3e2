// The drawing rules of one model in the overview: its radius from the parameter count, its darkness
// from the accuracy that colours the plot, and its mark from the training status. Pure, so the numbers
// are unit-tested apart from the canvas.
import type { OverviewPoint } from '../src/shared/messages';

/** The marks: a filled disc for a trained model, a ring for one waiting or training, a ring with a cross for a failure. */
export type PointMark = 'trained' | 'pending' | 'failed' | 'cancelled';

export const minimumRadius = 2.5;
export const maximumRadius = 9;

/** Darkness levels the canvas batches points into: one fill per level keeps 50,000 points fast. */
export const darknessLevels = 16;

/** Darkness of the least accurate model, so it stays visible against the background. */
const minimumDarkness = 0.18;

export function markOf(status: string | null | undefined): PointMark {
  switch (status) {
    case 'succeeded':
      return 'trained';
    case 'queued':
    case 'running':
      return 'pending';
    case 'failed':
    case 'diverged':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    default:
      // A state this page does not know yet (the server may add some): drawn like a waiting model.
      return 'pending';
  }
}

/** Returns the accuracy that colours a point: the chosen class's test accuracy, or the validation accuracy. */
export function colourValue(point: OverviewPoint, classIndex: number | null): number | null {
  const value = classIndex === null ? point.validationAccuracy : point.classAccuracy;
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

export interface ValueRange {
  min: number;
  max: number;
}

/** Returns the range of the colouring accuracy over the trained points, or null when no point has one. */
export function valueRange(points: Iterable<OverviewPoint>, classIndex: number | null): ValueRange | null {
  let min = Infinity;
  let max = -Infinity;
  for (const point of points) {
    const value = colourValue(point, classIndex);
    if (value !== null) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  return min <= max ? { min, max } : null;
}

/**
 * Returns the darkness level (0 to darknessLevels − 1) of an accuracy. The range is stretched over
 * the levels so the differences inside one population show, with the best model darkest.
 */
export function darknessLevel(value: number | null, range: ValueRange | null): number {
  if (value === null || range === null) {
    return 0;
  }

  const span = range.max - range.min;
  const share = span > 0 ? (value - range.min) / span : 1;
  const darkness = minimumDarkness + (1 - minimumDarkness) * Math.min(1, Math.max(0, share));
  return Math.round(darkness * (darknessLevels - 1));
}

/** Returns the share of the foreground colour mixed into the background at a darkness level. */
export function darknessOfLevel(level: number): number {
  return level / (darknessLevels - 1);
}

export interface RadiusScale {
  (parameterCount: number | null | undefined): number;
}

/** Radius from the parameter count on a log scale, over the range of the view's models. */
export function radiusScale(points: Iterable<OverviewPoint>): RadiusScale {
  let min = Infinity;
  let max = -Infinity;
  for (const point of points) {
    const count = point.parameterCount;
    if (count !== undefined && count > 0) {
      min = Math.min(min, count);
      max = Math.max(max, count);
    }
  }

  if (!(min <= max)) {
    return () => minimumRadius;
  }

  const low = Math.log10(min);
  const span = Math.log10(max) - low;
  return (count) => {
    if (count === undefined || count === null || count <= 0) {
      return minimumRadius;
    }

    const share = span > 0 ? (Math.log10(count) - low) / span : 0.5;
    return minimumRadius + (maximumRadius - minimumRadius) * Math.min(1, Math.max(0, share));
  };
}

/** Tells whether the view can place the point (the server sends null coordinates for models it cannot place yet). */
export function isPlaced(point: OverviewPoint): boolean {
  return typeof point.x === 'number' && typeof point.y === 'number' && Number.isFinite(point.x) && Number.isFinite(point.y);
}
