// window.__remapTest: what the browser test reads from the running page. Every figure is measured
// or counted on the page's real code paths, the same draw, hover lookup and brush query the user
// triggers. Nothing here changes how the page behaves.
import type { WebviewState } from '../src/shared/messages';
import type { Plot } from './plot';

export interface TestHookSources {
  plot: Plot;
  /** Time spent in the last host message's handler and in the last brush's selection update. */
  timings: { lastMessageMilliseconds: number; lastSelectMilliseconds: number };
  state(): WebviewState;
  selected(): readonly number[];
  placedCount(): number;
}

export function installTestHook(sources: TestHookSources): void {
  const { plot } = sources;
  (window as unknown as { __remapTest: unknown }).__remapTest = {
    /** Points drawn by the last draw (visible and placed). */
    drawnCount: () => plot.drawnCount,
    placedCount: () => sources.placedCount(),
    lastDrawMilliseconds: () => plot.lastDrawMilliseconds,
    lastMessageMilliseconds: () => sources.timings.lastMessageMilliseconds,
    lastSelectMilliseconds: () => sources.timings.lastSelectMilliseconds,
    /** The brush rectangle on screen, or null when none is shown. */
    brushRectangle: () => {
      const selection = plot.svg.querySelector('.brush .selection');
      if (!selection || selection.getAttribute('display') === 'none') {
        return null;
      }

      const read = (name: string) => Number(selection.getAttribute(name));
      return { x0: read('x'), y0: read('y'), x1: read('x') + read('width'), y1: read('y') + read('height') };
    },
    /** Draws now and returns the milliseconds the draw took. */
    draw: () => plot.drawNow(),
    /**
     * Draws now and reads one pixel back, which makes Chromium rasterise the recorded canvas commands,
     * and returns the milliseconds of both. Chromium may defer rasterisation, so draw() alone can miss it.
     */
    drawAndRasterise: () => {
      const started = performance.now();
      plot.drawNow();
      const canvas = document.querySelector('.plot-canvas') as HTMLCanvasElement;
      canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
      return performance.now() - started;
    },
    /** Screen position (pixels from the plot's top left) of data coordinates, with the current zoom. */
    toScreen: (x: number, y: number) => plot.toScreen(x, y),
    plotBox: () => {
      const box = plot.svg.getBoundingClientRect();
      return { left: box.left, top: box.top, width: box.width, height: box.height };
    },
    /** Times one hover lookup (quadtree search and highlight) at a screen position. */
    measureHover: (x: number, y: number) => {
      const started = performance.now();
      const found = plot.pointAt(x, y);
      plot.setHighlighted(found);
      return { milliseconds: performance.now() - started, modelId: found?.point.id ?? null };
    },
    /** Times one brush query over a screen rectangle. */
    measureBrush: (x0: number, y0: number, x1: number, y1: number) => {
      const started = performance.now();
      const inside = plot.pointsInRectangle(x0, y0, x1, y1);
      return { milliseconds: performance.now() - started, count: inside.length };
    },
    selectedIds: () => [...sources.selected()],
    highlightedId: () => plot.highlighted?.point.id ?? null,
    state: () => ({ ...sources.state() }),
    transform: () => ({ x: plot.transform.x, y: plot.transform.y, k: plot.transform.k }),
    /** Zooms by a factor about the plot's centre, as the plus key does. */
    zoomBy: (factor: number) => plot.zoomBy(factor),
  };
}
