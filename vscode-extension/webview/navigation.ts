// Arrow-key movement between points: the next point is the nearest one in the pressed direction,
// inside a 90° cone around it, with sideways distance counting double so the focus keeps its line.

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Located {
  x: number;
  y: number;
}

const unit: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/** Returns the index of the point to move to from `from` (screen coordinates, y down), or -1 when none lies that way. */
export function nextInDirection(points: ArrayLike<Located>, from: Located, direction: Direction): number {
  const [dx, dy] = unit[direction];
  let best = -1;
  let bestCost = Infinity;
  for (let index = 0; index < points.length; index++) {
    const point = points[index];
    const along = (point.x - from.x) * dx + (point.y - from.y) * dy;
    const across = Math.abs((point.x - from.x) * dy - (point.y - from.y) * dx);
    if (along <= 0 || across > along) {
      continue;
    }

    const cost = along + 2 * across;
    if (cost < bestCost) {
      bestCost = cost;
      best = index;
    }
  }

  return best;
}

export function directionOfKey(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}
