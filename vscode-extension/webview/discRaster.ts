// Filled discs written straight into an ImageData buffer. In headless Chromium with --disable-gpu on
// an 840×700 canvas, rasterising 50,000 antialiased arcs in one path took about 180 ms, and this loop
// about 25 ms. That was one measurement on a shared 2-core machine, and
// test/webview/performance.test.mjs prints the current figures. The discs are not antialiased, so the
// plot uses them only when many points are visible.

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

/**
 * Fills the pixels whose centres lie inside a disc, in device pixels, with one packed RGBA colour.
 * Each row of the disc is one Uint32Array.fill, which is what makes this fast.
 */
export function fillDisc(pixels: Uint32Array, width: number, height: number, centreX: number, centreY: number, radius: number, colour: number): void {
  const squared = radius * radius;
  const top = Math.max(0, Math.ceil(centreY - radius - 0.5));
  const bottom = Math.min(height - 1, Math.floor(centreY + radius - 0.5));
  for (let row = top; row <= bottom; row++) {
    const dy = row + 0.5 - centreY;
    const half = Math.sqrt(Math.max(0, squared - dy * dy));
    const left = Math.max(0, Math.ceil(centreX - half - 0.5));
    const right = Math.min(width - 1, Math.floor(centreX + half - 0.5));
    if (right >= left) {
      pixels.fill(colour, row * width + left, row * width + right + 1);
    }
  }
}
