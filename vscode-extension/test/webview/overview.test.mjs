// The overview page alone in headless Chromium, fed recorded server responses (test/fixtures) as the
// panel would post them. Every expected number is computed from the fixtures, not written down.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { countColour, hexToRgb, overviewMessage, pixelAt, posted, readFixture, resultsFolder, send, startHarness, themeColour } from './harness.mjs';

let harness;
let datasets;
let classNames;
let structure;
let opened = [];

before(async () => {
  harness = await startHarness();
  datasets = await readFixture('datasets.json');
  classNames = datasets[0].classNames;
  structure = await readFixture('overview-structure.json');
  await mkdir(resultsFolder, { recursive: true });
});

after(async () => {
  await harness?.close();
});

afterEach(async () => {
  for (const { page, problems } of opened) {
    await page.close();
    assert.deepEqual(problems, [], 'the page reported CSP violations, console errors or exceptions');
  }

  opened = [];
});

async function openPage(options) {
  const handle = await harness.open(options);
  opened.push(handle);
  return handle.page;
}

/** Opens a page showing the recorded structure view. */
async function openStructure(options) {
  const page = await openPage(options);
  await send(page, overviewMessage(structure, classNames));
  return page;
}

const placed = (response) => response.points.filter((point) => point.x !== null && point.y !== null);

/** Page coordinates of a model's mark. */
async function pagePosition(page, point) {
  const [x, y] = await page.evaluate(([px, py]) => window.__remapTest.toScreen(px, py), [point.x, point.y]);
  const box = await page.evaluate(() => window.__remapTest.plotBox());
  return { x: box.left + x, y: box.top + y, plotX: x, plotY: y };
}

async function pixelAtPoint(page, point) {
  const position = await pagePosition(page, point);
  return pixelAt(page, position.plotX, position.plotY);
}

/** Finds the trained point farthest from every other placed point, so its mark overlaps no other. */
function isolated(response, status = 'succeeded') {
  const candidates = placed(response).filter((point) => point.status === status);
  let best = null;
  let bestDistance = -1;
  for (const candidate of candidates) {
    const nearest = Math.min(...placed(response).filter((other) => other !== candidate).map((other) => Math.hypot(other.x - candidate.x, other.y - candidate.y)));
    if (nearest > bestDistance) {
      bestDistance = nearest;
      best = candidate;
    }
  }

  return best;
}

test('page posts ready with no stored state', async () => {
  const page = await openPage();

  const ready = await posted(page, 'ready');

  assert.deepEqual(ready, [{ type: 'ready', state: null }]);
});

test('every placed model is drawn', async () => {
  const page = await openStructure();

  const drawn = await page.evaluate(() => window.__remapTest.drawnCount());

  assert.equal(drawn, placed(structure).length);
  assert.ok(drawn > 20, `the fixture should have more than 20 placed models, has ${drawn}`);
});

test('pages appended later are drawn too', async () => {
  const page = await openPage();
  const firstPage = { ...structure, points: structure.points.slice(0, 10), nextAfter: structure.points[9].id };
  await send(page, overviewMessage(firstPage, classNames));
  const early = await page.evaluate(() => window.__remapTest.drawnCount());

  await send(page, { type: 'appendPoints', points: structure.points.slice(10), complete: true });

  assert.equal(early, placed(firstPage).length);
  assert.equal(await page.evaluate(() => window.__remapTest.drawnCount()), placed(structure).length);
});

test('hover shows name, metrics and chip', async () => {
  const page = await openStructure();
  const point = isolated(structure);
  const position = await pagePosition(page, point);

  await page.mouse.move(position.x, position.y);
  const tooltip = page.locator('.tooltip');
  await tooltip.waitFor({ state: 'visible' });

  const text = await tooltip.innerText();
  assert.ok(text.includes(point.name), `tooltip "${text}" lacks ${point.name}`);
  assert.ok(text.includes(`model ${point.id}`));
  assert.ok(text.includes(`${(point.validationAccuracy * 100).toFixed(1)}%`));
  const kinds = await tooltip.locator('svg.chip rect').evaluateAll((rectangles) => rectangles.map((rectangle) => rectangle.dataset.kind));
  assert.equal(kinds.length, point.layers.split('→').length);
  assert.ok(kinds.every((kind) => kind.length > 0));
});

test('click inspects the model under the pointer', async () => {
  const page = await openStructure();
  const point = isolated(structure);
  const position = await pagePosition(page, point);

  await page.mouse.click(position.x, position.y);

  assert.deepEqual(await posted(page, 'inspect'), [{ type: 'inspect', modelId: point.id }]);
});

test('brush selects the models inside the rectangle', async () => {
  const page = await openStructure();
  const box = await page.evaluate(() => window.__remapTest.plotBox());
  // The left half of the plot, minus a margin: the fixture has models on both sides.
  const rectangle = { x0: 10, y0: 10, x1: box.width / 2, y1: box.height - 10 };
  const screens = await Promise.all(placed(structure).map(async (point) => ({ point, ...(await pagePosition(page, point)) })));
  const expected = screens
    .filter((screen) => screen.plotX >= rectangle.x0 && screen.plotX <= rectangle.x1 && screen.plotY >= rectangle.y0 && screen.plotY <= rectangle.y1)
    .map((screen) => screen.point.id)
    .sort((left, right) => left - right);
  assert.ok(expected.length >= 2, `the rectangle should contain at least two models, contains ${expected.length}`);
  assert.ok(expected.length < screens.length, 'the rectangle should leave some models out');

  await page.getByRole('button', { name: 'Select area' }).click();
  await page.mouse.move(box.left + rectangle.x0, box.top + rectangle.y0);
  await page.mouse.down();
  await page.mouse.move(box.left + rectangle.x1, box.top + rectangle.y1, { steps: 8 });
  await page.mouse.up();

  const selections = await posted(page, 'select');
  const selected = [...selections.at(-1).modelIds].sort((left, right) => left - right);
  assert.deepEqual(selected, expected);
  assert.equal(await page.locator('.selection-count').innerText(), `${expected.length} selected`);
  assert.equal(await page.locator('.selection-list li').count(), expected.length);
});

test('two selected models can be compared', async () => {
  const page = await openStructure();
  const positions = await Promise.all(placed(structure).map(async (point) => ({ point, ...(await pagePosition(page, point)) })));
  // A pair whose bounding rectangle (1 pixel larger) contains no third model.
  const within = (position, a, b) =>
    position.x >= Math.min(a.x, b.x) - 1 && position.x <= Math.max(a.x, b.x) + 1 && position.y >= Math.min(a.y, b.y) - 1 && position.y <= Math.max(a.y, b.y) + 1;
  const pair = positions
    .flatMap((a, index) => positions.slice(index + 1).map((b) => [a, b]))
    .find(([a, b]) => Math.abs(a.x - b.x) > 4 && Math.abs(a.y - b.y) > 4 && positions.filter((position) => within(position, a, b)).length === 2);
  assert.ok(pair, 'the fixture should have two models with nothing between them');
  const [a, b] = pair;

  await page.getByRole('button', { name: 'Select area' }).click();
  await page.mouse.move(Math.min(a.x, b.x) - 1, Math.min(a.y, b.y) - 1);
  await page.mouse.down();
  await page.mouse.move(Math.max(a.x, b.x) + 1, Math.max(a.y, b.y) + 1, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Compare' }).click();

  const message = (await posted(page, 'compare'))[0];
  assert.deepEqual([...message.modelIds].sort((left, right) => left - right), [a.point.id, b.point.id].sort((left, right) => left - right));
});

test('compare waits for exactly two models', async () => {
  const page = await openStructure();
  const box = await page.evaluate(() => window.__remapTest.plotBox());

  await page.getByRole('button', { name: 'Select area' }).click();
  await page.mouse.move(box.left + 2, box.top + 2);
  await page.mouse.down();
  await page.mouse.move(box.left + box.width - 2, box.top + box.height - 2, { steps: 5 });
  await page.mouse.up();

  assert.equal(await page.locator('.selection-count').innerText(), `${placed(structure).length} selected`);
  assert.equal(await page.getByRole('button', { name: 'Compare' }).isDisabled(), true);
});

test('class colouring changes the colour of points', async () => {
  const page = await openPage();
  const byClass = await readFixture('overview-structure-class6.json');
  await send(page, overviewMessage(structure, classNames));
  const trained = placed(structure).filter((point) => point.status === 'succeeded');
  const before = await Promise.all(trained.map(async (point) => pixelAtPoint(page, point)));

  await page.locator('#class-select').selectOption({ label: `accuracy on ${classNames[6]}` });
  await send(page, overviewMessage(byClass, classNames, { classIndex: 6 }));
  const afterwards = await Promise.all(trained.map(async (point) => pixelAtPoint(page, point)));

  assert.deepEqual((await posted(page, 'setClass')).at(-1), { type: 'setClass', classIndex: 6 });
  const changed = before.filter((pixel, index) => pixel.slice(0, 3).join() !== afterwards[index].slice(0, 3).join()).length;
  assert.ok(changed >= trained.length / 3, `only ${changed} of ${trained.length} trained points changed colour`);
  assert.ok((await page.locator('.legend-bar').innerText()).includes(`accuracy on ${classNames[6]}`));
});

test('zoom stays for a class, resets for a view', async () => {
  const page = await openStructure();
  const byClass = await readFixture('overview-structure-class6.json');
  const accuracySize = await readFixture('overview-accuracy-size.json');
  const box = await page.evaluate(() => window.__remapTest.plotBox());
  await page.mouse.move(box.left + box.width / 3, box.top + box.height / 3);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => window.__remapTest.transform().k > 1);
  const zoomed = await page.evaluate(() => window.__remapTest.transform());

  await send(page, overviewMessage(byClass, classNames, { classIndex: 6 }));
  const afterClass = await page.evaluate(() => window.__remapTest.transform());
  await send(page, overviewMessage(accuracySize, classNames));
  const afterView = await page.evaluate(() => window.__remapTest.transform());

  assert.deepEqual(afterClass, zoomed);
  assert.deepEqual(afterView, { x: 0, y: 0, k: 1 });
});

test('failed and pending models are drawn apart from trained ones', async () => {
  const page = await openStructure();
  const error = hexToRgb(themeColour('light', '--vscode-errorForeground'));
  const pending = hexToRgb(themeColour('light', '--vscode-charts-blue'));
  const diverged = placed(structure).find((point) => point.status === 'diverged' || point.status === 'failed');
  const waiting = placed(structure).find((point) => point.status === 'queued' || point.status === 'running');
  const trained = isolated(structure);
  assert.ok(diverged, 'the fixture should contain a diverged or failed model');
  assert.ok(waiting, 'the fixture should contain a queued or running model');

  const divergedAt = await pagePosition(page, diverged);
  const waitingAt = await pagePosition(page, waiting);
  const trainedAt = await pagePosition(page, trained);

  assert.ok((await countColour(page, divergedAt.plotX, divergedAt.plotY, 8, error)) >= 6, 'a diverged model shows red strokes');
  assert.ok((await countColour(page, waitingAt.plotX, waitingAt.plotY, 10, pending)) >= 6, 'a waiting model shows a blue ring');
  assert.equal(await countColour(page, trainedAt.plotX, trainedAt.plotY, 6, error), 0, 'a trained model has no red');
  const centre = await pixelAt(page, trainedAt.plotX, trainedAt.plotY);
  assert.ok(centre[3] > 200, 'a trained model is a filled disc');
});

test('view buttons switch to accuracy vs size with axes and an unplaced note', async () => {
  const page = await openPage();
  const accuracySize = await readFixture('overview-accuracy-size.json');
  await send(page, overviewMessage(structure, classNames));

  await page.getByRole('button', { name: 'Accuracy vs size' }).click();
  await send(page, { type: 'loading', dataset: accuracySize.dataset, projection: 'accuracy-size', classIndex: null });
  await send(page, overviewMessage(accuracySize, classNames));

  assert.deepEqual((await posted(page, 'setProjection')).at(-1), { type: 'setProjection', projection: 'accuracy-size' });
  assert.equal(await page.evaluate(() => window.__remapTest.drawnCount()), placed(accuracySize).length);
  assert.equal(await page.locator('.axis-x .axis-title').textContent(), 'validation accuracy');
  const unplaced = accuracySize.points.length - placed(accuracySize).length;
  assert.ok(unplaced > 0);
  assert.match(await page.locator('.note').innerText(), new RegExp(`^${unplaced} models are not shown`));
  assert.equal(await page.getByRole('button', { name: 'Accuracy vs size' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Refit' }).isVisible(), false);
});

test('refit asks the host to fit the view again', async () => {
  const page = await openPage();
  await send(page, overviewMessage(structure, classNames));

  await page.getByRole('button', { name: 'Refit' }).click();

  assert.deepEqual(await posted(page, 'refit'), [{ type: 'refit' }]);
});

test('inspector shows chips, changes, curves, classes and confusion', async () => {
  const page = await openPage();
  const child = await readFixture('model-child.json');
  const parent = await readFixture('model-parent.json');
  const diff = await readFixture('diff-parent-child.json');
  await send(page, overviewMessage(structure, classNames));

  await send(page, { type: 'inspection', data: { model: child, parent, diff } });

  const inspector = page.locator('.inspector');
  assert.equal(await inspector.locator('h2').innerText(), child.name);
  assert.equal(await inspector.locator('svg.chip').count(), 2);
  assert.equal(await inspector.locator('svg.chip').first().locator('rect').count(), child.layers.length);
  assert.ok((await inspector.locator('.changes').innerText()).includes(diff.changes[0].description));
  assert.ok((await inspector.locator('path.curve').count()) >= 3);
  assert.equal(await inspector.locator('.bar-row').count(), child.latestRun.perClassTestAccuracy.length);
  assert.ok((await inspector.locator('.bar-row').first().innerText()).includes(classNames[0]));
  assert.equal(await inspector.locator('.confusion rect').count(), child.latestRun.confusionMatrix.length ** 2);
  assert.equal(await inspector.locator('.runs tr').count(), child.runs.length + 1);

  for (const [name, type] of [
    ['Ablate', 'ablate'],
    ['Vary', 'vary'],
    ['Open as File', 'openAsFile'],
  ]) {
    await inspector.getByRole('button', { name, exact: true }).click();
    assert.deepEqual(await posted(page, type), [{ type, modelId: child.id }]);
  }

  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
  assert.deepEqual(await posted(page, 'closeInspector'), [{ type: 'closeInspector' }]);
  assert.equal(await inspector.isHidden(), true);
  assert.equal(await page.evaluate(() => window.__savedState.inspectedModelId), null);
});

test('keyboard moves between models and inspects one', async () => {
  const page = await openStructure();

  await page.locator('.plot-overlay').focus();
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => window.__remapTest.highlightedId());
  await page.keyboard.press('ArrowLeft');
  const second = await page.evaluate(() => window.__remapTest.highlightedId());
  await page.keyboard.press('Enter');
  await page.keyboard.press('s');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('s');

  assert.ok(first !== null);
  assert.ok(second !== null);
  assert.deepEqual(await posted(page, 'inspect'), [{ type: 'inspect', modelId: second }]);
  const third = await page.evaluate(() => window.__remapTest.highlightedId());
  assert.deepEqual((await posted(page, 'select')).at(-1), { type: 'select', modelIds: [second, third] });
  assert.equal(await page.getByRole('button', { name: 'Compare' }).isEnabled(), true);
  assert.ok(await page.locator('.tooltip').isVisible());
});

test('live update adds a new model', async () => {
  const page = await openPage();
  const [last, ...rest] = [...structure.points].reverse();
  await send(page, overviewMessage({ ...structure, points: rest.reverse(), modelCount: structure.modelCount - 1 }, classNames));
  const before = await page.evaluate(() => window.__remapTest.drawnCount());

  await send(page, { type: 'updatePoints', points: [last], modelCount: structure.modelCount, bounds: structure.bounds });

  assert.equal(await page.evaluate(() => window.__remapTest.drawnCount()), before + 1);
  assert.match(await page.locator('.summary').innerText(), new RegExp(`^${structure.modelCount} models`));
});

test('state survives a reload', async () => {
  const page = await openStructure();
  const box = await page.evaluate(() => window.__remapTest.plotBox());
  await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => window.__remapTest.transform().k > 1);
  const point = isolated(structure);
  await send(page, { type: 'inspection', data: { model: { ...(await readFixture('model-parent.json')), id: point.id }, parent: null, diff: null } });
  const saved = await page.evaluate(() => window.__savedState);
  assert.ok(saved.transform.k > 1);
  assert.equal(saved.inspectedModelId, point.id);

  const reloaded = await openPage({ state: saved });
  const ready = (await posted(reloaded, 'ready'))[0];
  await send(reloaded, overviewMessage(structure, classNames));

  assert.deepEqual(ready.state, saved);
  const restored = await reloaded.evaluate(() => window.__remapTest.transform());
  assert.ok(Math.abs(restored.k - saved.transform.k) < 1e-9);
  assert.ok(Math.abs(restored.x - saved.transform.x) < 1e-6);
});

test('empty dataset says how to add models', async () => {
  const page = await openPage();

  await send(page, overviewMessage({ ...structure, modelCount: 0, placedCount: 0, points: [], bounds: null }, classNames));

  assert.equal(await page.evaluate(() => window.__remapTest.drawnCount()), 0);
  assert.match(await page.locator('.note').innerText(), /^No models on fashion-mnist-sample yet\. Train one with "Remap: Train Model"/);
});

test('server error is shown with a retry', async () => {
  const page = await openPage();

  await send(page, { type: 'error', message: 'No Remap server answered at http://127.0.0.1:5178.' });
  await page.getByRole('button', { name: 'Retry' }).click();

  assert.ok((await page.getByRole('alert').innerText()).includes('No Remap server answered'));
  assert.deepEqual(await posted(page, 'reload'), [{ type: 'reload' }]);
});

for (const theme of ['light', 'dark']) {
  test(`screenshot in the ${theme} theme`, async () => {
    const page = await openPage({ theme });
    await send(page, overviewMessage(structure, classNames));
    await send(page, { type: 'inspection', data: { model: await readFixture('model-child.json'), parent: await readFixture('model-parent.json'), diff: await readFixture('diff-parent-child.json') } });
    const point = isolated(structure);
    const position = await pagePosition(page, point);
    await page.mouse.move(position.x, position.y);
    await page.locator('.tooltip').waitFor({ state: 'visible' });

    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.screenshot({ path: join(resultsFolder, `overview-${theme}.png`) });

    const expected = hexToRgb(themeColour(theme, '--vscode-editor-background'));
    assert.equal(background, `rgb(${expected.join(', ')})`);
  });
}

test('server switch drops the old server data', async () => {
  const page = await openStructure();
  const point = isolated(structure);
  await send(page, { type: 'inspection', data: { model: { ...(await readFixture('model-parent.json')), id: point.id }, parent: null, diff: null } });
  const box = await page.evaluate(() => window.__remapTest.plotBox());
  await page.getByRole('button', { name: 'Select area' }).click();
  await page.mouse.move(box.left + 5, box.top + 5);
  await page.mouse.down();
  await page.mouse.move(box.left + box.width - 5, box.top + box.height - 5, { steps: 4 });
  await page.mouse.up();
  assert.ok((await page.evaluate(() => window.__remapTest.selectedIds())).length > 0, 'the brush selected nothing before the switch');

  await send(page, { type: 'serverChanged', url: 'http://127.0.0.1:18999' });

  assert.equal(await page.evaluate(() => window.__remapTest.drawnCount()), 0);
  assert.deepEqual(await page.evaluate(() => window.__remapTest.selectedIds()), []);
  assert.equal(await page.locator('.inspector').isHidden(), true);
  assert.match(await page.locator('.summary').innerText(), /^Loading from http:\/\/127\.0\.0\.1:18999/);

  const other = { ...structure, modelCount: 3, points: placed(structure).slice(0, 3).map((model, index) => ({ ...model, id: 90_000 + index })) };
  await send(page, overviewMessage(other, classNames));

  assert.equal(await page.evaluate(() => window.__remapTest.drawnCount()), 3);
  assert.match(await page.locator('.summary').innerText(), /^3 models/);
});

test('loading another view dims the old points', async () => {
  const page = await openStructure();
  const accuracySize = await readFixture('overview-accuracy-size.json');

  await send(page, { type: 'loading', dataset: structure.dataset, projection: 'accuracy-size', classIndex: null });
  const overlay = page.locator('.loading-overlay');
  const dimmed = await page.evaluate(() => getComputedStyle(document.querySelector('.plot-canvas')).opacity);

  assert.equal(await overlay.isVisible(), true);
  assert.equal(await overlay.innerText(), `Loading the accuracy vs size view of ${structure.dataset}…`);
  assert.ok(Number(dimmed) < 0.5, `the old points have opacity ${dimmed}`);
  assert.equal(await page.locator('.summary').innerText(), 'Loading…');
  const position = await pagePosition(page, isolated(structure));
  await page.mouse.move(position.x, position.y);
  assert.equal(await page.locator('.tooltip').isHidden(), true, 'a dimmed point showed its card');

  await send(page, overviewMessage(accuracySize, classNames));

  assert.equal(await overlay.isHidden(), true);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.plot-canvas')).opacity), '1');
});

test('zoom survives a paged reload', async () => {
  const saved = { dataset: structure.dataset, projection: 'structure', classIndex: null, inspectedModelId: null, transform: { x: -300, y: -200, k: 2.25 } };
  const page = await openPage({ state: saved });
  await page.evaluate(() => {
    document.querySelector('.plot-area').style.display = 'none';
  });

  await send(page, { type: 'loading', dataset: structure.dataset, projection: 'structure', classIndex: null });
  await send(page, overviewMessage({ ...structure, points: structure.points.slice(0, 10), nextAfter: structure.points[9].id }, classNames));
  await page.evaluate(() => {
    document.querySelector('.plot-area').style.display = '';
  });
  await send(page, { type: 'appendPoints', points: structure.points.slice(10), complete: true });
  await send(page, { type: 'inspection', data: { model: { ...(await readFixture('model-parent.json')), id: isolated(structure).id }, parent: null, diff: null } });

  assert.deepEqual(await page.evaluate(() => window.__remapTest.transform()), saved.transform);
  assert.deepEqual(await page.evaluate(() => window.__savedState.transform), saved.transform);
});

test('zoom survives a server switch at start', async () => {
  const saved = { dataset: structure.dataset, projection: 'structure', classIndex: null, inspectedModelId: null, transform: { x: -300, y: -200, k: 2.25 } };
  const page = await openPage({ state: saved });

  await send(page, { type: 'serverChanged', url: 'http://127.0.0.1:18999' });
  await send(page, { type: 'loading', dataset: structure.dataset, projection: 'structure', classIndex: null });
  await send(page, overviewMessage(structure, classNames));

  assert.deepEqual(await page.evaluate(() => window.__remapTest.transform()), saved.transform);
});

test('server switch resets a shown zoom', async () => {
  const page = await openStructure();
  await page.evaluate(() => window.__remapTest.zoomBy(2));

  await send(page, { type: 'serverChanged', url: 'http://127.0.0.1:18999' });
  await send(page, overviewMessage(structure, classNames));

  assert.deepEqual(await page.evaluate(() => window.__remapTest.transform()), { x: 0, y: 0, k: 1 });
});

test('tooltip hides while brushing', async () => {
  const page = await openStructure();
  const point = isolated(structure);
  const position = await pagePosition(page, point);
  await page.getByRole('button', { name: 'Select area' }).click();
  await page.mouse.move(position.x, position.y);
  await page.locator('.tooltip').waitFor({ state: 'visible' });

  await page.mouse.down();
  await page.mouse.move(position.x + 60, position.y + 60, { steps: 4 });
  const duringDrag = await page.locator('.tooltip').isVisible();
  const rectangle = await page.evaluate(() => window.__remapTest.brushRectangle());
  await page.mouse.up();

  assert.equal(duringDrag, false, 'the tooltip stayed up while the rectangle was drawn');
  assert.ok(rectangle !== null, 'no rectangle was drawn');
});

test('colour change keeps points while loading', async () => {
  const page = await openStructure();
  const byClass = await readFixture('overview-structure-class6.json');
  await page.evaluate(() => window.__remapTest.zoomBy(1.5));
  await page.evaluate(() => window.__remapTest.draw());
  const zoomed = await page.evaluate(() => window.__remapTest.transform());
  const drawn = await page.evaluate(() => window.__remapTest.drawnCount());

  await page.locator('#class-select').selectOption({ label: `accuracy on ${classNames[6]}` });
  await send(page, { type: 'loading', dataset: structure.dataset, projection: 'structure', classIndex: 6 });

  assert.equal(await page.evaluate(() => window.__remapTest.drawnCount()), drawn);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.plot-canvas')).opacity), '1');
  assert.equal(await page.locator('.loading-overlay').innerText(), `Loading the colours for accuracy on ${classNames[6]}…`);

  await send(page, overviewMessage(byClass, classNames, { classIndex: 6 }));

  assert.deepEqual(await page.evaluate(() => window.__remapTest.transform()), zoomed);
  assert.equal(await page.locator('.loading-overlay').isHidden(), true);
  assert.doesNotMatch(await page.locator('.summary').innerText(), /loading/);
});

test('inspector figures agree with the runs', async () => {
  const page = await openStructure();
  const parent = await readFixture('model-parent.json');
  const onlyRun = { ...parent.runs[0], epochs: [] };
  const model = { ...parent, runCount: 0, testAccuracyMean: null, testAccuracyStd: null, latestRun: null, runs: [onlyRun], training: { ...parent.training, epochs: 1 } };

  await send(page, { type: 'inspection', data: { model, parent: null, diff: null } });
  const metrics = await page.locator('.metrics').innerText();
  const inspector = await page.locator('.inspector').innerText();

  assert.match(metrics, /runs \(seeds\)\s+1\b/);
  assert.ok(metrics.includes(`${(onlyRun.testAccuracy * 100).toFixed(1)}%`), `no test accuracy in "${metrics}"`);
  assert.match(metrics, /\b1 epoch,/);
  assert.match(inspector, /RUNS \(1 SEED\)|Runs \(1 seed\)/);
  assert.doesNotMatch(inspector, /No epochs finished yet/);
  assert.match(inspector, /This run recorded no per-epoch metrics\./);
});

/** The WCAG contrast ratio of two rgb colours. */
function contrast(first, second) {
  const luminance = (rgb) => {
    const [red, green, blue] = rgb.map((channel) => {
      const value = channel / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((left, right) => right - left);
  return (light + 0.05) / (dark + 0.05);
}

for (const theme of ['light', 'dark']) {
  test(`hover ring contrasts in the ${theme} theme`, async () => {
    const page = await openStructure({ theme });
    const position = await pagePosition(page, isolated(structure));
    await page.mouse.move(position.x, position.y);
    await page.locator('.tooltip').waitFor({ state: 'visible' });

    const stroke = await page.evaluate(() => getComputedStyle(document.querySelector('.ring-highlight')).stroke);
    const rgb = stroke.match(/\d+/g).slice(0, 3).map(Number);
    const ratio = contrast(rgb, hexToRgb(themeColour(theme, '--vscode-editor-background')));

    // 4.5:1, above the 3:1 WCAG asks of graphics, because the ring is a thin line among dark discs.
    assert.ok(ratio >= 4.5, `the hover ring ${stroke} has a contrast of ${ratio.toFixed(2)} with the background`);
  });
}

test('confusion matrix labels both axes', async () => {
  const page = await openStructure();
  const child = await readFixture('model-child.json');
  const size = child.latestRun.confusionMatrix.length;

  await send(page, { type: 'inspection', data: { model: child, parent: null, diff: null } });
  const labels = await page.locator('.confusion text.tick').allTextContents();
  const titles = await page.locator('.confusion text.axis-title').allTextContents();

  assert.equal(labels.length, 2 * size);
  for (let index = 0; index < size; index++) {
    assert.ok(labels.includes(String(index)), `no column label ${index}`);
    assert.ok(labels.includes(`${index} ${classNames[index]}`), `no row label for ${classNames[index]}`);
  }

  assert.deepEqual(titles, ['predicted →', 'true ↓']);
});

test('tooltip chip is large enough to read', async () => {
  const page = await openStructure();
  const position = await pagePosition(page, isolated(structure));

  await page.mouse.move(position.x, position.y);
  await page.locator('.tooltip').waitFor({ state: 'visible' });
  const box = await page.locator('.tooltip .chip').boundingBox();

  assert.ok(box.height >= 60, `the chip is ${box.height} pixels high`);
  assert.ok(box.width >= 40, `the chip is ${box.width} pixels wide`);
});

test('one model reads in the singular', async () => {
  const page = await openPage();
  const only = placed(structure)[0];

  await send(page, overviewMessage({ ...structure, modelCount: 1, points: [only] }, classNames));

  assert.match(await page.locator('.summary').innerText(), /^1 model$/);
});
