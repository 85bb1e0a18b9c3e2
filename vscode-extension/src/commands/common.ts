// Shared pieces of the command handlers: the error wrapper every command runs in, and the
// connection, views and panel they reach.
import * as vscode from 'vscode';
import type { RemapConnection } from '../connection';
import type { LocalServer } from '../connection/localServer';
import type { JobsView } from '../views/jobsView';
import type { ModelsView } from '../views/modelsView';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  connection: RemapConnection & { reconnect(): void };
  jobs: JobsView;
  models: ModelsView;
  localServer: LocalServer;
  log: vscode.LogOutputChannel;
}

/**
 * Registers a command whose failures become an error message instead of an unhandled rejection.
 * A cancelled quick pick or progress ends the command without a message.
 */
export function registerCommand(log: vscode.LogOutputChannel, id: string, handler: (...args: unknown[]) => Promise<unknown> | unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof vscode.CancellationError) {
        return undefined;
      }
      const message = error instanceof Error ? error.message : String(error);
      log.error(`${id} failed: ${message}`);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  });
}

/** Returns the value, or throws the cancellation that ends a command quietly when the user dismissed a prompt. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new vscode.CancellationError();
  }
  return value;
}
