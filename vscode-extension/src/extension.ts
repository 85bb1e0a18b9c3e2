import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LocalServer, responds } from './connection/localServer';
import { ServerConnection } from './connection/serverConnection';
import { OverviewPanel } from './overview/panel';
import { createViews } from './views';
// TODO: enable once src/language/client.ts is merged (it exports startLanguageClient):
// import { startLanguageClient } from './language/client';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Remap', { log: true });
  const connection = new ServerConnection(log);
  const { jobs, models, disposables } = createViews(connection);
  const localServer = new LocalServer();

  context.subscriptions.push(
    log,
    connection,
    ...disposables,
    localServer,
    OverviewPanel.registerSerializer(context, connection),
    ...registerCommands({ extension: context, connection, jobs, models, localServer, log }),
  );

  // TODO: enable with the import above.
  // void startLanguageClient(context);

  void startLocallyWhenAsked(connection, log);
}

export function deactivate(): void {}

/** Starts `remap serve` when remap.server.startLocally is on and no server responds at remap.server.url. */
async function startLocallyWhenAsked(connection: ServerConnection, log: vscode.LogOutputChannel): Promise<void> {
  if (!vscode.workspace.getConfiguration('remap.server').get<boolean>('startLocally', false) || (await responds(connection.target.url))) {
    return;
  }

  log.info(`No server answers at ${connection.target.url}; starting one because remap.server.startLocally is on.`);
  await vscode.commands.executeCommand('remap.startLocalServer');
}
