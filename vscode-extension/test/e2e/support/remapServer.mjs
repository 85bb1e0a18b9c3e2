// A real Remap server for the end-to-end test: `remap serve` built from src/Remap.Cli, on a temporary
// SQLite database, with the bundled Fashion-MNIST sample as its dataset.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startProcess, stopProcess, waitFor } from './processes.mjs';

export const datasetName = 'fashion-mnist-sample';

/** Builds src/Remap.Cli in Release and returns the path of remap.dll. */
export function buildCli(repositoryRoot, artifactsPath) {
  const project = join(repositoryRoot, 'src', 'Remap.Cli');
  const common = ['-c', 'Release', '--nologo'];
  if (artifactsPath) {
    common.push('--artifacts-path', artifactsPath);
  }

  const build = spawnSync('dotnet', ['build', project, ...common], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.error || build.status !== 0) {
    throw new Error(`dotnet build ${project} failed: ${build.error?.message ?? lastLines(build.stdout + build.stderr, 30)}`);
  }

  const property = spawnSync('dotnet', ['build', project, ...common, '-getProperty:TargetPath'], { encoding: 'utf8' });
  const targetPath = property.stdout.trim();
  if (property.status !== 0 || !targetPath.endsWith('.dll')) {
    throw new Error(`could not read the TargetPath of ${project}: ${property.stdout}${property.stderr}`);
  }

  return targetPath;
}

/** Starts `remap serve` on a free loopback port and waits until it lists the sample dataset. */
export async function startRemapServer({ cliPath, databasePath, logPath, environment }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  // One TorchSharp thread: code-server, Chromium and the language server share the machine's cores.
  const server = startProcess('dotnet', [cliPath, 'serve', '--urls', url, '--database', databasePath, '--torch-threads', '1'], {
    env: environment,
    logPath,
  });

  try {
    await waitFor(
      `remap serve at ${url} did not list the dataset ${datasetName} (log: ${logPath})`,
      async () => {
        if (server.child.exitCode !== null) {
          throw new Error(`remap serve exited with code ${server.child.exitCode}: ${lastLines(await readFile(logPath, 'utf8'), 20)}`);
        }

        const datasets = await getJson(url, '/api/v1/datasets');
        return datasets.some((dataset) => dataset.name === datasetName);
      },
      { timeoutMilliseconds: 90_000 },
    );
  } catch (error) {
    await stopProcess(server);
    throw error;
  }

  return { url, process: server, stop: () => stopProcess(server) };
}

export async function getJson(baseUrl, path) {
  const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) {
    throw new Error(`GET ${path} returned ${response.status}`);
  }

  return response.json();
}

export function lastLines(text, count) {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
