// Loads the built overview page (dist/webview.js and dist/webview-style.css) in headless Chromium,
// with the HTML and Content-Security-Policy of the real panel (renderOverviewHtml, bundled here from
// src/overview/html.ts) and a stand-in for VS Code's acquireVsCodeApi that records what the page
// posts. The page is served from 127.0.0.1; nothing else is contacted.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(root, 'test', 'fixtures');
export const resultsFolder = join(root, 'test-results');

export async function readFixture(name) {
  return JSON.parse(await readFile(join(fixtures, name), 'utf8'));
}

/** The panel's HTML function, bundled from TypeScript so the test checks the policy the panel sends. */
async function loadHtmlModule(folder) {
  const outfile = join(folder, 'html.mjs');
  await build({ entryPoints: [join(root, 'src', 'overview', 'html.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

const themes = {
  light: {
    '--vscode-font-family': 'sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-editor-background': '#ffffff',
    '--vscode-editor-foreground': '#1f1f1f',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#717171',
    '--vscode-errorForeground': '#e51400',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#388a34',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#0258a8',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-dropdown-background': '#ffffff',
    '--vscode-dropdown-foreground': '#3b3b3b',
    '--vscode-dropdown-border': '#cecece',
    '--vscode-editorHoverWidget-background': '#f8f8f8',
    '--vscode-editorHoverWidget-border': '#c8c8c8',
    '--vscode-editorWidget-border': '#c8c8c8',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-editor-selectionBackground': '#add6ff',
    '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.16)',
  },
  dark: {
    '--vscode-font-family': 'sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-errorForeground': '#f85149',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-button-background': '#0078d4',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#026ec1',
    '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-dropdown-background': '#313131',
    '--vscode-dropdown-foreground': '#cccccc',
    '--vscode-dropdown-border': '#3c3c3c',
    '--vscode-editorHoverWidget-background': '#202020',
    '--vscode-editorHoverWidget-border': '#454545',
    '--vscode-editorWidget-border': '#454545',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-editor-selectionBackground': '#264f78',
    '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.36)',
  },
};

export function themeColour(theme, name) {
  return themes[theme][name];
}

const contentTypes = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Starts the page server and the browser; call close() when done. */
export async function startHarness({ deviceScaleFactor = 1 } = {}) {
  for (const file of ['webview.js', 'webview-style.css']) {
    if (!existsSync(join(root, 'dist', file))) {
      throw new Error(`dist/${file} is missing: run "node scripts/build.mjs" before the webview tests.`);
    }
  }

  const folder = await mkdtemp(join(tmpdir(), 'remap-webview-test-'));
  const html = await loadHtmlModule(folder);
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    if (path === '/index.html') {
      const origin = `http://127.0.0.1:${server.address().port}`;
      const page = html.renderOverviewHtml({ cspSource: origin, scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/dist/webview-style.css`, nonce: html.createNonce() });
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page);
      return;
    }

    if (path === '/favicon.ico') {
      // Chromium requests it on its own, and a webview has none, so the response is empty.
      response.writeHead(204).end();
      return;
    }

    const match = /^\/dist\/([\w.-]+)$/.exec(path);
    if (!match) {
      response.writeHead(404).end();
      return;
    }

    try {
      const body = await readFile(join(root, 'dist', match[1]));
      response.writeHead(200, { 'Content-Type': contentTypes[match[1].slice(match[1].lastIndexOf('.'))] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  const home = join(folder, 'home');
  const context = await chromium.launchPersistentContext(join(folder, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
    viewport: { width: 1200, height: 760 },
    deviceScaleFactor,
  });
  const url = `http://127.0.0.1:${server.address().port}/index.html`;

  return {
    html,
    /**
     * Opens the page with a theme and the state VS Code would hand back from getState. Returns the
     * page and the problems seen on it: CSP violations, console errors and uncaught exceptions.
     */
    async open({ theme = 'light', state = null } = {}) {
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`console error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await page.exposeFunction('__reportViolation', (text) => problems.push(`CSP violation: ${text}`));
      await page.addInitScript(
        ({ variables, initialState }) => {
          document.addEventListener('securitypolicyviolation', (event) => {
            window.__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
          });
          // VS Code sets the theme variables on <html>, which does not exist yet when this runs.
          const applyTheme = () => {
            for (const [name, value] of Object.entries(variables)) {
              document.documentElement.style.setProperty(name, value);
            }
          };
          if (document.documentElement) {
            applyTheme();
          } else {
            const observer = new MutationObserver(() => {
              if (document.documentElement) {
                observer.disconnect();
                applyTheme();
              }
            });
            observer.observe(document, { childList: true });
          }

          window.__posted = [];
          window.__savedState = initialState;
          let acquired = false;
          window.acquireVsCodeApi = () => {
            if (acquired) {
              throw new Error('acquireVsCodeApi was called twice; VS Code allows one call.');
            }

            acquired = true;
            return {
              postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
              getState: () => window.__savedState,
              setState: (value) => {
                window.__savedState = JSON.parse(JSON.stringify(value));
              },
            };
          };
        },
        { variables: themes[theme], initialState: state },
      );
      await page.goto(url);
      await page.waitForFunction(() => window.__posted.some((message) => message.type === "ready"), null, { timeout: 5000 }).catch((error) => {
        throw new Error(`The page did not post ready: ${problems.join("; ") || error.message}`);
      });
      return { page, problems };
    },
    async close() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Delivers a host message the way VS Code does: as a window message event. */
export async function send(page, message) {
  await page.evaluate((value) => window.postMessage(value, '*'), message);
  // Two animation frames: the message handler runs, then the requested draw.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function posted(page, type) {
  return page.evaluate((wanted) => window.__posted.filter((message) => message.type === wanted), type);
}

/** Builds the overview message the panel posts for a recorded GET /api/v1/overview response. */
export function overviewMessage(response, classNames, { projection = response.projection, classIndex = response.classIndex ?? null } = {}) {
  return {
    type: 'overview',
    data: {
      dataset: response.dataset,
      projection,
      classIndex,
      classNames,
      modelCount: response.modelCount,
      points: response.points,
      bounds: response.bounds,
      complete: response.nextAfter === null || response.nextAfter === undefined,
    },
  };
}

/** Reads the RGBA of the canvas pixel under a point given in CSS pixels from the plot's top left. */
export async function pixelAt(page, x, y) {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector('.plot-canvas');
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      return Array.from(canvas.getContext('2d').getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data);
    },
    [x, y],
  );
}

/** Counts the canvas pixels in a square around a point whose colour is within `tolerance` of an rgb colour. */
export async function countColour(page, x, y, half, rgb, tolerance = 40) {
  return page.evaluate(
    ([px, py, size, colour, limit]) => {
      const canvas = document.querySelector('.plot-canvas');
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const left = Math.round((px - size) * ratio);
      const top = Math.round((py - size) * ratio);
      const side = Math.round(2 * size * ratio);
      const data = canvas.getContext('2d').getImageData(left, top, side, side).data;
      let count = 0;
      for (let index = 0; index < data.length; index += 4) {
        if (data[index + 3] > 200 && Math.abs(data[index] - colour[0]) + Math.abs(data[index + 1] - colour[1]) + Math.abs(data[index + 2] - colour[2]) <= limit) {
          count++;
        }
      }

      return count;
    },
    [x, y, half, rgb, tolerance],
  );
}

export function hexToRgb(hex) {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
}
