// "Start Local Server": runs `<remap.server.command> serve --urls <remap.server.url>` (with
// `--database <remap.server.database>` when that is set) as a child process, shows its output in the "Remap Server" output channel, waits until it responds and stops it
// when the extension deactivates.
import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { isLoopbackUrl, normalizeServerUrl, serveArguments, validateServerUrl } from './address';

const readyTimeoutMilliseconds = 60_000;

export class LocalServer implements vscode.Disposable {
  private process: ChildProcess | undefined;
  private readonly output = vscode.window.createOutputChannel('Remap Server');

  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null;
  }

  /**
   * Starts the server and resolves once GET /api/v1/datasets responds. Throws with a message for
   * the user when the settings do not allow a local server, the command is missing, the process
   * exits early or it does not respond within a minute.
   */
  async start(token?: vscode.CancellationToken): Promise<string> {
    const configuration = vscode.workspace.getConfiguration('remap.server');
    const url = normalizeServerUrl(configuration.get<string>('url', ''));
    const command = configuration.get<string>('command', 'remap').trim();

    const invalid = validateServerUrl(url);
    if (invalid) {
      throw new Error(`remap.server.url is invalid: ${invalid}`);
    }
    if (!isLoopbackUrl(url)) {
      throw new Error(`remap.server.url is ${url}, which is not on this machine. A local server listens on a loopback address only: set remap.server.url to http://127.0.0.1:<port>.`);
    }
    if (!command) {
      throw new Error('remap.server.command is empty. Set it to "remap" (on PATH) or the path of the remap executable.');
    }
    if (this.running) {
      this.output.show(true);
      return url;
    }

    const database = configuration.get<string>('database', '').trim();
    const child = this.spawnServer(command, serveArguments(url, database));
    await waitUntilReady(url, child, command, token);
    return url;
  }

  stop(): void {
    if (this.running) {
      this.output.appendLine('Stopping the server.');
      this.process?.kill();
    }
    this.process = undefined;
  }

  dispose(): void {
    this.stop();
    this.output.dispose();
  }

  private spawnServer(command: string, args: string[]): ChildProcess {
    this.output.appendLine(`> ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;

    child.stdout?.setEncoding('utf8').on('data', (text: string) => this.output.append(text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => this.output.append(text));
    child.on('exit', (code, signal) => {
      this.output.appendLine(`The server exited (${signal ?? `code ${code}`}).`);
      if (this.process === child) {
        this.process = undefined;
      }
    });
    return child;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, command: string, token?: vscode.CancellationToken): Promise<void> {
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure =
      error.code === 'ENOENT'
        ? new Error(`The command "${command}" was not found. Install the remap CLI or set remap.server.command to the path of the remap executable.`)
        : new Error(`"${command}" could not be started: ${error.message}`);
  });
  child.once('exit', (code) => {
    failure ??= new Error(`"${command} serve" exited with code ${code} before responding. Its output is in the "Remap Server" output channel.`);
  });

  const deadline = Date.now() + readyTimeoutMilliseconds;
  while (Date.now() < deadline) {
    if (failure) {
      throw failure;
    }
    if (token?.isCancellationRequested) {
      child.kill();
      throw new vscode.CancellationError();
    }
    if (await responds(url)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  child.kill();
  throw new Error(`The local server did not respond at ${url} within ${readyTimeoutMilliseconds / 1000} s, so it was stopped. Its output is in the "Remap Server" output channel.`);
}

/** Returns true when a Remap server responds at the address; used before starting one so two never compete for a port. */
export async function responds(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v1/datasets`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status < 500;
  } catch {
    return false;
  }
}
