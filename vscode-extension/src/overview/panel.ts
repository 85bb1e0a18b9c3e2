// TODO: the overview panel (owned by the webview work): CSP with a nonce, serializer, paging, live updates.
import type * as vscode from 'vscode';
import type { RemapConnection } from '../connection';

export interface OverviewOptions {
  dataset?: string;
  /** Opens the inspector on this model. */
  focusModelId?: number;
}

export class OverviewPanel {
  static show(_context: vscode.ExtensionContext, _connection: RemapConnection, _options: OverviewOptions = {}): void {
    throw new Error('The overview panel is not built yet.');
  }

  static registerSerializer(_context: vscode.ExtensionContext, _connection: RemapConnection): vscode.Disposable {
    return { dispose() {} };
  }
}
