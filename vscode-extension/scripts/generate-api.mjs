// Generates src/api/schema.ts from the committed OpenAPI document, so the REST client's types
// always match what the server serves. With --check it only compares, and fails when the
// committed file is stale (CI runs the check; run `npm run generate-api` to fix it).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const documentUrl = new URL('../../openapi/remap.v1.json', import.meta.url);
const schemaPath = fileURLToPath(new URL('../src/api/schema.ts', import.meta.url));
const header = '// Generated from openapi/remap.v1.json by `npm run generate-api`. Do not edit.\n\n';

const ast = await openapiTS(JSON.parse(await readFile(documentUrl, 'utf8')));
const generated = header + astToString(ast);

if (process.argv.includes('--check')) {
  const committed = await readFile(schemaPath, 'utf8').catch(() => '');
  if (committed !== generated) {
    console.error('src/api/schema.ts is stale: openapi/remap.v1.json changed. Run `npm run generate-api` in vscode-extension and commit the result.');
    process.exit(1);
  }
  console.log('src/api/schema.ts matches openapi/remap.v1.json');
} else {
  await writeFile(schemaPath, generated);
  console.log(`wrote ${schemaPath}`);
}
