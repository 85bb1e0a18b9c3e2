// The one RemapConnection of the extension host: the client for remap.server.url and .apiKey, the
// event stream of that server, and whether it responds. A settings change replaces the client and the
// stream in place, so every view and command that keeps this object follows the new server.
import * as vscode from 'vscode';
import { createRemapApi, unwrap, type ApiTarget, type RemapApi } from '../api/client';
import type { ConnectionState, JobEvent, RemapConnection } from '../connection';
import { normalizeServerUrl } from './address';
import { EventStreamReader } from './eventStream';
import type { ServerSentEvent } from './sse';

export class ServerConnection implements RemapConnection, vscode.Disposable {
  private currentTarget: ApiTarget;
  private currentApi: RemapApi;
  private currentState: ConnectionState = 'connecting';
  private currentProblem: string | null = null;
  private reader: EventStreamReader | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  private readonly eventEmitter = new vscode.EventEmitter<JobEvent>();
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter, this.eventEmitter];

  readonly onDidChangeState = this.stateEmitter.event;
  readonly onJobEvent = this.eventEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.currentTarget = readTarget();
    this.currentApi = createRemapApi(this.currentTarget);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((change) => {
        if (change.affectsConfiguration('remap.server.url') || change.affectsConfiguration('remap.server.apiKey')) {
          this.retarget();
        }
      }),
    );
    this.startStream();
  }

  get target(): ApiTarget {
    return this.currentTarget;
  }

  get api(): RemapApi {
    return this.currentApi;
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  get problem(): string | null {
    return this.currentProblem;
  }

  /**
   * Skips the event stream's backoff delay and tries the server again now. An open stream already
   * proves that the server responds and will not call onOpen again, so the state stays as it is then.
   */
  reconnect(): void {
    if (this.reader?.open) {
      this.setState('connected', null);
      return;
    }

    this.setState('connecting', null);
    this.reader?.reconnectNow();
  }

  async pickDataset(preferred?: string): Promise<string | undefined> {
    if (preferred) {
      return preferred;
    }

    const configured = vscode.workspace.getConfiguration('remap').get<string>('defaults.dataset', '').trim();
    if (configured) {
      return configured;
    }

    const datasets = await unwrap(this.currentApi.GET('/api/v1/datasets'), this.currentTarget);
    if (datasets.length === 0) {
      throw new Error(`The Remap server at ${this.currentTarget.url} has no datasets. Start it with a data folder that contains one.`);
    }
    if (datasets.length === 1) {
      return datasets[0].name ?? undefined;
    }

    const picked = await vscode.window.showQuickPick(
      datasets.map((dataset) => ({
        label: dataset.name ?? '',
        description: `${dataset.input ?? ''} · ${dataset.classes ?? 0} classes`,
        detail: dataset.description ?? undefined,
      })),
      { title: 'Dataset', placeHolder: 'Choose the dataset (set remap.defaults.dataset to skip this question)' },
    );
    return picked?.label;
  }

  dispose(): void {
    this.reader?.stop();
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }

  private retarget(): void {
    // "Connect to Server" writes the address and the key one after the other; an unchanged pair keeps the stream.
    const target = readTarget();
    if (target.url === this.currentTarget.url && target.apiKey === this.currentTarget.apiKey) {
      return;
    }

    this.reader?.stop();
    this.currentTarget = target;
    this.currentApi = createRemapApi(this.currentTarget);
    this.log.info(`Server address changed to ${this.currentTarget.url}.`);
    this.setState('connecting', null, true);
    this.startStream();
  }

  private startStream(): void {
    const target = this.currentTarget;
    const reader = new EventStreamReader({
      url: target.url,
      apiKey: target.apiKey,
      onOpen: () => {
        this.log.info(`Following the event stream of ${target.url}.`);
        this.setState('connected', null);
      },
      onEvent: (event) => this.forward(event),
      onError: (error, delay) => {
        this.log.warn(`${error.message} Trying again in ${Math.round(delay / 1000)} s.`);
        this.setState('disconnected', error.message);
      },
    });
    this.reader = reader;

    reader.start().catch((error: unknown) => this.log.error(`The event stream reader stopped: ${String(error)}`));
  }

  private forward(event: ServerSentEvent): void {
    let parsed: JobEvent;
    try {
      parsed = JSON.parse(event.data) as JobEvent;
    } catch {
      this.log.warn(`Skipped an event whose data is not JSON: ${event.data.slice(0, 200)}`);
      return;
    }

    // The payload's type is the same as the event field; the field wins should they differ.
    parsed.type = event.type;
    this.eventEmitter.fire(parsed);
  }

  private setState(state: ConnectionState, problem: string | null, force = false): void {
    if (!force && state === this.currentState && problem === this.currentProblem) {
      return;
    }

    this.currentState = state;
    this.currentProblem = problem;
    this.stateEmitter.fire();
  }
}

function readTarget(): ApiTarget {
  const configuration = vscode.workspace.getConfiguration('remap.server');
  const apiKey = configuration.get<string>('apiKey', '').trim();
  return { url: normalizeServerUrl(configuration.get<string>('url', 'http://127.0.0.1:5178')), apiKey: apiKey || undefined };
}
