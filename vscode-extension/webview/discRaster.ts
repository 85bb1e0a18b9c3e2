// Discs, rings and crosses written straight into an ImageData buffer. In headless Chromium with --disable-gpu on
// an 840×700 canvas, rasterising 50,000 antialiased arcs in one path took about 180 ms, and this loop
// about 25 ms. That was one measurement on a shared 2-core machine, and
// test/webview/performance.test.mjs prints the current figures. The discs are not antialiased, so the
// plot uses the buffer only when many points are visible.

/** Packs an opaque colour as one pixel of a Uint32Array over ImageData bytes (R, G, B, A in memory order). */
export function packPixel([red, green, blue]: readonly [number, number, number]): number {
  const bytes = new Uint8ClampedArray([red, green, blue, 255]);
  return new Uint32Array(bytes.buffer)[0];
}

let cached: { image: ImageData; pixels: Uint32Array } | null = null;

/** Returns a cleared pixel buffer of the canvas size, reused between draws while the size stays the same. */
export function discBuffer(context: CanvasRenderingContext2D): { image: ImageData; pixels: Uint32Array } {
  const { width, height } = context.canvas;
  if (!cached || cached.image.width !== width || cached.image.height !== height) {
    const image = context.createImageData(Math.max(1, width), Math.max(1, height));
    cached = { image, pixels: new Uint32Array(image.data.buffer) };
  }

  cached.pixels.fill(0);
  return cached;
}

/** Fills the pixels of one row whose centres lie between two x coordinates, clipped to the row. */
function fillSpan(pixels: Uint32Array, width: number, row: number, from: number, to: number, colour: number): void {
  const left = Math.max(0, Math.ceil(from - 0.5));
  const right = Math.min(width - 1, Math.floor(to - 0.5));
  if (right >= left) {
    pixels.fill(colour, row * width + left, row * width + right + 1);
  }
}

type Span = (row: number, from: number, to: number) => void;

/** Calls `span` with each row's x range of the pixels whose centres lie between two circles (a disc when inner is 0). */
function forEachSpan(height: number, centreX: number, centreY: number, outer: number, inner: number, span: Span): void {
  const outerSquared = outer * outer;
  const innerSquared = inner * inner;
  const top = Math.max(0, Math.ceil(centreY - outer - 0.5));
  const bottom = Math.min(height - 1, Math.floor(centreY + outer - 0.5));
  for (let row = top; row <= bottom; row++) {
    const dy = row + 0.5 - centreY;
    const outerHalf = Math.sqrt(Math.max(0, outerSquared - dy * dy));
    const innerHalf = dy * dy < innerSquared ? Math.sqrt(innerSquared - dy * dy) : -1;
    if (innerHalf < 0) {
      span(row, centreX - outerHalf, centreX + outerHalf);
    } else {
      span(row, centreX - outerHalf, centreX - innerHalf);
      span(row, centreX + innerHalf, centreX + outerHalf);
    }
  }
}

/**
 * Fills the pixels whose centres lie between two circles: a ring drawn with a line of `outer − inner`
 * pixels, or a disc when inner is 0. Each row is one or two Uint32Array.fill calls, which is what
 * makes this fast.
 */
export function fillRing(pixels: Uint32Array, width: number, height: number, centreX: number, centreY: number, outer: number, inner: number, colour: number): void {
  forEachSpan(height, centreX, centreY, outer, inner, (row, from, to) => fillSpan(pixels, width, row, from, to, colour));
}

/**
 * Mixes an rgb colour into the pixels of a disc with the given opacity (0 to 1), so overlapping discs
 * grow darker where models crowd. The buffer's pixels must be opaque (filled with the background first).
 */
export function blendDisc(bytes: Uint8ClampedArray, width: number, height: number, centreX: number, centreY: number, radius: number, [red, green, blue]: readonly [number, number, number], opacity: number): void {
  forEachSpan(height, centreX, centreY, radius, 0, (row, from, to) => {
    const left = Math.max(0, Math.ceil(from - 0.5));
    const right = Math.min(width - 1, Math.floor(to - 0.5));
    for (let index = (row * width + left) * 4, end = (row * width + right) * 4; index <= end; index += 4) {
      bytes[index] += (red - bytes[index]) * opacity;
      bytes[index + 1] += (green - bytes[index + 1]) * opacity;
      bytes[index + 2] += (blue - bytes[index + 2]) * opacity;
    }
  });
}

/** Draws the two diagonals of a square of half-size `arm` around a centre, `thickness` pixels wide. */
export function fillCross(pixels: Uint32Array, width: number, height: number, centreX: number, centreY: number, arm: number, thickness: number, colour: number): void {
  const half = thickness / 2;
  for (let offset = -arm; offset <= arm; offset += 0.5) {
    for (const [x, y] of [
      [centreX + offset, centreY + offset],
      [centreX + offset, centreY - offset],
    ]) {
      const top = Math.max(0, Math.round(y - half));
      const bottom = Math.min(height - 1, Math.round(y + half) - 1);
      const left = Math.max(0, Math.round(x - half));
      const right = Math.min(width - 1, Math.round(x + half) - 1);
      for (let row = top; row <= bottom; row++) {
        if (right >= left) {
          pixels.fill(colour, row * width + left, row * width + right + 1);
        }
      }
    }
  }
}

/** Fills the pixels whose centres lie inside a disc, in device pixels, with one packed RGBA colour. */
export function fillDisc(pixels: Uint32Array, width: number, height: number, centreX: number, centreY: number, radius: number, colour: number): void {
  fillRing(pixels, width, height, centreX, centreY, radius, 0, colour);
}
