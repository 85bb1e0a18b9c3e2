// Keyboard use of the plot. Arrow keys move a focus to the nearest model in that direction, and
// Enter or Space inspects it, and S adds it to the selection or removes it. + and - zoom, 0 resets
// the zoom, B toggles area selection, and Escape clears the focus and the selection.
import { countOf, formatPercent } from './format';
import { directionOfKey, nextInDirection } from './navigation';
import type { Plot } from './plot';

export interface PlotKeyActions {
  inspect(modelId: number): void;
  clearSelection(): void;
  toggleBrush(): void;
  /** Adds the model to the selection, or removes it when it is selected. */
  toggleSelected(modelId: number): void;
  /** Reads a sentence out through the page's live region. */
  announce(text: string): void;
}

/** Handles a key pressed on the focused plot; keys it does not use are left to the browser. */
export function handlePlotKey(event: KeyboardEvent, plot: Plot, actions: PlotKeyActions): void {
  const direction = directionOfKey(event.key);
  if (direction) {
    const placed = plot.placedPoints;
    const from = plot.highlighted ? plot.screenOf(plot.highlighted) : [plot.element.clientWidth / 2, plot.element.clientHeight / 2];
    const screens = placed.map((candidate) => {
      const [x, y] = plot.screenOf(candidate);
      return { x, y };
    });
    const next = plot.highlighted ? nextInDirection(screens, { x: from[0], y: from[1] }, direction) : nearestToCentre(screens, from);
    if (next >= 0) {
      plot.setHighlighted(placed[next]);
      const point = placed[next].point;
      actions.announce(`${point.name ?? `model ${point.id}`}, ${formatPercent(point.validationAccuracy)}, ${point.parameterCount === undefined ? 'unknown' : countOf(point.parameterCount, 'parameter')}, ${point.status}`);
    }

    event.preventDefault();
    return;
  }

  switch (event.key) {
    case 'Enter':
    case ' ':
      if (plot.highlighted) {
        actions.inspect(plot.highlighted.point.id as number);
      }
      break;
    case 'Escape':
      plot.setHighlighted(null);
      actions.clearSelection();
      break;
    case '+':
    case '=':
      plot.zoomBy(1.5);
      break;
    case '-':
      plot.zoomBy(1 / 1.5);
      break;
    case '0':
      plot.resetZoom();
      break;
    case 'b':
    case 'B':
      actions.toggleBrush();
      break;
    case 's':
    case 'S':
      if (plot.highlighted) {
        actions.toggleSelected(plot.highlighted.point.id as number);
      }
      break;
    default:
      return;
  }

  event.preventDefault();
}

function nearestToCentre(screens: ReadonlyArray<{ x: number; y: number }>, centre: number[]): number {
  let best = -1;
  let bestDistance = Infinity;
  screens.forEach((screen, index) => {
    const distance = Math.hypot(screen.x - centre[0], screen.y - centre[1]);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}
