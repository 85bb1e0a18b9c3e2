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

/** From this many values on, the darkness range leaves out the lowest and highest 2.5% (see valueRange). */
const robustRangeCount = 100;

/**
 * Returns the range of the colouring accuracy over the trained points, or null when no point has one.
 * With many points it spans the 2.5th to the 97.5th percentile, so a few outliers (models that fail
 * the class) do not squeeze every other model into the darkest levels. The outliers get the end levels.
 * NOTE: the legend shows this range as its ends and does not yet say that some models lie beyond them.
 */
export function valueRange(points: Iterable<OverviewPoint>, classIndex: number | null): ValueRange | null {
  const values: number[] = [];
  for (const point of points) {
    const value = colourValue(point, classIndex);
    if (value !== null) {
      values.push(value);
    }
  }

  if (values.length === 0) {
    return null;
  }

  values.sort((left, right) => left - right);
  if (values.length < robustRangeCount) {
    return { min: values[0], max: values[values.length - 1] };
  }

  const low = values[Math.floor(values.length * 0.025)];
  const high = values[Math.ceil(values.length * 0.975) - 1];
  return { min: low, max: high };
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

/**
 * Returns the size share (0 for the fewest parameters, 1 for the most) of a parameter count, on a log
 * scale over the range of the view's models.
 */
export function sizeScale(points: Iterable<OverviewPoint>): (parameterCount: number | null | undefined) => number {
  let min = Infinity;
  let max = -Infinity;
  for (const point of points) {
    const count = point.parameterCount;
    if (count !== undefined && count !== null && count > 0) {
      min = Math.min(min, count);
      max = Math.max(max, count);
    }
  }

  if (!(min <= max)) {
    return () => 0;
  }

  const low = Math.log10(min);
  const span = Math.log10(max) - low;
  return (count) => {
    if (count === undefined || count === null || count <= 0) {
      return 0;
    }

    const share = span > 0 ? (Math.log10(count) - low) / span : 0.5;
    return Math.min(1, Math.max(0, share));
  };
}

/** Radius from the parameter count on a log scale, over the range of the view's models. */
export function radiusScale(points: Iterable<OverviewPoint>): RadiusScale {
  const size = sizeScale(points);
  return (count) => minimumRadius + (maximumRadius - minimumRadius) * size(count);
}

/** The disc sizes and opacity for the number of models in sight. */
export interface Density {
  minimumRadius: number;
  maximumRadius: number;
  /** Fill opacity of a trained model's disc: below 1, overlapping discs show where models crowd. */
  opacity: number;
}

/** Up to this many visible models the discs keep their full size and opacity. */
const sparseCount = 400;

/**
 * Returns the disc sizes and opacity for a number of visible models. The radii shrink with the square
 * root of the count, so the discs cover about the same area in total, down to a floor that keeps each
 * model a few pixels wide; the opacity falls the same way, down to a floor that keeps the darkness of a
 * lone disc readable.
 */
export function densityOf(visibleCount: number): Density {
  const shrink = Math.min(1, Math.sqrt(sparseCount / Math.max(1, visibleCount)));
  return {
    minimumRadius: Math.max(1.25, minimumRadius * shrink),
    maximumRadius: Math.max(3.5, maximumRadius * shrink),
    opacity: Math.max(0.5, Math.min(1, Math.sqrt((4 * sparseCount) / Math.max(1, visibleCount)))),
  };
}

/** Returns the radius of a model of a size share (see sizeScale) at a density. */
export function radiusAt(size: number, density: Density): number {
  return density.minimumRadius + (density.maximumRadius - density.minimumRadius) * size;
}

/** Tells whether the view can place the point (the server sends null coordinates for models it cannot place yet). */
export function isPlaced(point: OverviewPoint): boolean {
  return typeof point.x === 'number' && typeof point.y === 'number' && Number.isFinite(point.x) && Number.isFinite(point.y);
}
