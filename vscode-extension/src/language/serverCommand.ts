// Finds the command that starts the Remap language server: the framework-dependent build bundled
// in the extension (run with `dotnet`) or the one that remap.languageServer.path names. Every check
// that can fail before the process starts happens here, so the user gets one message that says
// what is missing and what to install. No `vscode` import: the unit tests load this module.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** The assembly name of src/Remap.LanguageServer, which scripts/package.mjs publishes into server/. */
export const bundledServerFileName = 'remap-language-server.dll';

export const dotnetDownloadUrl = 'https://dotnet.microsoft.com/download';

export interface ServerCommand {
  command: string;
  args: string[];
  /** The server's origin in words, for the log. */
  description: string;
}

/** The missing part: the server file, the `dotnet` host, or a .NET runtime the server can run on. */
export type ServerCommandProblem = 'server-not-found' | 'dotnet-not-found' | 'runtime-not-found' | 'not-executable';

export class ServerCommandError extends Error {
  constructor(
    message: string,
    readonly problem: ServerCommandProblem,
  ) {
    super(message);
    this.name = 'ServerCommandError';
  }
}

export interface ServerCommandOptions {
  /** The extension's folder, which contains server/ in a packaged extension. */
  extensionPath: string;
  /** remap.languageServer.path; empty for the bundled server. */
  configuredPath: string;
  /** The folder a relative configuredPath is resolved against (the first workspace folder), if any. */
  workspacePath?: string;
  environment: NodeJS.ProcessEnv;
  /** Lists the installed runtimes; defaults to running `dotnet --list-runtimes`. */
  listRuntimes?: (dotnet: string) => Promise<string>;
}

export async function resolveServerCommand(options: ServerCommandOptions): Promise<ServerCommand> {
  const configured = options.configuredPath.trim();
  const serverPath = configured
    ? resolveConfiguredPath(configured, options.workspacePath)
    : join(options.extensionPath, 'server', bundledServerFileName);

  if (!(await isFile(serverPath))) {
    throw new ServerCommandError(
      configured
        ? `remap.languageServer.path is "${configured}", but there is no file at ${serverPath}. Set it to a remap-language-server.dll or an executable language server, or clear it to use the server bundled with the extension.`
        : `The language server bundled with the extension is missing (${serverPath}). Reinstall the Remap extension, or set remap.languageServer.path to a remap-language-server.dll.`,
      'server-not-found',
    );
  }

  if (!serverPath.toLowerCase().endsWith('.dll')) {
    if (!(await isExecutable(serverPath))) {
      throw new ServerCommandError(
        `remap.languageServer.path names ${serverPath}, which is not executable. Make it executable (chmod +x), or point the setting at remap-language-server.dll to run it with dotnet.`,
        'not-executable',
      );
    }

    return { command: serverPath, args: [], description: `${serverPath} (remap.languageServer.path)` };
  }

  const dotnet = await findDotnet(options.environment);
  if (!dotnet) {
    throw new ServerCommandError(
      `The Remap language server runs on .NET, but no "dotnet" command was found on PATH. Install the .NET 10 runtime (${dotnetDownloadUrl}) and reload the window, or set remap.languageServer.path to a self-contained language server executable.`,
      'dotnet-not-found',
    );
  }

  const required = await readRequiredFramework(serverPath);
  if (required) {
    // When the list cannot be read, the server is started anyway and its own error reaches the log.
    const listRuntimes = options.listRuntimes ?? listDotnetRuntimes;
    const listing = await listRuntimes(dotnet).catch(() => undefined);
    const installed = listing === undefined ? undefined : parseRuntimeList(listing);
    if (installed && !hasCompatibleRuntime(installed, required)) {
      const found = installed.filter((runtime) => runtime.name === required.name).map((runtime) => runtime.version);
      throw new ServerCommandError(
        `The Remap language server needs the ${required.name} ${required.version} runtime (.NET ${required.version.split('.')[0]}), but ${dotnet} has ${found.length ? found.join(', ') : 'no version of it'}. Install the .NET ${required.version.split('.')[0]} runtime (${dotnetDownloadUrl}) and reload the window.`,
        'runtime-not-found',
      );
    }
  }

  const source = configured ? 'remap.languageServer.path' : 'bundled';
  return { command: dotnet, args: [serverPath], description: `${dotnet} ${serverPath} (${source})` };
}

function resolveConfiguredPath(configured: string, workspacePath: string | undefined): string {
  const expanded = configured === '~' || configured.startsWith('~/') ? join(homedir(), configured.slice(1)) : configured;
  if (isAbsolute(expanded)) {
    return expanded;
  }

  return workspacePath ? resolve(workspacePath, expanded) : resolve(expanded);
}

/** Looks for the `dotnet` host on PATH, then where the .NET install scripts and DOTNET_ROOT put it. */
export async function findDotnet(environment: NodeJS.ProcessEnv): Promise<string | undefined> {
  const fileName = process.platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const folders = (environment.PATH ?? environment.Path ?? '').split(delimiter).filter((folder) => folder.length > 0);
  if (environment.DOTNET_ROOT) {
    folders.push(environment.DOTNET_ROOT);
  }

  if (environment.HOME) {
    folders.push(join(environment.HOME, '.dotnet'));
  }

  for (const folder of folders) {
    const candidate = join(folder, fileName);
    if ((await isFile(candidate)) && (await isExecutable(candidate))) {
      return candidate;
    }
  }

  return undefined;
}

export interface FrameworkReference {
  name: string;
  version: string;
  /** The runtimeconfig's rollForward policy; Minor when absent, as in the .NET host. */
  rollForward: string;
}

/** Reads the framework that `<server>.runtimeconfig.json` requires. Returns undefined when the file is missing (a self-contained build). */
export async function readRequiredFramework(serverPath: string): Promise<FrameworkReference | undefined> {
  const configPath = serverPath.replace(/\.dll$/i, '.runtimeconfig.json');
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    return undefined;
  }

  const options = (JSON.parse(text) as { runtimeOptions?: RuntimeOptions }).runtimeOptions ?? {};
  const framework = options.framework ?? options.frameworks?.[0];
  if (!framework?.name || !framework.version) {
    return undefined;
  }

  return { name: framework.name, version: framework.version, rollForward: options.rollForward ?? 'Minor' };
}

interface RuntimeOptions {
  framework?: { name?: string; version?: string };
  frameworks?: { name?: string; version?: string }[];
  rollForward?: string;
}

export interface InstalledRuntime {
  name: string;
  version: string;
}

/** Parses `dotnet --list-runtimes`: one "Microsoft.NETCore.App 10.0.1 [/usr/lib/dotnet/shared/Microsoft.NETCore.App]" per line. */
export function parseRuntimeList(output: string): InstalledRuntime[] {
  const runtimes: InstalledRuntime[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(\S+)\s+(\d+\.\d+\.\d+\S*)\s+\[/.exec(line.trim());
    if (match) {
      runtimes.push({ name: match[1], version: match[2] });
    }
  }

  return runtimes;
}

/**
 * Applies the .NET host's roll-forward rules to released versions: Minor (the default) and
 * LatestMinor accept the same major version with an equal or higher minor version; Major and
 * LatestMajor also accept higher major versions; LatestPatch and Disable need the same major.minor.
 * Preview runtimes count by their numbers only.
 */
export function hasCompatibleRuntime(installed: InstalledRuntime[], required: FrameworkReference): boolean {
  const [requiredMajor, requiredMinor, requiredPatch] = parseVersion(required.version);
  const policy = required.rollForward.toLowerCase();
  return installed.some((runtime) => {
    if (runtime.name !== required.name) {
      return false;
    }

    const [major, minor, patch] = parseVersion(runtime.version);
    if (policy === 'major' || policy === 'latestmajor') {
      return major > requiredMajor || (major === requiredMajor && (minor > requiredMinor || (minor === requiredMinor && patch >= requiredPatch)));
    }

    if (major !== requiredMajor) {
      return false;
    }

    if (policy === 'latestpatch' || policy === 'disable') {
      return minor === requiredMinor && patch >= requiredPatch;
    }

    return minor > requiredMinor || (minor === requiredMinor && patch >= requiredPatch);
  });
}

function parseVersion(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

function listDotnetRuntimes(dotnet: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(dotnet, ['--list-runtimes'], { timeout: 15_000 }, (error, stdout) => (error ? reject(error) : resolvePromise(stdout)));
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
