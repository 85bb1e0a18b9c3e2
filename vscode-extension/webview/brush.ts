// Rectangle selection with d3-brush in the plot's SVG layer. It is on only in brush mode, so a drag
// pans the plot otherwise. The rectangle is in screen pixels and is cleared when the view zooms.
// NOTE: there is no shift-drag brush, because d3-brush 3 uses the shift key on its overlay to lock
// the rectangle to one axis; the B key and the Select area button switch brush mode instead.
import { brush, type BrushBehavior } from 'd3-brush';
import { select, type Selection } from 'd3-selection';

export class PlotBrush {
  active = false;
  private readonly behavior: BrushBehavior<unknown>;
  private readonly layer: Selection<SVGGElement, unknown, null, undefined>;
  private clearing = false;

  constructor(
    svg: SVGSVGElement,
    private readonly onSelect: (x0: number, y0: number, x1: number, y1: number) => void,
    /** Called when the user starts drawing a rectangle, so the plot can clear what would cover it. */
    private readonly onStart: () => void = () => {},
  ) {
    this.layer = select(svg).append('g').attr('class', 'brush');
    // An explicit extent: the default reads the SVG's width, which is unresolved before layout.
    this.behavior = brush<unknown>()
      .extent([
        [0, 0],
        [1, 1],
      ])
      .on('start', (event: { sourceEvent: Event | null }) => {
        // A programmatic clear also fires start, without a source event.
        if (!this.clearing && event.sourceEvent) {
          this.onStart();
        }
      })
      .on('end', (event: { selection: [[number, number], [number, number]] | null }) => {
      if (this.clearing || !event.selection) {
        return;
      }

      const [[x0, y0], [x1, y1]] = event.selection;
      this.onSelect(x0, y0, x1, y1);
    });
    this.layer.call(this.behavior);
    this.setActive(false);
  }

  resize(width: number, height: number): void {
    this.behavior.extent([
      [0, 0],
      [width, height],
    ]);
    this.layer.call(this.behavior);
  }

  setActive(active: boolean): void {
    this.active = active;
    this.layer.classed('brush-off', !active);
    if (!active) {
      this.clear();
    }
  }

  /** Removes the rectangle without changing the selection it made. */
  clear(): void {
    this.clearing = true;
    this.layer.call(this.behavior.clear);
    this.clearing = false;
  }
}
