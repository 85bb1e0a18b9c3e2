// Draws the overview's points on the canvas, in batches: one path per darkness level of the trained
// models, one per mark for the others, so 50,000 points take a few dozen fills and strokes instead of
// one per point. Points outside the canvas are skipped.
import type { OverviewPoint } from '../src/shared/messages';
import type { PointMark } from './pointStyle';
import { blendDisc, discBuffer, fillCross, fillDisc, fillRing } from './discRaster';
import type { ThemeColours } from './theme';

/**
 * Above this many visible trained points every mark is written into a pixel buffer instead of drawn
 * as antialiased arcs. Below it the arcs look better and cost little.
 */
export const rasterThreshold = 4000;

export interface PlacedPoint {
  point: OverviewPoint;
  /** Position in base pixels (before zoom). */
  x: number;
  y: number;
  /** Share of the view's parameter range (0 to 1, see sizeScale), which the radius grows with. */
  size: number;
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
  /** Fill opacity of the trained models' discs (see densityOf). */
  opacity: number;
}

/** Draws the scene on a cleared canvas and returns how many points were drawn. */

type Visit = (placed: PlacedPoint, screenX: number, screenY: number) => void;

/** Calls `visit` with the screen position of each point whose mark reaches into the canvas; returns how many. */
function forEachVisible(points: Iterable<PlacedPoint>, scene: Scene, visit: Visit): number {
  const { k, x: tx, y: ty } = scene.transform;
  let count = 0;
  for (const placed of points) {
    const sx = placed.x * k + tx;
    const sy = placed.y * k + ty;
    if (sx + placed.radius >= 0 && sx - placed.radius <= scene.width && sy + placed.radius >= 0 && sy - placed.radius <= scene.height) {
      count++;
      visit(placed, sx, sy);
    }
  }

  return count;
}

function selectedPoints(scene: Scene): PlacedPoint[] {
  return scene.selectedIds.size === 0 ? [] : scene.placed.filter((placed) => scene.selectedIds.has(placed.point.id as number));
}

/** Draws the scene on a cleared canvas and returns how many points were drawn. */
export function drawScene(context: CanvasRenderingContext2D, scene: Scene): number {
  const trained = scene.groups.get('trained') ?? [];
  const visibleTrained = trained.reduce((sum, group) => sum + forEachVisible(group, scene, () => {}), 0);
  return visibleTrained > rasterThreshold ? rasterise(context, scene) : trace(context, scene);
}

/** Draws every mark as antialiased vector paths, one path per darkness level or mark; returns the points drawn. */
function trace(context: CanvasRenderingContext2D, scene: Scene): number {
  const addCircle = (x: number, y: number, radius: number) => {
    context.moveTo(x + radius, y);
    context.arc(x, y, radius, 0, 2 * Math.PI);
  };
  let drawn = 0;

  // Selected points get a filled halo under their mark: one fill stays fast with 50,000 selected,
  // where a stroked ring per point does not.
  context.beginPath();
  forEachVisible(selectedPoints(scene), scene, (placed, x, y) => addCircle(x, y, placed.radius + 2.5));
  context.fillStyle = scene.colours.selection;
  context.fill();

  // One path per level is filled at once, so discs of one level do not darken each other where they
  // overlap. Discs of different levels do.
  context.globalAlpha = scene.opacity;
  scene.groups.get('trained')?.forEach((group, level) => {
    context.beginPath();
    drawn += forEachVisible(group, scene, (placed, x, y) => addCircle(x, y, placed.radius));
    context.fillStyle = scene.colours.darkness[level];
    context.fill();
  });
  context.globalAlpha = 1;

  context.lineWidth = 1.5;
  for (const [mark, colour] of [
    ['cancelled', scene.colours.cancelled],
    ['pending', scene.colours.pending],
    ['failed', scene.colours.error],
  ] as const) {
    context.beginPath();
    for (const group of scene.groups.get(mark) ?? []) {
      drawn += forEachVisible(group, scene, (placed, x, y) => {
        addCircle(x, y, placed.radius);
        if (mark === 'failed') {
          const arm = placed.radius * 0.7;
          context.moveTo(x - arm, y - arm);
          context.lineTo(x + arm, y + arm);
          context.moveTo(x + arm, y - arm);
          context.lineTo(x - arm, y + arm);
        }
      });
    }

    context.strokeStyle = colour;
    context.stroke();
  }

  return drawn;
}

/** Writes every mark and the selection halos into the canvas's pixels; returns the points drawn. */
function rasterise(context: CanvasRenderingContext2D, scene: Scene): number {
  const { image, pixels } = discBuffer(context);
  const ratio = image.width / Math.max(1, scene.width);
  const { width, height } = image;
  let drawn = 0;

  // Blending needs opaque pixels under the discs: level 0 of the darkness fills is the background.
  if (scene.opacity < 1) {
    pixels.fill(scene.colours.packedDarkness[0]);
  }

  forEachVisible(selectedPoints(scene), scene, (placed, x, y) =>
    fillDisc(pixels, width, height, x * ratio, y * ratio, (placed.radius + 2.5) * ratio, scene.colours.packedSelection),
  );

  scene.groups.get('trained')?.forEach((group, level) => {
    const colour = scene.colours.packedDarkness[level];
    const rgb = scene.colours.darknessRgb[level];
    drawn += forEachVisible(group, scene, (placed, x, y) =>
      scene.opacity < 1
        ? blendDisc(image.data, width, height, x * ratio, y * ratio, placed.radius * ratio, rgb, scene.opacity)
        : fillDisc(pixels, width, height, x * ratio, y * ratio, placed.radius * ratio, colour),
    );
  });

  // Rings of 1.5 pixels like the vector strokes, with a cross inside for a failure.
  const line = 0.75 * ratio;
  for (const [mark, colour] of [
    ['cancelled', scene.colours.packedCancelled],
    ['pending', scene.colours.packedPending],
    ['failed', scene.colours.packedError],
  ] as const) {
    for (const group of scene.groups.get(mark) ?? []) {
      drawn += forEachVisible(group, scene, (placed, x, y) => {
        const radius = placed.radius * ratio;
        fillRing(pixels, width, height, x * ratio, y * ratio, radius + line, Math.max(0, radius - line), colour);
        if (mark === 'failed') {
          fillCross(pixels, width, height, x * ratio, y * ratio, radius * 0.7, 2 * line, colour);
        }
      });
    }
  }

  // putImageData replaces the pixels and ignores the transform, so nothing may be drawn before it.
  context.putImageData(image, 0, 0);
  return drawn;
}
