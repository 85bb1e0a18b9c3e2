// Runs the Remap language server for .remap files: diagnostics, completion, hover, code lenses and
// formatting all come from it. One client runs at a time, and a change of remap.languageServer.path
// stops it and starts the server that the setting names.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, type Executable, type LanguageClientOptions } from 'vscode-languageclient/node';
import { dotnetDownloadUrl, resolveServerCommand, ServerCommandError, type ServerCommand } from './serverCommand';
import { createServerLogClassifier } from './serverLog';
import { TraceChannel } from './traceChannel';

const outputChannelName = 'Remap Language Server';

/** How long the server gets to respond to shutdown before its process is killed. */
const stopTimeoutMilliseconds = 2_000;

let host: LanguageServerHost | undefined;

/**
 * Starts the language server and returns its client, or undefined when it could not start (an
 * error message then gives the reason). Later restarts replace the client, and `stopLanguageClient` stops the one running.
 */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  if (!host) {
    host = new LanguageServerHost(context.extensionPath);
    context.subscriptions.push(host);
  }

  return host.start();
}

/** Stops the running server. Call it from `deactivate` so the server gets its shutdown request. */
export async function stopLanguageClient(): Promise<void> {
  await host?.stop();
}

class LanguageServerHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly output = vscode.window.createOutputChannel(outputChannelName, { log: true });
  private readonly traceChannel = new TraceChannel(this.output);
  private readonly disposables: vscode.Disposable[] = [this.output, this.traceChannel];

  // Start, restart and stop run one after another, so a setting changed during a start cannot leave two servers.
  private pending: Promise<unknown> = Promise.resolve();

  // Set from the change of remap.languageServer.path until the new client runs. The old client
  // hears the same change and would send it to a server that is stopping, which fails.
  private replacing = false;

  constructor(private readonly extensionPath: string) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('remap.languageServer.path')) {
          this.replacing = true;
          void this.restart().finally(() => (this.replacing = false));
        }
      }),
    );
  }

  start(): Promise<LanguageClient | undefined> {
    return this.enqueue(() => this.startNow());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopNow());
  }

  dispose(): void {
    void this.stop();
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }

  private restart(): Promise<LanguageClient | undefined> {
    return this.enqueue(async () => {
      this.output.info('remap.languageServer.path changed: restarting the language server.');
      await this.stopNow();
      return this.startNow();
    });
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = this.pending.then(step, step);
    this.pending = next.catch(() => undefined);
    return next;
  }

  private async startNow(): Promise<LanguageClient | undefined> {
    if (this.client) {
      return this.client;
    }

    let command: ServerCommand;
    try {
      command = await resolveServerCommand({
        extensionPath: this.extensionPath,
        configuredPath: vscode.workspace.getConfiguration('remap').get<string>('languageServer.path', ''),
        workspacePath: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
        environment: process.env,
      });
    } catch (error) {
      this.reportNotStarted(error);
      return undefined;
    }

    this.output.info(`Starting the language server: ${command.description}`);
    const client = new LanguageClient('remap', outputChannelName, serverOptions(command), this.clientOptions());
    try {
      await client.start();
    } catch (error) {
      this.reportNotStarted(error);
      await client.dispose(stopTimeoutMilliseconds).catch(() => undefined);
      return undefined;
    }

    this.client = client;
    return client;
  }

  private async stopNow(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) {
      return;
    }

    try {
      await client.dispose(stopTimeoutMilliseconds);
    } catch (error) {
      this.output.warn(`The language server did not stop cleanly: ${(error as Error).message}`);
    }
  }

  private clientOptions(): LanguageClientOptions {
    return {
      documentSelector: [{ language: 'remap' }],
      outputChannel: this.output,
      traceOutputChannel: this.traceChannel,

      // The remap.* settings reach the server without synchronize.configurationSection: on
      // `initialized` the server registers for workspace/didChangeConfiguration on the section
      // "remap" and reads the values with workspace/configuration. A static section here as well
      // would send every change twice.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      stdioOptions: { stdout: forwardLines, stderr: forwardServerLog },
      middleware: {
        workspace: {
          didChangeConfiguration: async (sections, next) => {
            if (!this.replacing) {
              await next(sections);
            }
          },
        },
      },
    };
  }

  private reportNotStarted(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    const message =
      error instanceof ServerCommandError ? reason : `The Remap language server did not start: ${reason}. Its log is in the "${outputChannelName}" output.`;
    this.output.error(message);

    const actions = ['Show Output', 'Open Settings'];
    if (error instanceof ServerCommandError && (error.problem === 'dotnet-not-found' || error.problem === 'runtime-not-found')) {
      actions.unshift('Download .NET');
    }

    void vscode.window.showErrorMessage(message, ...actions).then((action) => {
      if (action === 'Show Output') {
        this.output.show();
      } else if (action === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'remap.languageServer.path');
      } else if (action === 'Download .NET') {
        void vscode.env.openExternal(vscode.Uri.parse(dotnetDownloadUrl));
      }
    });
  }
}

function serverOptions(command: ServerCommand): { run: Executable; debug: Executable } {
  // No transport: the server speaks LSP on standard input and output and takes no --stdio argument.
  const executable: Executable = {
    command: command.command,
    args: command.args,
    options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } },
  };
  return { run: executable, debug: executable };
}

// Standard output carries the protocol with the stdio transport, so only other transports call this.
function forwardLines(input: Readable, output: vscode.LogOutputChannel): void {
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) => output.info(line));
}

function forwardServerLog(input: Readable, output: vscode.LogOutputChannel): void {
  const classify = createServerLogClassifier();
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) => {
    const { level, text } = classify(line);
    output[level](text);
  });
}
