// The overview plot: every model a mark on one canvas, drawn by hand in batches (one path per
// darkness level and mark), with an SVG layer on top for the axes, the brush and the pointer. Points
// are laid out once in "base" pixels, and zoom and pan only change the transform. The quadtree over
// base pixels serves hover and brush without a rebuild.
import { quadtree, type Quadtree } from 'd3-quadtree';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { OverviewBounds, OverviewPoint, Projection } from '../src/shared/messages';
import { drawAxes, plotMargins } from './axes';
import { PlotBrush } from './brush';
import { colourValue, darknessLevel, darknessLevels, densityOf, isPlaced, markOf, radiusAt, sizeScale, valueRange, type Density, type PointMark, type ValueRange } from './pointStyle';
import { drawScene, type PlacedPoint } from './plotDrawing';
import { readThemeColours, type ThemeColours } from './theme';

export type { PlacedPoint };


export interface PlotEvents {
  hover(placed: PlacedPoint | null): void;
  activate(placed: PlacedPoint): void;
  brush(selected: PlacedPoint[]): void;
  zoom(transform: ZoomTransform): void;
}

const marks: PointMark[] = ['trained', 'cancelled', 'pending', 'failed'];

/** How far from a mark's edge the pointer may be and still hover it, in screen pixels. */
const hoverSlack = 4;

export class Plot {
  readonly element: HTMLDivElement;
  readonly svg: SVGSVGElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly axesLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  readonly brush: PlotBrush;

  private placed: PlacedPoint[] = [];
  /** Placed points grouped by mark, then darkness level, in drawing order. */
  private groups = new Map<PointMark, PlacedPoint[][]>();
  private tree: Quadtree<PlacedPoint> = quadtree<PlacedPoint>();
  private xBase: ScaleLinear<number, number> = scaleLinear();
  private yBase: ScaleLinear<number, number> = scaleLinear();
  private width = 0;
  private height = 0;
  private projection: Projection = 'structure';
  private bounds: OverviewBounds | null = null;
  private colours: ThemeColours;
  private frame = 0;
  /** The disc sizes and opacity of the last draw, for the number of models then in sight. */
  private density: Density = densityOf(0);

  transform: ZoomTransform = zoomIdentity;
  range: ValueRange | null = null;
  highlighted: PlacedPoint | null = null;
  private inspectedId: number | null = null;
  /** SVG rings around the hovered or focused point and the inspected one: moving them needs no canvas redraw. */
  private readonly highlightRing: SVGCircleElement;
  private readonly inspectedRing: SVGCircleElement;
  selectedIds = new Set<number>();

  /** Measurements the browser test reads. */
  drawnCount = 0;
  lastDrawMilliseconds = 0;

  constructor(private readonly events: PlotEvents) {
    this.element = document.createElement('div');
    this.element.className = 'plot';
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'plot-canvas';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.context = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    this.svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.svg.classList.add('plot-overlay');
    this.element.append(this.canvas, this.svg);
    this.colours = readThemeColours();

    const svg = select(this.svg);
    this.axesLayer = svg.append('g').attr('class', 'axes');
    const rings = svg.append('g').attr('class', 'rings').attr('aria-hidden', 'true');
    this.inspectedRing = rings.append('circle').attr('class', 'ring-inspected').node() as SVGCircleElement;
    this.highlightRing = rings.append('circle').attr('class', 'ring-highlight').node() as SVGCircleElement;
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, 500])
      .extent(() => [
        [0, 0],
        [Math.max(1, this.width), Math.max(1, this.height)],
      ])
      .filter((event: Event) => !this.brush.active || event.type === 'wheel')
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.transform = event.transform;
        this.brush.clear();
        this.requestDraw();
        this.events.zoom(event.transform);
      });
    svg.call(this.zoomBehavior).on('dblclick.zoom', null);
    this.brush = new PlotBrush(
      this.svg,
      (x0, y0, x1, y1) => this.events.brush(this.pointsInRectangle(x0, y0, x1, y1)),
      // The hover card would hide the rectangle being drawn.
      () => this.setHighlighted(null),
    );

    this.svg.addEventListener('pointermove', (event) => this.onPointerMove(event));
    this.svg.addEventListener('pointerleave', () => this.setHighlighted(null));
    this.svg.addEventListener('click', (event) => this.onClick(event));
    new ResizeObserver(() => this.resize()).observe(this.element);
  }

  get placedPoints(): readonly PlacedPoint[] {
    return this.placed;
  }

  /** Lays out the points of a view; bounds, when given, fix the axes so later pages do not move them. */
  setPoints(points: readonly OverviewPoint[], projection: Projection, classIndex: number | null, bounds: OverviewBounds | null): void {
    this.projection = projection;
    this.range = valueRange(points, classIndex);
    const size = sizeScale(points);
    this.placed = points.filter(isPlaced).map((point) => ({
      point,
      x: 0,
      y: 0,
      size: size(point.parameterCount),
      radius: radiusAt(size(point.parameterCount), this.density),
      mark: markOf(point.status),
      level: darknessLevel(colourValue(point, classIndex), this.range),
    }));

    this.groups = new Map(marks.map((mark) => [mark, Array.from({ length: darknessLevels }, () => [] as PlacedPoint[])]));
    for (const placed of this.placed) {
      this.groups.get(placed.mark)?.[placed.level].push(placed);
    }

    // Keep the pointer's or keyboard's focus on the same model when its point object is replaced.
    const highlightedId = this.highlighted?.point.id;
    this.highlighted = highlightedId === undefined ? null : this.placed.find((placed) => placed.point.id === highlightedId) ?? null;

    this.bounds = bounds;
    this.fitScales();
    this.requestDraw();
  }

  private fitScales(): void {
    const bounds = this.bounds;
    const xs = this.placed.map((placed) => placed.point.x as number);
    const ys = this.placed.map((placed) => placed.point.y as number);
    const extent = (values: number[], low?: number, high?: number): [number, number] => {
      const min = low ?? Math.min(...values);
      const max = high ?? Math.max(...values);
      if (!Number.isFinite(min) || !Number.isFinite(max)) {
        return [0, 1];
      }

      const pad = max > min ? (max - min) * 0.04 : 0.5;
      return [min - pad, max + pad];
    };
    const fromBounds = bounds && bounds.minX !== undefined && bounds.maxX !== undefined && this.placed.every((placed) => (placed.point.x as number) >= (bounds.minX as number) && (placed.point.x as number) <= (bounds.maxX as number));
    const [xLow, xHigh] = fromBounds ? extent(xs, bounds.minX, bounds.maxX) : extent(xs);
    const fromYBounds = bounds && bounds.minY !== undefined && bounds.maxY !== undefined && this.placed.every((placed) => (placed.point.y as number) >= (bounds.minY as number) && (placed.point.y as number) <= (bounds.maxY as number));
    const [yLow, yHigh] = fromYBounds ? extent(ys, bounds.minY, bounds.maxY) : extent(ys);

    const margin = plotMargins(this.projection);
    this.xBase = scaleLinear().domain([xLow, xHigh]).range([margin.left, Math.max(margin.left + 1, this.width - margin.right)]);
    this.yBase = scaleLinear().domain([yLow, yHigh]).range([Math.max(margin.top + 1, this.height - margin.bottom), margin.top]);
    for (const placed of this.placed) {
      placed.x = this.xBase(placed.point.x as number);
      placed.y = this.yBase(placed.point.y as number);
    }

    this.tree = quadtree<PlacedPoint>()
      .x((placed) => placed.x)
      .y((placed) => placed.y)
      .addAll(this.placed);
  }

  /** Maps data coordinates to screen pixels inside the plot, with the current zoom. */
  toScreen(x: number, y: number): [number, number] {
    return this.transform.apply([this.xBase(x), this.yBase(y)]);
  }

  screenOf(placed: PlacedPoint): [number, number] {
    return this.transform.apply([placed.x, placed.y]);
  }

  private resize(): void {
    const { width, height } = this.element.getBoundingClientRect();
    if (width === this.width && height === this.height) {
      return;
    }

    this.width = width;
    this.height = height;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    // The rectangle was drawn over the old layout; the selection it made stays.
    this.brush.clear();
    this.brush.resize(width, height);
    this.fitScales();
    this.drawNow();
  }

  refreshTheme(): void {
    this.colours = readThemeColours();
    this.requestDraw();
  }

  setTransform(transform: { x: number; y: number; k: number }): void {
    select(this.svg).call(this.zoomBehavior.transform, zoomIdentity.translate(transform.x, transform.y).scale(transform.k));
  }

  zoomBy(factor: number): void {
    select(this.svg).call(this.zoomBehavior.scaleBy, factor);
  }

  resetZoom(): void {
    select(this.svg).call(this.zoomBehavior.transform, zoomIdentity);
  }

  setInspected(modelId: number | null): void {
    this.inspectedId = modelId;
    this.placeRings();
  }

  private placeRings(): void {
    const inspected = this.inspectedId === null ? null : this.placed.find((placed) => placed.point.id === this.inspectedId) ?? null;
    for (const [ring, placed] of [
      [this.inspectedRing, inspected],
      [this.highlightRing, this.highlighted],
    ] as const) {
      if (!placed) {
        ring.setAttribute('display', 'none');
        continue;
      }

      const [x, y] = this.screenOf(placed);
      ring.setAttribute('display', 'inline');
      ring.setAttribute('cx', String(x));
      ring.setAttribute('cy', String(y));
      ring.setAttribute('r', String(placed.radius + 3.5));
    }
  }

  requestDraw(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.drawNow();
      });
    }
  }

  /** Draws every visible point now and returns the time it took in milliseconds. */
  drawNow(): number {
    const started = performance.now();
    const context = this.context;
    const ratio = this.canvas.width / Math.max(1, this.width);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, this.width, this.height);
    drawAxes(this.axesLayer, this.projection, this.transform.rescaleX(this.xBase), this.transform.rescaleY(this.yBase), this.width, this.height);
    this.fitDensity();

    this.drawnCount = drawScene(context, {
      width: this.width,
      height: this.height,
      transform: this.transform,
      placed: this.placed,
      groups: this.groups,
      colours: this.colours,
      selectedIds: this.selectedIds,
      opacity: this.density.opacity,
    });
    this.placeRings();

    // Read by the end-to-end test in code-server, which can reach the webview's DOM but not its scripts.
    this.canvas.dataset.pointCount = String(this.drawnCount);
    this.lastDrawMilliseconds = performance.now() - started;
    return this.lastDrawMilliseconds;
  }

  /**
   * Sizes the discs for the number of models whose centres are in sight: zooming into a crowd of
   * 50,000 models grows the discs back as fewer remain on screen.
   */
  private fitDensity(): void {
    const { k, x: tx, y: ty } = this.transform;
    let visible = 0;
    for (const placed of this.placed) {
      const sx = placed.x * k + tx;
      const sy = placed.y * k + ty;
      if (sx >= 0 && sx <= this.width && sy >= 0 && sy <= this.height) {
        visible++;
      }
    }

    const density = densityOf(visible);
    if (density.minimumRadius !== this.density.minimumRadius || density.maximumRadius !== this.density.maximumRadius || density.opacity !== this.density.opacity) {
      this.density = density;
      for (const placed of this.placed) {
        placed.radius = radiusAt(placed.size, density);
      }
    }
  }

  /** Finds the point nearest to a screen position, when the position is on or next to its mark. */
  pointAt(screenX: number, screenY: number): PlacedPoint | null {
    const [bx, by] = this.transform.invert([screenX, screenY]);
    const reach = 9 + hoverSlack;
    const found = this.tree.find(bx, by, reach / this.transform.k);
    if (!found) {
      return null;
    }

    const [sx, sy] = this.screenOf(found);
    return Math.hypot(sx - screenX, sy - screenY) <= found.radius + hoverSlack ? found : null;
  }

  /** Collects the points whose centres lie inside a rectangle in screen pixels. */
  pointsInRectangle(x0: number, y0: number, x1: number, y1: number): PlacedPoint[] {
    const [left, top] = this.transform.invert([Math.min(x0, x1), Math.min(y0, y1)]);
    const [right, bottom] = this.transform.invert([Math.max(x0, x1), Math.max(y0, y1)]);
    const inside: PlacedPoint[] = [];
    this.tree.visit((node, nodeLeft, nodeTop, nodeRight, nodeBottom) => {
      if (!node.length) {
        let leaf: typeof node | undefined = node;
        while (leaf && !leaf.length) {
          const placed = (leaf as { data: PlacedPoint }).data;
          if (placed.x >= left && placed.x <= right && placed.y >= top && placed.y <= bottom) {
            inside.push(placed);
          }

          leaf = (leaf as { next?: typeof node }).next;
        }
      }

      return nodeLeft > right || nodeRight < left || nodeTop > bottom || nodeBottom < top;
    });
    return inside;
  }

  setHighlighted(placed: PlacedPoint | null): void {
    if (placed !== this.highlighted) {
      this.highlighted = placed;
      this.placeRings();
      this.events.hover(placed);
    }
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.buttons !== 0) {
      return;
    }

    const [x, y] = this.localPosition(event);
    this.setHighlighted(this.pointAt(x, y));
  }

  private onClick(event: MouseEvent): void {
    if (this.brush.active) {
      return;
    }

    const [x, y] = this.localPosition(event);
    const placed = this.pointAt(x, y);
    if (placed) {
      this.events.activate(placed);
    }
  }

  private localPosition(event: MouseEvent): [number, number] {
    const box = this.svg.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }
}
