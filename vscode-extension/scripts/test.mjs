// The extension's whole test run, in order: the generated API types are current, the TypeScript
// typechecks, the bundles build, then the unit tests, the webview tests in headless Chromium and
// the end-to-end test in code-server, each with node's test runner. It ends with one plain line,
// "extension: N passed, N failed", which counts the tests and one failure per check that failed
// or test run that crashed without a counted failure.
//
// Usage: node scripts/test.mjs [--skip-e2e]
// Environment: REMAP_ARTIFACTS_PATH is passed to dotnet as --artifacts-path; REMAP_E2E_VSIX
// names a .vsix for the end-to-end test instead of packaging one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const skipEndToEnd = process.argv.includes('--skip-e2e');
const unknown = process.argv.slice(2).filter((argument) => argument !== '--skip-e2e');
if (unknown.length > 0) {
  console.error(`test: unknown option ${unknown.join(' ')}. Options: --skip-e2e.`);
  process.exit(2);
}

const reports = mkdtempSync(join(tmpdir(), 'remap-extension-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

check('generated API types are current', 'node', ['scripts/generate-api.mjs', '--check']);
check('typecheck', 'node', [join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']);
const built = check('build with unit tests', 'node', ['scripts/build.mjs', '--tests']);

// The webview tests load dist/webview.js, so they need the build too.
if (built) {
  testFiles('unit tests', 'out/test/unit', '.test.mjs');
  testFiles('webview tests', 'test/webview', '.test.mjs');
} else {
  note('unit and webview tests', 'not run: the build failed');
}

if (skipEndToEnd) {
  note('end-to-end test', 'skipped (--skip-e2e)');
} else {
  const vsixPath = process.env.REMAP_E2E_VSIX || join(extensionRoot, 'test-results', 'remap-e2e.vsix');
  const packaged = process.env.REMAP_E2E_VSIX ? true : check('package the .vsix', 'node', ['scripts/package.mjs', '--out', vsixPath]);
  if (packaged) {
    testFiles('end-to-end test', 'test/e2e', '.test.mjs', { REMAP_E2E_VSIX: vsixPath });
  } else {
    note('end-to-end test', 'not run: packaging failed');
  }
}

rmSync(reports, { recursive: true, force: true });
console.log('\nSummary:');
for (const line of summary) {
  console.log(`  ${line}`);
}

if (totals.skipped > 0) {
  console.log(`  skipped tests: ${totals.skipped}`);
}

console.log(`extension: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);

/** Runs a command that is not a test runner; its failure counts as one failed test. */
function check(name, command, argv) {
  heading(name);
  const started = Date.now();
  const result = spawnSync(command, argv, { cwd: extensionRoot, stdio: 'inherit' });
  const ok = !result.error && result.status === 0;
  if (!ok) {
    totals.failed += 1;
  }

  const reason = result.error ? `could not start: ${result.error.message}` : `exit code ${result.status}`;
  summary.push(`${name}: ${ok ? 'ok' : `FAILED (${reason})`} in ${seconds(started)}`);
  return ok;
}

/** Runs node's test runner on the files of a folder that end with suffix, and adds up its TAP summary. */
function testFiles(name, folder, suffix, environment = {}) {
  const files = existsSync(join(extensionRoot, folder))
    ? readdirSync(join(extensionRoot, folder))
        .filter((file) => file.endsWith(suffix))
        .sort()
        .map((file) => join(folder, file))
    : [];
  if (files.length === 0) {
    note(name, `no ${suffix} files in ${folder}`);
    return;
  }

  heading(`${name}: ${files.join(' ')}`);
  const started = Date.now();
  const tapPath = join(reports, `${name.replace(/\W+/g, '-')}.tap`);
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapPath}`, ...files],
    { cwd: extensionRoot, stdio: 'inherit', env: { ...process.env, ...environment } },
  );

  const counts = readTapSummary(tapPath);
  let failed = counts.failed;
  if ((result.error || result.status !== 0) && failed === 0) {
    // A crash or a failed hook outside any test: count it, so the run cannot pass.
    failed = 1;
  }

  totals.passed += counts.passed;
  totals.failed += failed;
  totals.skipped += counts.skipped;
  summary.push(`${name}: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped in ${seconds(started)}`);
}

/** Reads the "# pass N" lines that node's TAP reporter ends with; cancelled tests count as failed. */
function readTapSummary(tapPath) {
  const text = existsSync(tapPath) ? readFileSync(tapPath, 'utf8') : '';
  const value = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: value('pass'), failed: value('fail') + value('cancelled'), skipped: value('skipped') + value('todo') };
}

function note(name, text) {
  summary.push(`${name}: ${text}`);
}

function heading(text) {
  console.log(`\n=== ${text}`);
}

function seconds(started) {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
