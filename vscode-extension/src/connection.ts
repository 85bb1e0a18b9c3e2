// The contract between the parts of the extension host that talk to the Remap server: the
// commands, the Jobs and Models views, the status bar and the overview panel all read the server
// through one RemapConnection, so a changed setting or a "Connect to Server" reaches all of them.
import type * as vscode from 'vscode';
import type { ApiTarget, RemapApi, Schemas } from './api/client';

export type JobEvent = Schemas['JobEvent'];
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface RemapConnection {
  /** The address and key in use now. */
  readonly target: ApiTarget;
  /** A client for the current target; replaced when the target changes, so read it per call. */
  readonly api: RemapApi;
  readonly state: ConnectionState;
  /** The reason the server is unreachable, in words, when state is 'disconnected'. */
  readonly problem: string | null;
  /** Fires when the target, the state or the problem changes. */
  readonly onDidChangeState: vscode.Event<void>;
  /** Every event of the server's /api/v1/events stream, in order, across reconnects. */
  readonly onJobEvent: vscode.Event<JobEvent>;
  /**
   * The dataset to use: the preferred one when given, else remap.defaults.dataset, else the only
   * dataset the server has, else the user's choice. Undefined when the user cancels.
   */
  pickDataset(preferred?: string): Promise<string | undefined>;
}

/** A command's reference to a model: a .remap file (as the language server's code lenses pass it) or a stored model. */
export type ModelReference = { uri: string; model?: string } | { modelId: number };
