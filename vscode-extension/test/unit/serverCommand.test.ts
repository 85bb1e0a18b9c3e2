import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  bundledServerFileName,
  findDotnet,
  hasCompatibleRuntime,
  parseRuntimeList,
  resolveServerCommand,
  ServerCommandError,
} from '../../src/language/serverCommand';

const runtimeList = [
  'Microsoft.AspNetCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]',
  'Microsoft.NETCore.App 8.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]',
  'Microsoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]',
].join('\n');

let root: string;
let extensionPath: string;
let dotnetFolder: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'remap-server-command-'));
  extensionPath = join(root, 'extension');
  dotnetFolder = join(root, 'dotnet');
  await mkdir(join(extensionPath, 'server'), { recursive: true });
  await mkdir(dotnetFolder);
  await writeFile(join(extensionPath, 'server', bundledServerFileName), '');
  await writeFile(
    join(extensionPath, 'server', 'remap-language-server.runtimeconfig.json'),
    JSON.stringify({ runtimeOptions: { tfm: 'net10.0', framework: { name: 'Microsoft.NETCore.App', version: '10.0.0' } } }),
  );
  await writeFile(join(dotnetFolder, 'dotnet'), '#!/bin/sh\nexit 0\n');
  await chmod(join(dotnetFolder, 'dotnet'), 0o755);
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

test('bundled server runs with dotnet', async () => {
  const command = await resolveServerCommand({
    extensionPath,
    configuredPath: '',
    environment: { PATH: dotnetFolder },
    listRuntimes: async () => runtimeList,
  });

  assert.equal(command.command, join(dotnetFolder, 'dotnet'));
  assert.deepEqual(command.args, [join(extensionPath, 'server', bundledServerFileName)]);
});

test('missing dotnet names what to install', async () => {
  const error = await resolveServerCommand({ extensionPath, configuredPath: '', environment: { PATH: join(root, 'empty') } }).catch((caught: unknown) => caught);

  assert.ok(error instanceof ServerCommandError);
  assert.equal(error.problem, 'dotnet-not-found');
  assert.match(error.message, /Install the \.NET 10 runtime/);
});

test('dotnet without .NET 10 lists the runtimes found', async () => {
  const error = await resolveServerCommand({
    extensionPath,
    configuredPath: '',
    environment: { PATH: dotnetFolder },
    listRuntimes: async () => 'Microsoft.NETCore.App 8.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n',
  }).catch((caught: unknown) => caught);

  assert.ok(error instanceof ServerCommandError);
  assert.equal(error.problem, 'runtime-not-found');
  assert.match(error.message, /has 8\.0\.12/);
  assert.match(error.message, /Install the \.NET 10 runtime/);
});

test('unreadable runtime list lets the server start', async () => {
  const command = await resolveServerCommand({
    extensionPath,
    configuredPath: '',
    environment: { PATH: dotnetFolder },
    listRuntimes: async () => {
      throw new Error('dotnet crashed');
    },
  });

  assert.equal(command.command, join(dotnetFolder, 'dotnet'));
});

test('missing bundled server is reported', async () => {
  const error = await resolveServerCommand({ extensionPath: join(root, 'nowhere'), configuredPath: '', environment: { PATH: dotnetFolder } }).catch(
    (caught: unknown) => caught,
  );

  assert.ok(error instanceof ServerCommandError);
  assert.equal(error.problem, 'server-not-found');
  assert.match(error.message, /bundled with the extension is missing/);
});

test('configured path that does not exist names the setting', async () => {
  const error = await resolveServerCommand({ extensionPath, configuredPath: 'servers/ls.dll', workspacePath: root, environment: {} }).catch(
    (caught: unknown) => caught,
  );

  assert.ok(error instanceof ServerCommandError);
  assert.equal(error.problem, 'server-not-found');
  assert.match(error.message, /remap\.languageServer\.path is "servers\/ls\.dll"/);
  assert.match(error.message, new RegExp(join(root, 'servers', 'ls.dll').replace(/[.]/g, '\\.')));
});

test('configured executable runs directly', async () => {
  const executable = join(root, 'my-server');
  await writeFile(executable, '#!/bin/sh\n');
  await chmod(executable, 0o755);

  const command = await resolveServerCommand({ extensionPath, configuredPath: executable, environment: {} });

  assert.equal(command.command, executable);
  assert.deepEqual(command.args, []);
});

test('configured file without execute bit is reported', async () => {
  const file = join(root, 'not-executable');
  await writeFile(file, '');
  await chmod(file, 0o644);

  const error = await resolveServerCommand({ extensionPath, configuredPath: file, environment: {} }).catch((caught: unknown) => caught);

  assert.ok(error instanceof ServerCommandError);
  assert.equal(error.problem, 'not-executable');
});

test('configured dll without runtimeconfig skips the runtime check', async () => {
  const dll = join(root, 'other', 'server.dll');
  await mkdir(join(root, 'other'), { recursive: true });
  await writeFile(dll, '');

  const command = await resolveServerCommand({
    extensionPath,
    configuredPath: dll,
    environment: { PATH: dotnetFolder },
    listRuntimes: async () => '',
  });

  assert.deepEqual(command.args, [dll]);
});

test('findDotnet falls back to DOTNET_ROOT', async () => {
  assert.equal(await findDotnet({ PATH: '', DOTNET_ROOT: dotnetFolder }), join(dotnetFolder, 'dotnet'));
  assert.equal(await findDotnet({ PATH: '' }), undefined);
});

test('runtime list parses name and version', () => {
  assert.deepEqual(parseRuntimeList(runtimeList), [
    { name: 'Microsoft.AspNetCore.App', version: '10.0.1' },
    { name: 'Microsoft.NETCore.App', version: '8.0.12' },
    { name: 'Microsoft.NETCore.App', version: '10.0.1' },
  ]);
  assert.deepEqual(parseRuntimeList('garbage\n\n'), []);
});

test('roll-forward rules decide compatibility', () => {
  const required = (rollForward: string) => ({ name: 'Microsoft.NETCore.App', version: '10.0.0', rollForward });
  const installed = (...versions: string[]) => versions.map((version) => ({ name: 'Microsoft.NETCore.App', version }));

  assert.equal(hasCompatibleRuntime(installed('10.0.1'), required('Minor')), true);
  assert.equal(hasCompatibleRuntime(installed('10.2.0'), required('Minor')), true);
  assert.equal(hasCompatibleRuntime(installed('11.0.0'), required('Minor')), false);
  assert.equal(hasCompatibleRuntime(installed('9.0.5'), required('Minor')), false);
  assert.equal(hasCompatibleRuntime(installed('11.0.0'), required('LatestMajor')), true);
  assert.equal(hasCompatibleRuntime(installed('10.1.0'), required('LatestPatch')), false);
  assert.equal(hasCompatibleRuntime([{ name: 'Microsoft.AspNetCore.App', version: '10.0.1' }], required('Minor')), false);
});
