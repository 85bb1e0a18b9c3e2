// Drives VS Code's workbench in headless Chromium the way a user does: clicks, the command palette
// and the keyboard. The selectors are VS Code's own ids and ARIA labels, as code-server 4.139.1
// (VS Code 1.139.1) renders them.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { waitFor } from './processes.mjs';

const chromiumPath = '/usr/bin/chromium';

// --headless is added by playwright-core for headless: true.
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Debian's Chromium with a fresh profile in userDataDir and HOME set to home. */
export async function launchBrowser(userDataDir, home) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    env: { ...process.env, HOME: home },
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Saves a screenshot per step, numbered in the order taken. */
export class Screenshots {
  constructor(folder) {
    this.folder = folder;
    this.count = 0;
  }

  async take(page, name) {
    await mkdir(this.folder, { recursive: true });
    this.count += 1;
    const path = join(this.folder, `e2e-${String(this.count).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    return path;
  }
}

export async function openWorkbench(page, codeServerUrl, folder) {
  await page.goto(`${codeServerUrl}/?folder=${encodeURIComponent(folder)}`);
  await waitFor('the VS Code workbench did not load in the browser', () => page.locator('.monaco-workbench .part.editor').count(), {
    timeoutMilliseconds: 90_000,
  });
}

/** Opens a file of the workspace root from the Explorer and waits for its editor tab. */
export async function openFileFromExplorer(page, fileName) {
  const item = page.getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(fileName)}\\b`) });
  await waitFor(`the Explorer did not list ${fileName}`, () => item.count(), { timeoutMilliseconds: 60_000 });
  await item.first().click();
  await waitFor(`no editor tab opened for ${fileName}`, () => page.locator(`.tabs-container .tab[aria-label^="${fileName}"]`).count(), {
    timeoutMilliseconds: 30_000,
  });
}

/** Returns the error count that the status bar's Problems item shows ("Errors: 1"), or 0. */
export async function problemErrorCount(page) {
  const label = (await page.locator('#status\\.problems').first().getAttribute('aria-label').catch(() => null)) ?? '';
  const match = /Errors?: (\d+)/i.exec(label);
  return match ? Number(match[1]) : 0;
}

/** Opens the command palette, types the title, and returns the labels of the matching rows. */
export async function findCommands(page, title) {
  await closeQuickInput(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitFor('the command palette did not open on F1', () => input.isVisible(), { timeoutMilliseconds: 15_000 });
  await input.fill(`>${title}`);

  // The list filters as the user types; wait until it has settled on rows for this text.
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  return waitFor(
    `the command palette shows no command for "${title}"`,
    async () => {
      const labels = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
      return labels.some((label) => label.startsWith(title)) ? labels : null;
    },
    { timeoutMilliseconds: 15_000 },
  ).catch(async (error) => {
    const labels = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    await closeQuickInput(page);
    throw new Error(`${error.message}; rows shown: ${labels.length ? labels.join(' | ') : 'none'}. Is the extension installed and active?`);
  });
}

/** Runs a command from the palette by its full title, such as "Remap: Train Model". */
export async function runCommand(page, title) {
  await findCommands(page, title);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.click();
}

export async function closeQuickInput(page) {
  if (await page.locator('.quick-input-widget').isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
  }
}

/** Replaces one line of the active editor with text, typed as a user would (Go to Line, select, type). */
export async function replaceLine(page, lineNumber, text) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitFor('Go to Line (Ctrl+G) did not open', () => input.isVisible(), { timeoutMilliseconds: 10_000 });
  await input.fill(`:${lineNumber}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(text);
}

/** Sets a string setting in the Settings editor, as a user does: search for its id, then type the value. */
export async function setSettingInSettingsEditor(page, settingId, value, { scope = 'user' } = {}) {
  if (!(await page.locator('.settings-editor').isVisible().catch(() => false))) {
    await runCommand(page, 'Preferences: Open User Settings');
  }

  // code-server runs extensions on its own machine, so a machine-scoped setting is listed only under
  // the "Remote" tab, as in any remote window of VS Code.
  if (scope === 'remote') {
    const remoteTab = page.locator('.settings-editor .settings-tabs-widget .action-label', { hasText: /^Remote/ }).first();
    await remoteTab.click({ timeout: 10_000 });
  }

  // The search box is a small Monaco editor that takes keys only once it has focus; the list
  // filters as the user types, so each attempt waits for the setting's row.
  const searchBox = page.locator('.settings-editor .settings-header .suggest-input-container').first();
  const input = page.locator(`.settings-editor .setting-item input[aria-label="${settingId}"]`).first();
  await waitFor(
    `the Settings editor shows no text box for ${settingId}`,
    async () => {
      await searchBox.click();
      const focused = await page.evaluate(() => document.activeElement?.closest('.settings-header') !== null);
      if (!focused) {
        return false;
      }

      await page.keyboard.press('Control+A');
      await page.keyboard.type(settingId);
      return waitFor(`no row for ${settingId}`, () => input.isVisible(), { timeoutMilliseconds: 5_000 }).catch(() => false);
    },
    { timeoutMilliseconds: 30_000 },
  );
  await input.fill(value);

  // The Settings editor writes a text setting after a short pause in typing.
  await input.press('Tab');
}

/** Closes the Settings editor with the close button of the modal dialog it opens in (VS Code 1.139). */
export async function closeSettingsEditor(page) {
  const editor = page.locator('.settings-editor');
  const closeButton = page.locator('.modal-editor-action-container a[aria-label^="Close Modal Editor"]').first();
  if (await closeButton.isVisible().catch(() => false)) {
    await closeButton.click({ timeout: 10_000 });
  }

  await waitFor('the Settings editor did not close', async () => !(await editor.isVisible().catch(() => false)), { timeoutMilliseconds: 10_000 });
}

/** Texts of the notification toasts, the open notification list and dialogs, to explain a failed step. */
export async function visibleNotifications(page) {
  const toasts = await page.locator('.notification-toast .notification-list-item-message, .notifications-center .notification-list-item-message').allInnerTexts().catch(() => []);
  const dialogs = await page.locator('.monaco-dialog-box .dialog-message-container').allInnerTexts().catch(() => []);
  return [...toasts, ...dialogs].map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text.length > 0);
}

/** Opens the Remap view container from the activity bar and waits for its Jobs view. */
export async function openRemapViews(page) {
  // The label sits on the item or on its link, depending on the VS Code version.
  const remap = page.locator('.activitybar .action-item[aria-label^="Remap"], .activitybar .action-item:has(a[aria-label^="Remap"])').first();
  await waitFor('the activity bar has no Remap item', () => remap.count(), { timeoutMilliseconds: 30_000 });

  // Clicking the item of the view container already shown would hide the side bar.
  const shown = (await remap.getAttribute('aria-selected')) === 'true' || (await remap.getAttribute('class'))?.split(' ').includes('checked');
  if (!shown) {
    await remap.click();
  }

  await waitFor('the Remap side bar shows no Jobs view', () => page.locator('.pane-header[aria-label^="Jobs"]').count(), {
    timeoutMilliseconds: 30_000,
  });
}

/** Returns the labels and texts of the rows of a side bar view, found by its name ("Jobs", "Models"). */
export async function viewRowLabels(page, viewName) {
  const pane = page.locator('.pane', { has: page.locator(`.pane-header[aria-label^="${viewName}"]`) }).first();
  return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => `${row.getAttribute('aria-label') ?? ''} ${row.textContent ?? ''}`.trim()));
}

/**
 * Returns the largest data-point-count that any frame of the page shows. Webviews run in nested
 * iframes, and the overview puts the number of drawn points on its canvas's container.
 */
export async function overviewPointCount(page) {
  let largest = -1;
  for (const frame of page.frames()) {
    const value = await frame
      .evaluate(() => document.querySelector('[data-point-count]')?.getAttribute('data-point-count') ?? null)
      .catch(() => null);
    if (value !== null && Number(value) > largest) {
      largest = Number(value);
    }
  }

  return largest;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Returns, per row of a view, the CSS background image of the row's icon: a tree item whose
 * iconPath is a file gets it as url(...), a codicon gets none.
 */
export async function viewRowIcons(page, viewName) {
  const pane = page.locator('.pane', { has: page.locator(`.pane-header[aria-label^="${viewName}"]`) }).first();
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => {
      const icon = row.querySelector('.custom-view-tree-node-item-icon');
      return icon ? getComputedStyle(icon).backgroundImage : 'none';
    }),
  );
}
