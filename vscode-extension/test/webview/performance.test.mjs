// 50,000 synthetic models in the overview page: measures the time to receive and lay them out, a
// full redraw, one hover lookup and one brush query, and prints the figures. The only timing
// assertion is a sanity bound of 2 s; the brush counts are checked exactly against a full scan.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { posted, resultsFolder, startHarness } from './harness.mjs';

const modelCount = 50_000;
const sanityBoundMilliseconds = 2000;

/** A seeded generator (mulberry32), so every run draws the same population. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const architectures = [
  ['conv16k3p1 → relu → max2 → flat → dense10', [12544, 12544, 3136, 3136, 10]],
  ['flat → dense64 → relu → dense10', [784, 64, 64, 10]],
  ['conv32k3p1 → bn → relu → conv32k3p1 → relu → max2 → gap → dense10', [25088, 25088, 25088, 25088, 25088, 6272, 32, 10]],
  ['conv8k5 → tanh → avg2 → flat → dense32 → drop0.25 → dense10', [4608, 4608, 1152, 1152, 32, 32, 10]],
];

/** Shares of the statuses in the synthetic population: mostly trained, a few of every other mark. */
const statusShares = [
  ['succeeded', 0.94],
  ['queued', 0.02],
  ['running', 0.01],
  ['diverged', 0.015],
  ['failed', 0.005],
  ['cancelled', 0.01],
];

function statusOf(roll) {
  let cumulative = 0;
  for (const [status, share] of statusShares) {
    cumulative += share;
    if (roll < cumulative) {
      return status;
    }
  }

  return 'cancelled';
}

function syntheticPoints() {
  const next = random(20261205);
  const gaussian = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  const centres = Array.from({ length: 12 }, () => [next() * 80 - 40, next() * 60 - 30]);
  return Array.from({ length: modelCount }, (_, index) => {
    const [cx, cy] = centres[index % centres.length];
    const status = statusOf(next());
    const [layers, outputSizes] = architectures[index % architectures.length];
    const trained = status === 'succeeded';
    return {
      id: index + 1,
      name: `synthetic-${index + 1}`,
      x: cx + gaussian() * 6,
      y: cy + gaussian() * 6,
      validationAccuracy: trained ? Math.min(0.95, Math.max(0.1, 0.8 + gaussian() * 0.06)) : null,
      parameterCount: Math.round(10 ** (3 + next() * 3)),
      status,
      parentId: index > 10 && next() < 0.5 ? Math.ceil(next() * index) : null,
      layers,
      outputSizes,
      classAccuracy: null,
    };
  });
}

function summary(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

const format = (value) => `${value.toFixed(2)} ms`;

let harness;

before(async () => {
  harness = await startHarness();
});

after(async () => {
  await harness?.close();
});

test('50,000 models render, hover and brush in time', async () => {
  const { page, problems } = await harness.open();
  const points = syntheticPoints();
  const message = {
    type: 'overview',
    data: { dataset: 'synthetic', projection: 'structure', classIndex: null, classNames: [], modelCount, points, bounds: null, complete: true },
  };

  // 10,000 models first, the size of the figure other overviews are measured at.
  const tenThousand = { ...message, data: { ...message.data, points: points.slice(0, 10_000), modelCount: 10_000 } };
  await page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(tenThousand));
  await page.waitForFunction(() => window.__remapTest.placedCount() === 10_000);
  const smallDraws = await page.evaluate(() => Array.from({ length: 20 }, () => window.__remapTest.drawAndRasterise()));
  const smallDrawn = await page.evaluate(() => window.__remapTest.drawnCount());

  // The message goes in as JSON so the figure is the page's own work, not the test driver's transfer.
  const receive = await page.evaluate(async (json) => {
    const parsed = JSON.parse(json);
    // This listener is registered after the page's, so it runs once the page has handled the message.
    // The draw the page requested runs in the next frame, before this frame callback.
    const handled = new Promise((resolve) => window.addEventListener('message', () => requestAnimationFrame(resolve), { once: true }));
    const started = performance.now();
    window.postMessage(parsed, '*');
    await handled;
    return {
      total: performance.now() - started,
      handler: window.__remapTest.lastMessageMilliseconds(),
      draw: window.__remapTest.lastDrawMilliseconds(),
    };
  }, JSON.stringify(message));

  const placedCount = await page.evaluate(() => window.__remapTest.placedCount());
  const drawn = await page.evaluate(() => window.__remapTest.drawnCount());
  const draws = await page.evaluate(() => Array.from({ length: 20 }, () => window.__remapTest.drawAndRasterise()));
  const commandDraws = await page.evaluate(() => Array.from({ length: 20 }, () => window.__remapTest.draw()));

  // Zoomed in 8 times on the centre: most points are off screen and skipped.
  const box = await page.evaluate(() => window.__remapTest.plotBox());
  await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
  for (let step = 0; step < 6; step++) {
    await page.mouse.wheel(0, -300);
  }

  await page.waitForFunction(() => window.__remapTest.transform().k > 4);
  const zoomedDraws = await page.evaluate(() => Array.from({ length: 20 }, () => window.__remapTest.drawAndRasterise()));
  const zoomedDrawn = await page.evaluate(() => window.__remapTest.drawnCount());
  await page.keyboard.press('Tab');
  await page.locator('.plot-overlay').focus();
  await page.keyboard.press('0');
  await page.waitForFunction(() => window.__remapTest.transform().k === 1);

  const hovers = await page.evaluate(
    ([width, height]) => {
      const timings = [];
      let found = 0;
      for (let index = 0; index < 500; index++) {
        const result = window.__remapTest.measureHover(((index * 7919) % 1000) / 1000 * width, ((index * 104729) % 1000) / 1000 * height);
        timings.push(result.milliseconds);
        found += result.modelId === null ? 0 : 1;
      }

      return { timings, found };
    },
    [box.width, box.height],
  );

  const rectangles = [
    [0.45, 0.45, 0.55, 0.55],
    [0.25, 0.25, 0.75, 0.75],
    [0, 0, 1, 1],
  ];
  const brushes = [];
  for (const [left, top, right, bottom] of rectangles) {
    const measured = await page.evaluate(
      ([x0, y0, x1, y1]) => {
        const result = window.__remapTest.measureBrush(x0, y0, x1, y1);
        return result;
      },
      [left * box.width, top * box.height, right * box.width, bottom * box.height],
    );
    const scanned = await page.evaluate(
      ([candidates, x0, y0, x1, y1]) =>
        candidates.filter((point) => {
          if (point.x === null || point.y === null) {
            return false;
          }

          const [x, y] = window.__remapTest.toScreen(point.x, point.y);
          return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        }).length,
      [points.map((point) => ({ x: point.x, y: point.y })), left * box.width, top * box.height, right * box.width, bottom * box.height],
    );
    brushes.push({ share: `${Math.round((right - left) * 100)}%×${Math.round((bottom - top) * 100)}%`, ...measured, scanned });
  }

  // One brush with the mouse, end to end: the page posts the selection.
  await page.getByRole('button', { name: 'Select area' }).click();
  await page.mouse.move(box.left + box.width * 0.25, box.top + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.left + box.width * 0.75, box.top + box.height * 0.75, { steps: 4 });
  await page.mouse.up();
  const selection = (await posted(page, 'select')).at(-1);
  const mouseBrush = await page.evaluate(() => {
    const rectangle = window.__remapTest.brushRectangle();
    const inside = window.__remapTest.measureBrush(rectangle.x0, rectangle.y0, rectangle.x1, rectangle.y1);
    return { transform: window.__remapTest.transform(), rectangle, selectMilliseconds: window.__remapTest.lastSelectMilliseconds(), count: inside.count, drawMilliseconds: window.__remapTest.draw() };
  });

  const smallFigures = summary(smallDraws);
  const drawFigures = summary(draws);
  const commandFigures = summary(commandDraws);
  const zoomedFigures = summary(zoomedDraws);
  const hoverFigures = summary(hovers.timings);
  const figures = {
    models: modelCount,
    placed: placedCount,
    receive,
    fullRedraw10000: smallFigures,
    fullRedraw: drawFigures,
    fullRedrawCommandsOnly: commandFigures,
    zoomedRedraw: { ...zoomedFigures, drawn: zoomedDrawn },
    hover: { ...hoverFigures, lookups: hovers.timings.length, found: hovers.found },
    brush: brushes,
    mouseBrush,
  };
  await mkdir(resultsFolder, { recursive: true });
  await writeFile(join(resultsFolder, 'overview-performance.json'), JSON.stringify(figures, null, 2));
  await page.screenshot({ path: join(resultsFolder, 'overview-50000.png') });

  console.log(`overview with ${modelCount} models in headless Chromium (software rendering, --disable-gpu); redraws include rasterising:`);
  console.log(`  full redraw of ${smallDrawn} points: median ${format(smallFigures.median)}, p95 ${format(smallFigures.p95)}, max ${format(smallFigures.max)}`);
  console.log(`  receive and first draw: ${format(receive.total)} in all (message handler and layout ${format(receive.handler)}, draw ${format(receive.draw)})`);
  console.log(`  full redraw of ${drawn} points: median ${format(drawFigures.median)}, p95 ${format(drawFigures.p95)}, max ${format(drawFigures.max)}`);
  console.log(`    of which issuing the canvas commands: median ${format(commandFigures.median)}`);
  console.log(`  redraw zoomed in (${zoomedDrawn} visible): median ${format(zoomedFigures.median)}, max ${format(zoomedFigures.max)}`);
  console.log(`  hover lookup: median ${format(hoverFigures.median)}, p95 ${format(hoverFigures.p95)}, max ${format(hoverFigures.max)} (${hovers.found} of 500 hit a model)`);
  for (const brush of brushes) {
    console.log(`  brush ${brush.share}: ${format(brush.milliseconds)} for ${brush.count} models`);
  }

  console.log(`  brush with the mouse: selection of ${selection.modelIds.length} models updated in ${format(mouseBrush.selectMilliseconds)}, redraw with their halos ${format(mouseBrush.drawMilliseconds)}`);

  assert.equal(smallDrawn, 10_000);
  assert.equal(placedCount, modelCount);
  assert.equal(drawn, modelCount);
  assert.ok(zoomedDrawn < modelCount);
  for (const brush of brushes) {
    assert.equal(brush.count, brush.scanned, `brush ${brush.share}`);
  }

  assert.equal(selection.modelIds.length, mouseBrush.count, JSON.stringify({ box, rectangle: mouseBrush.rectangle, transform: mouseBrush.transform }));
  for (const value of [smallFigures.max, receive.handler, drawFigures.max, zoomedFigures.max, hoverFigures.max, mouseBrush.selectMilliseconds, ...brushes.map((brush) => brush.milliseconds)]) {
    assert.ok(value < sanityBoundMilliseconds, `${value} ms is beyond the ${sanityBoundMilliseconds} ms sanity bound`);
  }

  await page.close();
  assert.deepEqual(problems, []);
});

test('50,000 models coloured by a class show density', async () => {
  const { page, problems } = await harness.open();
  const next = random(7);
  // Most models do well on the class and a few fail it, as with a real class's test accuracy.
  const points = syntheticPoints().map((point) => ({
    ...point,
    classAccuracy: point.status !== 'succeeded' ? null : next() < 0.02 ? 0.05 + next() * 0.2 : Math.min(1, 0.88 + next() * 0.1),
  }));
  const message = {
    type: 'overview',
    data: { dataset: 'synthetic', projection: 'structure', classIndex: 0, classNames: ['T-shirt/top'], modelCount, points, bounds: null, complete: true },
  };

  await page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
  await page.waitForFunction(() => window.__remapTest.placedCount() === 50_000);
  await page.evaluate(() => window.__remapTest.draw());
  await page.screenshot({ path: join(resultsFolder, 'overview-50000-class.png') });
  const shades = await page.evaluate(() => {
    const canvas = document.querySelector('.plot-canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const background = [255, 255, 255];
    const foreground = [0x1f, 0x1f, 0x1f];
    const distinct = new Set();
    let covered = 0;
    let darkest = 0;
    for (let index = 0; index < data.length; index += 4) {
      const rgb = [data[index], data[index + 1], data[index + 2]];
      if (data[index + 3] === 0 || rgb.every((value, channel) => value === background[channel])) {
        continue;
      }

      covered++;
      distinct.add(rgb.join());
      if (rgb.every((value, channel) => Math.abs(value - foreground[channel]) <= 8)) {
        darkest++;
      }
    }

    return { covered, distinct: distinct.size, darkestShare: darkest / covered };
  });
  console.log(`  coloured by a class: ${shades.distinct} colours over ${shades.covered} covered pixels, ${(shades.darkestShare * 100).toFixed(1)}% of them the darkest`);

  assert.ok(shades.darkestShare < 0.2, `${(shades.darkestShare * 100).toFixed(1)}% of the covered pixels have the darkest colour`);
  assert.ok(shades.distinct > 50, `only ${shades.distinct} colours on the canvas`);
  await page.close();
  assert.deepEqual(problems, []);
});
