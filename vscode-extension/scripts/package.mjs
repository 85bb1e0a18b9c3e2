// Packages the extension into a .vsix: publishes the C# language server framework-dependent into
// server/, bundles the extension in production mode, then runs vsce. Works offline: vsce packs the
// files that .vscodeignore lets through and fetches nothing.
//
// Usage: node scripts/package.mjs [--out FILE.vsix] [--artifacts-path DIR] [--skip-server]
//   --out             where to write the .vsix (default: remap-VERSION.vsix in this folder)
//   --artifacts-path  passed to dotnet publish, so its bin/ and obj/ go there instead of the source tree
//                     (default: $REMAP_ARTIFACTS_PATH when set)
//   --skip-server     keep the server/ folder of an earlier run instead of publishing again
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = resolve(extensionRoot, '..');
const serverFolder = join(extensionRoot, 'server');
const serverProject = join(repositoryRoot, 'src', 'Remap.LanguageServer');
const serverEntry = join(serverFolder, 'remap-language-server.dll');

const options = parseArguments(process.argv.slice(2));
const manifest = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8'));
const vsixPath = resolve(options.out ?? join(extensionRoot, `${manifest.name}-${manifest.version}.vsix`));

if (options.skipServer) {
  if (!exists(serverEntry)) {
    fail(`--skip-server needs an earlier published server, but ${relative(process.cwd(), serverEntry)} is missing. Run without --skip-server.`);
  }
} else {
  publishServer();
}

console.log(`server/: ${formatSize(folderSize(serverFolder))} in ${countFiles(serverFolder)} files`);

// A clean dist/, so the source maps of a development build do not end up in the package.
rmSync(join(extensionRoot, 'dist'), { recursive: true, force: true });
run('node', ['scripts/build.mjs', '--production'], 'the production build');

// The repository has no LICENSE file for the extension yet, and --skip-license lets vsce package without one.
// --no-rewrite-relative-links keeps README links as written, since the package has no public repository to point them at.
const vsce = join(extensionRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
if (!exists(vsce)) {
  fail('vsce is not installed: run `npm ci` in vscode-extension/ first.');
}

run('node', [vsce, 'package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '--out', vsixPath], 'vsce package');
console.log(`${relative(process.cwd(), vsixPath) || vsixPath}: ${formatSize(statSync(vsixPath).size)}`);

function publishServer() {
  if (spawnSync('dotnet', ['--version'], { stdio: 'ignore' }).error) {
    fail('dotnet is not on PATH: install the .NET 10 SDK (https://dotnet.microsoft.com/download) to publish the language server.');
  }

  // A clean folder, so files of an older publish (or of another runtime) do not end up in the package.
  rmSync(serverFolder, { recursive: true, force: true });

  // UseAppHost=false: the extension runs the server with `dotnet`, so the native launcher is not shipped.
  // SatelliteResourceLanguages=en: the server's messages are English, so the dependencies' translated resources are left out.
  const publishArguments = [
    'publish', serverProject,
    '--configuration', 'Release',
    '--output', serverFolder,
    '--nologo',
    '-p:UseAppHost=false',
    '-p:SatelliteResourceLanguages=en',
  ];
  const artifactsPath = options.artifactsPath ?? process.env.REMAP_ARTIFACTS_PATH;
  if (artifactsPath) {
    publishArguments.push('--artifacts-path', artifactsPath);
  }

  run('dotnet', publishArguments, 'dotnet publish of the language server');
  if (!exists(serverEntry)) {
    fail(`dotnet publish finished, but ${serverEntry} is missing: check the AssemblyName of ${serverProject}.`);
  }
}

function parseArguments(argv) {
  const parsed = { out: undefined, artifactsPath: undefined, skipServer: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--skip-server') {
      parsed.skipServer = true;
    } else if (argument === '--out' || argument === '--artifacts-path') {
      const value = argv[++index];
      if (!value || value.startsWith('--')) {
        fail(`${argument} needs a value, such as ${argument === '--out' ? '--out remap.vsix' : '--artifacts-path /tmp/remap-artifacts'}.`);
      }

      parsed[argument === '--out' ? 'out' : 'artifactsPath'] = value;
    } else {
      fail(`unknown option ${argument}. Options: --out FILE.vsix, --artifacts-path DIR, --skip-server.`);
    }
  }

  return parsed;
}

function run(command, argv, stepName) {
  const started = Date.now();
  const result = spawnSync(command, argv, { cwd: extensionRoot, stdio: 'inherit' });
  if (result.error) {
    fail(`${stepName} could not start ${command}: ${result.error.message}`);
  }

  if (result.status !== 0) {
    fail(`${stepName} failed with exit code ${result.status}; its output is above.`);
  }

  console.log(`${stepName}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function folderSize(folder) {
  return walk(folder).reduce((total, file) => total + statSync(file).size, 0);
}

function countFiles(folder) {
  return walk(folder).length;
}

function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
