// "Connect to Server" and "Start Local Server".
import * as vscode from 'vscode';
import { responds } from '../connection/localServer';
import { probeServer } from '../connection/probe';
import { normalizeServerUrl, validateServerUrl } from '../connection/address';
import { required, type CommandContext } from './common';

export async function connect(context: CommandContext, entered?: { url: string; apiKey: string }): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('remap.server');
  const url = normalizeServerUrl(
    required(
      await vscode.window.showInputBox({
        title: 'Connect to a Remap Server (1/2)',
        prompt: 'Address of the Remap server, without /api/v1',
        value: entered?.url ?? configuration.get<string>('url', ''),
        placeHolder: 'http://127.0.0.1:5178',
        validateInput: validateServerUrl,
        ignoreFocusOut: true,
      }),
    ),
  );
  const apiKey = required(
    await vscode.window.showInputBox({
      title: 'Connect to a Remap Server (2/2)',
      prompt: 'API key, when the server was started with --api-key; leave empty for none',
      value: entered?.apiKey ?? configuration.get<string>('apiKey', ''),
      password: true,
      ignoreFocusOut: true,
    }),
  ).trim();

  // Test the address before saving it, so a typo does not replace a working setting unasked.
  const problem = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Testing ${url}…` }, () =>
    probeServer({ url, apiKey: apiKey || undefined }),
  );
  if (problem) {
    const choice = await vscode.window.showWarningMessage(problem, 'Save Anyway', 'Edit');
    if (choice === 'Edit') {
      return connect(context, { url, apiKey });
    }
    if (choice !== 'Save Anyway') {
      return;
    }
  }

  // Keep each value where the user set it before (workspace or user settings), so it does not hide behind another.
  await configuration.update('url', url, targetOf(configuration.inspect('url')));
  await configuration.update('apiKey', apiKey || undefined, targetOf(configuration.inspect('apiKey')));
  context.connection.reconnect();
  if (!problem) {
    void vscode.window.showInformationMessage(`Connected to the Remap server at ${url}.`);
  }
}

function targetOf(inspection: { workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined): vscode.ConfigurationTarget {
  return inspection?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

export async function startLocalServer(context: CommandContext): Promise<void> {
  const url = normalizeServerUrl(vscode.workspace.getConfiguration('remap.server').get<string>('url', ''));
  if (!validateServerUrl(url) && (await responds(url))) {
    void vscode.window.showInformationMessage(`A Remap server already responds at ${url}, so no other was started.`);
    context.connection.reconnect();
    return;
  }

  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Starting the Remap server at ${url}`, cancellable: true }, (_progress, token) =>
    context.localServer.start(token),
  );
  context.connection.reconnect();
  void vscode.window.showInformationMessage(`The local Remap server responds at ${url}. Its output is in the "Remap Server" output channel.`);
}
