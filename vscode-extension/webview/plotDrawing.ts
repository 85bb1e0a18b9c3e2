// Draws the overview's points on the canvas, in batches: one path per darkness level of the trained
// models, one per mark for the others, so 50,000 points take a few dozen fills and strokes instead of
// one per point. Points outside the canvas are skipped.
import type { OverviewPoint } from '../src/shared/messages';
import type { PointMark } from './pointStyle';
import { discBuffer, fillDisc } from './discRaster';
import type { ThemeColours } from './theme';

/**
 * Above this many visible trained points the discs are written into a pixel buffer instead of drawn
 * as antialiased arcs. Below it the arcs look better and cost little.
 */
export const rasterThreshold = 4000;

export interface PlacedPoint {
  point: OverviewPoint;
  /** Position in base pixels (before zoom). */
  x: number;
  y: number;
  radius: number;
  mark: PointMark;
  level: number;
}

export interface Scene {
  width: number;
  height: number;
  transform: { k: number; x: number; y: number };
  placed: readonly PlacedPoint[];
  /** Placed points grouped by mark, then darkness level. */
  groups: ReadonlyMap<PointMark, PlacedPoint[][]>;
  colours: ThemeColours;
  selectedIds: ReadonlySet<number>;
}

/** Draws the scene on a cleared canvas and returns how many points were drawn. */
export function drawScene(context: CanvasRenderingContext2D, scene: Scene): number {
  let drawn = 0;
  const { k, x: tx, y: ty } = scene.transform;
  const visible = (placed: PlacedPoint, sx: number, sy: number) =>
    sx + placed.radius >= 0 && sx - placed.radius <= scene.width && sy + placed.radius >= 0 && sy - placed.radius <= scene.height;
  const trace = (group: readonly PlacedPoint[], cross: boolean) => {
    let traced = 0;
    context.beginPath();
    for (const placed of group) {
      const sx = placed.x * k + tx;
      const sy = placed.y * k + ty;
      if (!visible(placed, sx, sy)) {
        continue;
      }

      traced++;
      context.moveTo(sx + placed.radius, sy);
      context.arc(sx, sy, placed.radius, 0, 2 * Math.PI);
      if (cross) {
        const arm = placed.radius * 0.7;
        context.moveTo(sx - arm, sy - arm);
        context.lineTo(sx + arm, sy + arm);
        context.moveTo(sx + arm, sy - arm);
        context.lineTo(sx - arm, sy + arm);
      }
    }

    return traced;
  };

  let visibleTrained = 0;
  for (const group of scene.groups.get('trained') ?? []) {
    for (const placed of group) {
      if (visible(placed, placed.x * k + tx, placed.y * k + ty)) {
        visibleTrained++;
      }
    }
  }

  if (visibleTrained > rasterThreshold) {
    drawn += rasteriseTrained(context, scene, visible);
  } else {
    drawn += traceTrained(context, scene, visible, trace);
  }

  context.lineWidth = 1.5;
  for (const [mark, colour, cross] of [
    ['cancelled', scene.colours.cancelled, false],
    ['pending', scene.colours.pending, false],
    ['failed', scene.colours.error, true],
  ] as const) {
    for (const group of scene.groups.get(mark) ?? []) {
      drawn += trace(group, cross);
      context.strokeStyle = colour;
      context.stroke();
    }
  }

  return drawn;
}

type Visible = (placed: PlacedPoint, sx: number, sy: number) => boolean;

/** Draws the trained points and the selection halos as vector arcs; returns the trained points drawn. */
function traceTrained(context: CanvasRenderingContext2D, scene: Scene, visible: Visible, trace: (group: readonly PlacedPoint[], cross: boolean) => number): number {
  const { k, x: tx, y: ty } = scene.transform;
  let drawn = 0;

  // Selected points get a filled halo under their mark: one fill stays fast with 50,000 selected,
  // where a stroked ring per point does not.
  if (scene.selectedIds.size > 0) {
    context.beginPath();
    for (const placed of scene.placed) {
      if (scene.selectedIds.has(placed.point.id as number)) {
        const sx = placed.x * k + tx;
        const sy = placed.y * k + ty;
        if (visible(placed, sx, sy)) {
          context.moveTo(sx + placed.radius + 2.5, sy);
          context.arc(sx, sy, placed.radius + 2.5, 0, 2 * Math.PI);
        }
      }
    }

    context.fillStyle = scene.colours.selection;
    context.fill();
  }

  scene.groups.get('trained')?.forEach((group, level) => {
    drawn += trace(group, false);
    context.fillStyle = scene.colours.darkness[level];
    context.fill();
  });
  return drawn;
}

/** Writes the trained points and the selection halos into the canvas's pixels; returns the trained points drawn. */
function rasteriseTrained(context: CanvasRenderingContext2D, scene: Scene, visible: Visible): number {
  const { k, x: tx, y: ty } = scene.transform;
  const { image, pixels } = discBuffer(context);
  const ratio = image.width / Math.max(1, scene.width);
  let drawn = 0;

  if (scene.selectedIds.size > 0) {
    for (const placed of scene.placed) {
      const sx = placed.x * k + tx;
      const sy = placed.y * k + ty;
      if (scene.selectedIds.has(placed.point.id as number) && visible(placed, sx, sy)) {
        fillDisc(pixels, image.width, image.height, sx * ratio, sy * ratio, (placed.radius + 2.5) * ratio, scene.colours.packedSelection);
      }
    }
  }

  scene.groups.get('trained')?.forEach((group, level) => {
    const colour = scene.colours.packedDarkness[level];
    for (const placed of group) {
      const sx = placed.x * k + tx;
      const sy = placed.y * k + ty;
      if (visible(placed, sx, sy)) {
        drawn++;
        fillDisc(pixels, image.width, image.height, sx * ratio, sy * ratio, placed.radius * ratio, colour);
      }
    }
  });

  // putImageData replaces the pixels and ignores the transform, so it comes before every vector mark.
  context.putImageData(image, 0, 0);
  return drawn;
}
