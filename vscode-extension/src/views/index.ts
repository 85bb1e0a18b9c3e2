// Creates the Jobs and Models tree views and the status bar item, all fed by one connection.
import * as vscode from 'vscode';
import type { RemapConnection } from '../connection';
import { ChipStore } from './chipStore';
import { JobsView } from './jobsView';
import { ModelsView } from './modelsView';
import { ConnectionStatusBar } from './statusBar';

export interface Views {
  jobs: JobsView;
  models: ModelsView;
  disposables: vscode.Disposable[];
}

/** storage: the extension's global storage, where the rows' chip icons are written. */
export function createViews(connection: RemapConnection, storage: vscode.Uri): Views {
  const chips = new ChipStore(connection, storage);
  const jobs = new JobsView(connection, chips);
  const models = new ModelsView(connection, chips);
  const jobsTree = vscode.window.createTreeView('remap.jobs', { treeDataProvider: jobs });
  const modelsTree = vscode.window.createTreeView('remap.models', { treeDataProvider: models });

  // A view that still shows the last rows it received states that the server is unreachable.
  const showConnection = () => {
    const message = connection.state === 'disconnected' ? `Not connected: ${connection.problem ?? connection.target.url}` : undefined;
    jobsTree.message = message;
    modelsTree.message = message;
    // The views' welcome content (package.json viewsWelcome) differs between a reachable server and none.
    void vscode.commands.executeCommand('setContext', 'remap.connectionState', connection.state);
  };
  showConnection();

  return {
    jobs,
    models,
    disposables: [jobs, models, jobsTree, modelsTree, connection.onDidChangeState(showConnection), new ConnectionStatusBar(connection, jobs)],
  };
}
