// The status bar item: whether the server responds and how many jobs wait or run. A click opens
// "Connect to Server" when the server is unreachable and the Jobs view otherwise.
import * as vscode from 'vscode';
import type { RemapConnection } from '../connection';
import { describeQueue } from './format';
import type { JobsView } from './jobsView';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('remap.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly connection: RemapConnection,
    private readonly jobs: JobsView,
  ) {
    this.item.name = 'Remap Server';
    this.disposables.push(connection.onDidChangeState(() => this.update()), jobs.onDidChangeQueueLength(() => this.update()));
    this.update();
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }

  private update(): void {
    const url = this.connection.target.url;
    switch (this.connection.state) {
      case 'connected': {
        const queue = describeQueue(this.jobs.activeCounts);
        this.item.text = `$(beaker) Remap: ${queue}`;
        this.item.tooltip = `Connected to ${url}: ${queue}. Click to show the Jobs view.`;
        this.item.command = 'remap.jobs.focus';
        this.item.backgroundColor = undefined;
        break;
      }
      case 'connecting':
        this.item.text = '$(sync~spin) Remap';
        this.item.tooltip = `Connecting to ${url}…`;
        this.item.command = 'remap.connect';
        this.item.backgroundColor = undefined;
        break;
      case 'disconnected':
        this.item.text = '$(debug-disconnect) Remap: unreachable';
        this.item.tooltip = `${this.connection.problem ?? `No Remap server responded at ${url}.`}\n\nClick to connect to another server.`;
        this.item.command = 'remap.connect';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
  }
}
