// End to end in a real VS Code: code-server runs the packaged extension against a real Remap
// server, and headless Chromium plays the user. The steps depend on each other, so after a failed
// step the later ones are skipped with the name of the step they need.
//
// Inputs (environment): REMAP_E2E_VSIX, a .vsix to install (default: package one first);
// REMAP_ARTIFACTS_PATH, passed to dotnet as --artifacts-path.
// Outputs: a screenshot per step and the logs in vscode-extension/test-results/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkHarness, installExtension, prepareCodeServer, startCodeServer, writeUserSettings } from './support/codeServer.mjs';
import { waitFor } from './support/processes.mjs';
import { buildCli, datasetName, getJson, startRemapServer } from './support/remapServer.mjs';
import {
  closeSettingsEditor,
  findCommands,
  launchBrowser,
  openFileFromExplorer,
  openRemapViews,
  openWorkbench,
  overviewPointCount,
  problemErrorCount,
  replaceLine,
  runCommand,
  Screenshots,
  setSettingInSettingsEditor,
  viewRowIcons,
  viewRowLabels,
  visibleNotifications,
} from './support/workbench.mjs';

const extensionRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const repositoryRoot = resolve(extensionRoot, '..');
const harnessFolder = join(extensionRoot, 'test', 'e2e', 'harness');
const resultsFolder = join(extensionRoot, 'test-results');

const modelName = 'e2e_mlp';
const fileName = 'model.remap';

// Line 8 names a layer that does not exist; the fix replaces it with relu.
const brokenLine = 8;
const source = `# A small network for the end-to-end test: one epoch on the bundled sample.
model ${modelName}
input 1x28x28
classes 10
dataset ${datasetName}

flatten
relux
dense units=32
relu
dense units=10

training {
  epochs = 1
  batch_size = 128
  seed = 7
}
`;

describe('extension in code-server', { timeout: 20 * 60_000 }, () => {
  let root;
  let remapServer;
  let codeServer;
  let browser;
  let page;
  let screenshots;
  let failedStep;
  let trainedModel;
  let trainedJob;
  let instance;
  let userSettings;

  /** Declares a step of the scenario, skipped when an earlier one failed, with a screenshot when it fails. */
  function step(name, body) {
    it(name, async (context) => {
      if (failedStep) {
        context.skip(`needs the step "${failedStep}"`);
        return;
      }

      try {
        await body();
      } catch (error) {
        failedStep = name;
        const notifications = page ? await visibleNotifications(page) : [];
        if (page) {
          await screenshots.take(page, 'failed').catch(() => undefined);
        }

        const onScreen = notifications.length ? ` Notifications on screen: ${notifications.join(' | ')}` : '';
        error.message = `${error.message}.${onScreen} Screenshots and logs: ${join(resultsFolder, 'e2e')}`;
        throw error;
      }
    });
  }

  before(async () => {
    checkHarness(harnessFolder);
    root = await mkdtemp(join(tmpdir(), 'remap-e2e-'));
    await rm(join(resultsFolder, 'e2e'), { recursive: true, force: true });
    screenshots = new Screenshots(join(resultsFolder, 'e2e'));

    const vsixPath = process.env.REMAP_E2E_VSIX || packageExtension(join(root, 'remap.vsix'));
    const cliPath = buildCli(repositoryRoot, process.env.REMAP_ARTIFACTS_PATH);
    remapServer = await startRemapServer({
      cliPath,
      databasePath: join(root, 'remap.db'),
      logPath: join(root, 'remap-server.log'),
      environment: { ...process.env, HOME: join(root, 'remap-home'), DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });

    instance = await prepareCodeServer(harnessFolder, root);
    installExtension(instance, vsixPath);
    userSettings = {
      'remap.server.url': remapServer.url,
      'remap.trace.server': 'messages',
      'remap.server.startLocally': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
    };
    await writeUserSettings(instance, userSettings);

    const workspace = join(root, 'workspace');
    await mkdir(workspace);
    await writeFile(join(workspace, fileName), source);

    codeServer = await startCodeServer(instance, join(root, 'code-server.log'));
    const browserHome = join(root, 'browser-home');
    await mkdir(browserHome);
    ({ context: browser, page } = await launchBrowser(join(root, 'chromium-profile'), browserHome));
    await openWorkbench(page, codeServer.url, workspace);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await remapServer?.stop();
    if (root) {
      await keepLogs(root);
      await rm(root, { recursive: true, force: true });
    }
  });

  step('squiggle marks the unknown layer', async () => {
    await openFileFromExplorer(page, fileName);
    await waitFor(
      `no error squiggle appeared in ${fileName} (the language server published no diagnostics; see logs/Remap Language Server)`,
      async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0 && (await problemErrorCount(page)) > 0,
      { timeoutMilliseconds: 90_000 },
    );
    await screenshots.take(page, 'squiggle');

    assert.equal(await problemErrorCount(page), 1, 'the status bar counts one error');
  });

  step('fixing the file clears it', async () => {
    await replaceLine(page, brokenLine, 'relu');
    await page.keyboard.press('Control+S');
    await waitFor(
      'the error squiggle stayed after line 8 became "relu"',
      async () => (await page.locator('.monaco-editor .squiggly-error').count()) === 0 && (await problemErrorCount(page)) === 0,
      { timeoutMilliseconds: 30_000 },
    );
    await waitFor(`${fileName} was not saved (its tab still shows unsaved changes)`, async () => (await page.locator('.tabs-container .tab.dirty').count()) === 0, {
      timeoutMilliseconds: 10_000,
    });
    await screenshots.take(page, 'fixed');
  });

  step('palette lists the Remap commands', async () => {
    const rows = await findCommands(page, 'Remap: Train Model');
    await screenshots.take(page, 'palette');

    assert.ok(rows.includes('Remap: Train Model'), `rows: ${rows.join(' | ')}`);
    await findCommands(page, 'Remap: Open Overview');
    await page.keyboard.press('Escape');
  });

  step('trace setting logs the protocol', async () => {
    // remap.trace.server is "messages" in the user settings, so the client logs each message it sends.
    await waitFor(
      'the "Remap Language Server" output has no trace of textDocument/didOpen',
      async () => (await readLanguageServerLog(root)).includes("Sending notification 'textDocument/didOpen'"),
      { timeoutMilliseconds: 20_000 },
    );
  });

  step('languageServer.path change restarts it', async () => {
    const startsBefore = countStarts(await readLanguageServerLog(root));
    const missingServer = join(root, 'missing', 'remap-language-server.dll');
    await setSettingInSettingsEditor(page, 'remap.languageServer.path', missingServer, { scope: 'remote' });
    await waitFor(
      'the extension logged no restart after remap.languageServer.path was set in the Settings editor',
      async () => (await readLanguageServerLog(root)).includes('remap.languageServer.path changed'),
      { timeoutMilliseconds: 20_000 },
    );

    // A toast can be hidden behind the Settings dialog, so the notification list is opened when none shows.
    const namesMissingServer = async () =>
      (await visibleNotifications(page)).some((text) => text.includes('remap.languageServer.path') && text.includes(missingServer));
    if (!(await waitFor('toast', namesMissingServer, { timeoutMilliseconds: 10_000 }).catch(() => false))) {
      await runCommand(page, 'Notifications: Show Notifications');
    }

    await waitFor('no error message named the missing remap.languageServer.path', namesMissingServer, { timeoutMilliseconds: 20_000 });
    await screenshots.take(page, 'server-path-error');

    await setSettingInSettingsEditor(page, 'remap.languageServer.path', '', { scope: 'remote' });
    await waitFor(
      'the bundled language server did not start again after remap.languageServer.path was cleared',
      async () => countStarts(await readLanguageServerLog(root)) > startsBefore,
      { timeoutMilliseconds: 30_000 },
    );
    await closeSettingsEditor(page);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator(`.tabs-container .tab[aria-label^="${fileName}"]`).first().click();
  });

  step('Train Model queues a job', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Remap: Train Model');

    trainedModel = await waitFor(
      `no model named ${modelName} reached the Remap server after "Remap: Train Model"`,
      async () => (await getJson(remapServer.url, '/api/v1/models')).find((model) => model.name === modelName),
      { timeoutMilliseconds: 60_000 },
    );
    trainedJob = await waitFor(
      `the Remap server has no job for model ${trainedModel.id}`,
      async () => (await getJson(remapServer.url, '/api/v1/jobs')).find((job) => job.modelId === trainedModel.id),
      { timeoutMilliseconds: 30_000 },
    );
    await screenshots.take(page, 'train');
  });

  step('Jobs view shows the job', async () => {
    await openRemapViews(page);

    // A job row names its model or its id; which of the two is up to the view.
    const rows = await waitFor(
      `the Jobs view shows no row for job ${trainedJob.id} of model ${modelName}`,
      async () => {
        const labels = await viewRowLabels(page, 'Jobs');
        return labels.some((label) => label.includes(modelName) || label.includes(`#${trainedJob.id}`)) ? labels : null;
      },
      { timeoutMilliseconds: 60_000 },
    );
    await screenshots.take(page, 'jobs');

    const finished = await waitFor(
      `job ${trainedJob.id} did not finish training`,
      async () => {
        const job = await getJson(remapServer.url, `/api/v1/jobs/${trainedJob.id}`);
        return ['succeeded', 'failed', 'cancelled', 'diverged'].includes(job.state) ? job : null;
      },
      { timeoutMilliseconds: 5 * 60_000, intervalMilliseconds: 2_000 },
    );
    assert.equal(finished.state, 'succeeded', `job ${trainedJob.id} ended ${finished.state}: ${finished.error ?? ''}`);

    // The row follows the job's state live (server-sent events). It changes once training ends,
    // unless the job had already finished when the view first showed it, and then it shows the end state.
    await waitFor(
      `the Jobs view row of job ${trainedJob.id} shows neither a change nor "succeeded" nor an accuracy after the job succeeded`,
      async () => {
        const labels = await viewRowLabels(page, 'Jobs');
        const row = labels.find((label) => label.includes(modelName) || label.includes(`#${trainedJob.id}`)) ?? '';
        return labels.join('\n') !== rows.join('\n') || /succeeded|\d+(\.\d+)?\s?%/i.test(row);
      },
      { timeoutMilliseconds: 30_000 },
    );
    await screenshots.take(page, 'jobs-done');

    // The row's icon is the model's architecture chip, an SVG file the extension wrote.
    await waitFor(
      `the Jobs view row of job ${trainedJob.id} has no architecture chip as its icon (an SVG background image named chip-…)`,
      async () => (await viewRowIcons(page, 'Jobs')).some((image) => /chip-[^"')]*\.svg/.test(image)),
      { timeoutMilliseconds: 30_000 },
    );
  });

  step('overview shows the new point', async () => {
    await runCommand(page, 'Remap: Open Overview');
    const models = (await getJson(remapServer.url, `/api/v1/models?dataset=${datasetName}`)).length;

    const points = await waitFor(
      'the overview webview shows no drawn point (no element with data-point-count ≥ 1 in its frames)',
      async () => {
        const count = await overviewPointCount(page);
        return count >= 1 ? count : null;
      },
      { timeoutMilliseconds: 60_000 },
    );
    await screenshots.take(page, 'overview');

    assert.equal(points, models, `the overview draws one point per model of ${datasetName}`);
  });
});

function packageExtension(vsixPath) {
  const result = spawnSync('node', ['scripts/package.mjs', '--out', vsixPath], { cwd: extensionRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`node scripts/package.mjs failed: ${(result.stdout + result.stderr).trim().split('\n').slice(-20).join('\n')}`);
  }

  return vsixPath;
}

/** Reads the log file of the "Remap Language Server" output channel that code-server writes under its user data. */
async function readLanguageServerLog(root) {
  const logs = join(root, 'user-data', 'logs');
  const files = await readdir(logs, { recursive: true }).catch(() => []);
  const file = files.find((path) => path.endsWith('Remap Language Server.log'));
  return file ? readFile(join(logs, file), 'utf8') : '';
}

function countStarts(log) {
  return log.split('Starting the language server:').length - 1;
}

/** Copies the servers' logs and VS Code's own logs (extension host, output channels) next to the screenshots. */
async function keepLogs(root) {
  const target = join(resultsFolder, 'e2e', 'logs');
  await mkdir(target, { recursive: true });
  for (const name of ['code-server.log', 'remap-server.log']) {
    await cp(join(root, name), join(target, name)).catch(() => undefined);
  }

  await cp(join(root, 'user-data', 'logs'), join(target, 'vscode'), { recursive: true }).catch(() => undefined);
}
