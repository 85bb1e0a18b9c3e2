import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LocalServer, responds } from './connection/localServer';
import { ServerConnection } from './connection/serverConnection';
import { OverviewPanel } from './overview/panel';
import { createViews } from './views';
import { startLanguageClient, stopLanguageClient } from './language/client';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Remap', { log: true });
  const connection = new ServerConnection(log);
  const { jobs, models, disposables } = createViews(connection, context.globalStorageUri);
  const localServer = new LocalServer();

  context.subscriptions.push(
    log,
    connection,
    ...disposables,
    localServer,
    OverviewPanel.registerSerializer(context, connection),
    ...registerCommands({ extension: context, connection, jobs, models, localServer, log }),
  );

  void startLanguageClient(context);

  void startLocallyWhenAsked(connection, log);
}

export function deactivate(): Promise<void> {
  return stopLanguageClient();
}

/** Starts `remap serve` when remap.server.startLocally is on and no server responds at remap.server.url. */
async function startLocallyWhenAsked(connection: ServerConnection, log: vscode.LogOutputChannel): Promise<void> {
  if (!vscode.workspace.getConfiguration('remap.server').get<boolean>('startLocally', false) || (await responds(connection.target.url))) {
    return;
  }

  log.info(`No server answers at ${connection.target.url}; starting one because remap.server.startLocally is on.`);
  await vscode.commands.executeCommand('remap.startLocalServer');
}
