// Bundles the extension host code (Node, CommonJS, `vscode` left external) and the overview
// webview (browser, one IIFE and one stylesheet). --production minifies; --tests also bundles the
// unit tests into out/ so node's test runner can run them without a TypeScript loader.
import { build } from 'esbuild';
import { readdir } from 'node:fs/promises';

const production = process.argv.includes('--production');
const common = { bundle: true, logLevel: 'warning', minify: production, sourcemap: production ? false : 'linked' };

await build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
});

await build({
  ...common,
  entryPoints: { webview: 'webview/main.ts', 'webview-style': 'webview/styles.css' },
  outdir: 'dist',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
});

if (process.argv.includes('--tests')) {
  const unitTests = (await readdir('test/unit')).filter((name) => name.endsWith('.test.ts'));
  await build({
    ...common,
    entryPoints: unitTests.map((name) => `test/unit/${name}`),
    outdir: 'out/test/unit',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['vscode'],
    sourcemap: 'inline',
  });
}
