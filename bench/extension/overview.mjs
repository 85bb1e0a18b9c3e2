// Benchmark of the overview page (vscode-extension/webview): the built page in headless Chromium,
// loaded through the webview tests' harness, with 10,000 and 50,000 synthetic models. For each size
// it times the first draw after the data arrives, a full redraw with rasterisation, a hover lookup
// and a brush query over half the plot. The reference, measured in the same browser run, is a bare
// canvas loop that fills the same discs (same centres and radii) with arc() and fill(), one path per
// disc: the simplest correct drawing. Each figure is printed with its ratio to that reference.
//
// Usage: node bench/extension/overview.mjs [--runs N]   (after "node scripts/build.mjs" in vscode-extension)
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startHarness } from '../../vscode-extension/test/webview/harness.mjs';

const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'vscode-extension');
const sizes = [10_000, 50_000];
const targets = { 10_000: 80, 50_000: 100 };

function parseRuns(argv) {
  const index = argv.indexOf('--runs');
  if (index === -1) {
    return 15;
  }
  const runs = Number(argv[index + 1]);
  if (!Number.isInteger(runs) || runs < 3) {
    throw new Error(`--runs must be a whole number of 3 or more, got "${argv[index + 1]}".`);
  }
  return runs;
}

/** Bundles the page's own radius scale from webview/pointStyle.ts, so the reference draws discs of the same sizes. */
async function loadRadiusScale(folder) {
  const { build } = createRequire(join(extensionRoot, 'package.json'))('esbuild');
  const outfile = join(folder, 'pointStyle.mjs');
  await build({ entryPoints: [join(extensionRoot, 'webview', 'pointStyle.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  return (await import(pathToFileURL(outfile).href)).radiusScale;
}

/** Points in twelve clusters from a fixed linear congruential sequence, so every run draws the same population. */
function syntheticPoints(count) {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  const centres = Array.from({ length: 12 }, () => [next() * 80 - 40, next() * 60 - 30]);
  return Array.from({ length: count }, (_, index) => {
    const [cx, cy] = centres[index % centres.length];
    return {
      id: index + 1,
      name: `bench-${index + 1}`,
      x: cx + normal() * 6,
      y: cy + normal() * 6,
      validationAccuracy: Math.min(0.95, Math.max(0.1, 0.8 + normal() * 0.06)),
      parameterCount: Math.round(10 ** (3 + next() * 3)),
      status: 'succeeded',
      parentId: null,
      layers: 'flat → dense64 → relu → dense10',
      outputSizes: [784, 64, 64, 10],
      classAccuracy: null,
    };
  });
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Measures one population size in a fresh page. */
async function measure(harness, radiusScale, count, runs) {
  const { page, problems } = await harness.open();
  const points = syntheticPoints(count);
  const message = { type: 'overview', data: { dataset: 'bench', projection: 'structure', classIndex: null, classNames: [], modelCount: count, points, bounds: null, complete: true } };

  // The first draw: the page's handler lays the points out and requests a draw for the next frame.
  const first = await page.evaluate(async (json) => {
    const parsed = JSON.parse(json);
    const handled = new Promise((resolve) => window.addEventListener('message', () => requestAnimationFrame(resolve), { once: true }));
    const started = performance.now();
    window.postMessage(parsed, '*');
    await handled;
    return { total: performance.now() - started, handler: window.__remapTest.lastMessageMilliseconds(), draw: window.__remapTest.lastDrawMilliseconds() };
  }, JSON.stringify(message));

  const placed = await page.evaluate(() => window.__remapTest.placedCount());
  if (placed !== count) {
    throw new Error(`The page placed ${placed} of ${count} points; the benchmark needs all of them on screen.`);
  }

  const redraw = median(await page.evaluate((times) => Array.from({ length: times }, () => window.__remapTest.drawAndRasterise()), runs));
  const drawn = await page.evaluate(() => window.__remapTest.drawnCount());

  // The reference: a canvas of the plot's pixel size, the same centres and radii, one arc() and fill() per disc.
  const radius = radiusScale(points);
  const discs = points.map((point) => [point.x, point.y, radius(point.parameterCount)]);
  const reference = median(
    await page.evaluate(
      ([input, times]) => {
        const plotCanvas = document.querySelector('.plot-canvas');
        const canvas = document.createElement('canvas');
        canvas.width = plotCanvas.width;
        canvas.height = plotCanvas.height;
        const ratio = plotCanvas.width / plotCanvas.getBoundingClientRect().width;
        const context = canvas.getContext('2d');
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        const screen = input.map(([x, y, r]) => [...window.__remapTest.toScreen(x, y), r]);
        const timings = [];
        for (let run = 0; run < times; run++) {
          const started = performance.now();
          context.clearRect(0, 0, canvas.width, canvas.height);
          context.fillStyle = '#4e79a7';
          for (const [x, y, r] of screen) {
            context.beginPath();
            context.arc(x, y, r, 0, 2 * Math.PI);
            context.fill();
          }
          context.getImageData(0, 0, 1, 1);
          timings.push(performance.now() - started);
        }
        return timings;
      },
      [discs, runs],
    ),
  );

  const box = await page.evaluate(() => window.__remapTest.plotBox());
  // performance.now() steps by 0.1 ms in the page, more than one lookup can take, so 500 lookups are timed together.
  const hoverLookups = 500;
  const hover = median(
    await page.evaluate(
      ([width, height, lookups, times]) =>
        Array.from({ length: times }, () => {
          const started = performance.now();
          for (let index = 0; index < lookups; index++) {
            window.__remapTest.measureHover((((index * 7919) % 1000) / 1000) * width, (((index * 104729) % 1000) / 1000) * height);
          }
          return (performance.now() - started) / lookups;
        }),
      [box.width, box.height, hoverLookups, runs],
    ),
  );

  // Half the plot: its left half, the full height.
  const brushes = await page.evaluate(([width, height, times]) => Array.from({ length: times }, () => window.__remapTest.measureBrush(0, 0, width / 2, height)), [box.width, box.height, runs]);
  await page.close();
  if (problems.length > 0) {
    throw new Error(`The page reported problems: ${problems.join('; ')}`);
  }

  return { count, drawn, first, redraw, reference, hover, brush: median(brushes.map((brush) => brush.milliseconds)), brushCount: brushes[0].count };
}

const runs = parseRuns(process.argv.slice(2));
const folder = await mkdtemp(join(tmpdir(), 'remap-bench-overview-'));
const harness = await startHarness();
try {
  const radiusScale = await loadRadiusScale(folder);
  const format = (value) => `${value.toFixed(2)} ms`;
  for (const count of sizes) {
    const result = await measure(harness, radiusScale, count, runs);
    const ratio = (value) => (value / result.reference).toFixed(2);
    console.log(`${count.toLocaleString('en-US')} points (${result.drawn.toLocaleString('en-US')} drawn), median of ${runs} runs:`);
    console.log(`  reference, arc() + fill() per disc, rasterised: ${format(result.reference)}`);
    console.log(`  full redraw, rasterised:  ${format(result.redraw)}  ratio ${ratio(result.redraw)}  target ${targets[count]} ms: ${result.redraw <= targets[count] ? 'met' : 'missed'}`);
    console.log(`  first draw after the data: ${format(result.first.total)} (handler ${format(result.first.handler)}, draw ${format(result.first.draw)})  ratio ${ratio(result.first.total)}`);
    console.log(`  hover lookup (mean of 500 positions): ${(result.hover * 1000).toFixed(1)} µs  ratio ${(result.hover / result.reference).toFixed(4)}`);
    console.log(`  brush over half the plot (${result.brushCount.toLocaleString('en-US')} points): ${format(result.brush)}  ratio ${ratio(result.brush)}`);
  }
} finally {
  await harness.close();
  await rm(folder, { recursive: true, force: true });
}
