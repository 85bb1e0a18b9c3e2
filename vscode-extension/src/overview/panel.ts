// The overview panel on the extension host: one webview for REMAP's model overview. The page gets
// its data only through messages: this class fetches the views page by page, follows the job event
// stream to post new and changed models, loads the inspector's data and runs the commands the
// page's buttons ask for.
import * as vscode from 'vscode';
import type { RemapConnection } from '../connection';
import type { HostMessage, OverviewData, Projection, WebviewMessage, WebviewState } from '../shared/messages';
import { parseWebviewState } from '../shared/messages';
import { createNonce, renderOverviewHtml } from './html';
import { LiveUpdates } from './liveUpdates';
import { fetchClassNames, fetchInspection, fetchOverviewPages, fetchWholeView, PointIndex, recomputeProjection, sameQuery, type OverviewQuery } from './overviewData';

export interface OverviewOptions {
  dataset?: string;
  /** Opens the inspector on this model. */
  focusModelId?: number;
}

const viewType = 'remap.overview';

/** The commands (implemented elsewhere in the extension) behind the inspector's buttons. */
const modelCommands = { ablate: 'remap.ablate', vary: 'remap.vary', openAsFile: 'remap.openModelAsFile' } as const;

export class OverviewPanel {
  private static current: OverviewPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly points = new PointIndex();
  private readonly classNamesByDataset = new Map<string, string[]>();
  private query: OverviewQuery;
  private inspectedModelId: number | null;
  /** Increases with every load, so the pages of a superseded load are dropped. */
  private generation = 0;
  private loading = false;
  /** The last view posted, without its points (they are in this.points), kept up to date by live updates. */
  private lastView: Omit<OverviewData, 'points'> | null = null;
  /** Whether the last load ended in an error, so a reconnect loads the view instead of comparing it. */
  private loadFailed = false;
  private readonly liveUpdates: LiveUpdates;
  /** The server address the shown data came from, to notice a switch to another server. */
  private serverUrl: string;

  static async show(context: vscode.ExtensionContext, connection: RemapConnection, options: OverviewOptions = {}): Promise<void> {
    const current = OverviewPanel.current;
    if (current) {
      current.panel.reveal();
      if (options.dataset && options.dataset !== current.query.dataset) {
        current.switchDataset(options.dataset);
      }

      if (options.focusModelId !== undefined) {
        await current.inspect(options.focusModelId);
      }

      return;
    }

    const dataset = await connection.pickDataset(options.dataset);
    if (!dataset) {
      return;
    }

    // Another call may have opened the panel while the user picked a dataset.
    if (OverviewPanel.current) {
      await OverviewPanel.show(context, connection, { ...options, dataset });
      return;
    }

    const panel = vscode.window.createWebviewPanel(viewType, OverviewPanel.title(dataset), vscode.ViewColumn.Active, OverviewPanel.webviewOptions(context));
    const state: WebviewState = { dataset, projection: 'structure', classIndex: null, inspectedModelId: options.focusModelId ?? null, transform: null };
    OverviewPanel.current = new OverviewPanel(panel, context, connection, state);
  }

  static registerSerializer(context: vscode.ExtensionContext, connection: RemapConnection): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
        const state = parseWebviewState(saved);
        const dataset = state?.dataset ?? (await connection.pickDataset());
        if (!dataset) {
          panel.dispose();
          return;
        }

        panel.webview.options = OverviewPanel.webviewOptions(context);
        panel.title = OverviewPanel.title(dataset);
        OverviewPanel.current?.panel.dispose();
        const restored = state ?? { dataset, projection: 'structure' as Projection, classIndex: null, inspectedModelId: null, transform: null };
        OverviewPanel.current = new OverviewPanel(panel, context, connection, { ...restored, dataset });
      },
    });
  }

  private static title(dataset: string): string {
    return `Remap Overview: ${dataset}`;
  }

  private static webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
    };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly connection: RemapConnection,
    state: WebviewState,
  ) {
    this.query = { dataset: state.dataset ?? '', projection: state.projection, classIndex: state.classIndex };
    this.inspectedModelId = state.inspectedModelId;
    this.serverUrl = connection.target.url;
    this.panel.webview.html = this.html();
    this.liveUpdates = new LiveUpdates({
      api: () => this.connection.api,
      query: () => this.query,
      points: this.points,
      generation: () => this.generation,
      isLoading: () => this.loading,
      inspectedModelId: () => this.inspectedModelId,
      post: (message) => {
        if (message.type === 'updatePoints' && this.lastView) {
          this.lastView.modelCount = message.modelCount;
          this.lastView.bounds = message.bounds ?? this.lastView.bounds;
        }

        this.post(message);
      },
      refreshInspection: (modelId) => this.inspect(modelId),
    });

    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.receive(message)),
      this.connection.onJobEvent((event) => this.liveUpdates.onJobEvent(event)),
      this.connection.onDidChangeState(() => this.onConnectionChange()),
    );
  }

  private html(): string {
    const webview = this.panel.webview;
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    return renderOverviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview-style.css')).toString(),
      nonce: createNonce(),
    });
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private postError(error: unknown): void {
    this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }

  private async receive(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const before = this.query;
        this.restore(parseWebviewState(message.state));
        if (this.connection.state === 'disconnected') {
          this.post({ type: 'status', connected: false, message: this.connection.problem });
        }

        // The page reloads each time it is shown again (its context is not retained): a complete view
        // of the same query is posted from memory instead of being fetched again.
        if (this.lastView && this.lastView.complete && !this.loading && sameQuery(before, this.query)) {
          this.post({ type: 'overview', data: { ...this.lastView, points: this.points.values() } });
        } else {
          await this.load();
        }

        if (this.inspectedModelId !== null) {
          await this.inspect(this.inspectedModelId);
        }
        return;
      }
      case 'setProjection':
        this.query = { ...this.query, projection: message.projection };
        await this.load();
        return;
      case 'setClass':
        this.query = { ...this.query, classIndex: message.classIndex };
        await this.load('colours');
        return;
      case 'inspect':
        await this.inspect(message.modelId);
        return;
      case 'closeInspector':
        this.inspectedModelId = null;
        return;
      case 'select':
        // The selection lives in the page; the host has nothing to do with it until Compare.
        return;
      case 'reload':
        await this.load();
        return;
      case 'refit':
        await this.refit();
        return;
      case 'ablate':
      case 'vary':
      case 'openAsFile':
        await this.run(modelCommands[message.type], { modelId: message.modelId });
        return;
      case 'compare':
        await this.run('remap.compareModels', { modelIds: message.modelIds });
        return;
    }
  }

  /** Asks, then fits the current view again on every model and reloads it. */
  private async refit(): Promise<void> {
    const query = this.query;
    const answer = await vscode.window.showWarningMessage(
      `Fit the ${query.projection} view of ${query.dataset} again on every model? Every point may move, for every user of this server.`,
      { modal: true },
      'Refit',
    );
    if (answer !== 'Refit') {
      return;
    }

    try {
      await recomputeProjection(this.connection.api, query);
    } catch (error) {
      this.postError(error);
      return;
    }

    await this.load();
  }

  /** Takes the view the page had before it was reloaded (hidden and shown again), when it was of this dataset. */
  private restore(state: WebviewState | null): void {
    if (!state || state.dataset !== this.query.dataset) {
      return;
    }

    this.query = { dataset: this.query.dataset, projection: state.projection, classIndex: state.classIndex };
    this.inspectedModelId = state.inspectedModelId ?? this.inspectedModelId;
  }

  private async run(command: string, argument: unknown): Promise<void> {
    try {
      await vscode.commands.executeCommand(command, argument);
    } catch (error) {
      this.postError(error);
    }
  }

  private switchDataset(dataset: string): void {
    this.query = { dataset, projection: this.query.projection, classIndex: null };
    this.inspectedModelId = null;
    this.panel.title = OverviewPanel.title(dataset);
    void this.load();
  }

  private async classNames(dataset: string): Promise<string[]> {
    const known = this.classNamesByDataset.get(dataset);
    if (known) {
      return known;
    }

    const names = await fetchClassNames(this.connection.api, dataset);
    this.classNamesByDataset.set(dataset, names);
    return names;
  }

  /**
   * Fetches the current view. A new view ('view') is posted page by page, the first at once and the
   * rest appended. Another colouring of the same points ('colours') is posted whole once every page
   * has arrived, so the page keeps its points and zoom and changes only their colours.
   */
  private async load(change: 'view' | 'colours' = 'view'): Promise<void> {
    const generation = ++this.generation;
    const query = this.query;
    const isCancelled = () => generation !== this.generation;
    this.loading = true;
    this.loadFailed = false;
    if (change === 'view') {
      this.lastView = null;
      this.points.clear();
    }

    this.post({ type: 'loading', dataset: query.dataset, projection: query.projection, classIndex: query.classIndex });

    try {
      const classNames = await this.classNames(query.dataset);
      if (change === 'colours') {
        const view = await fetchWholeView(this.connection.api, query, isCancelled);
        if (view) {
          this.points.clear();
          this.points.merge(view.points);
          this.lastView = { ...query, classNames, modelCount: view.modelCount, bounds: view.bounds, complete: true };
          this.post({ type: 'overview', data: { ...this.lastView, points: view.points } });
        }

        return;
      }

      let first = true;
      await fetchOverviewPages(
        this.connection.api,
        query,
        (page, complete) => {
          const points = page.points ?? [];
          if (first) {
            first = false;
            this.lastView = { ...query, classNames, modelCount: page.modelCount ?? points.length, bounds: page.bounds ?? null, complete };
            this.post({ type: 'overview', data: { ...this.lastView, points } });
          } else {
            this.post({ type: 'appendPoints', points, complete });
          }

          this.points.merge(points);
          if (this.lastView) {
            this.lastView.complete = complete;
          }
        },
        isCancelled,
      );
    } catch (error) {
      if (generation === this.generation) {
        this.loadFailed = true;
        this.postError(error);
      }
    } finally {
      if (generation === this.generation) {
        this.loading = false;
      }
    }
  }

  private async inspect(modelId: number): Promise<void> {
    this.inspectedModelId = modelId;
    const generation = this.generation;
    try {
      const data = await fetchInspection(this.connection.api, modelId);
      // After a server switch the response describes a model of the old server.
      if (this.inspectedModelId === modelId && generation === this.generation) {
        this.post({ type: 'inspection', data });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.postError(error);
      }
    }
  }

  private onConnectionChange(): void {
    if (this.connection.target.url !== this.serverUrl) {
      this.switchServer();
      return;
    }

    const connected = this.connection.state === 'connected';
    this.post({ type: 'status', connected, message: this.connection.problem });
    if (connected && this.loadFailed) {
      void this.load();
    } else if (connected) {
      this.liveUpdates.onReconnect();
    }
  }

  /**
   * Drops everything the old server sent. The page clears its points, selection and inspector at
   * once, and the new generation makes the panel ignore late responses to the old server's requests.
   */
  private switchServer(): void {
    this.serverUrl = this.connection.target.url;
    this.generation++;
    this.loading = false;
    this.lastView = null;
    this.points.clear();
    this.inspectedModelId = null;
    this.classNamesByDataset.clear();
    this.liveUpdates.forget();
    this.post({ type: 'serverChanged', url: this.serverUrl });

    const connected = this.connection.state === 'connected';
    this.post({ type: 'status', connected, message: this.connection.problem });
    void this.load();
  }

  private dispose(): void {
    if (OverviewPanel.current === this) {
      OverviewPanel.current = undefined;
    }

    this.liveUpdates.dispose();
    this.generation++;
    while (this.disposables.length > 0) {
      this.disposables.pop()?.dispose();
    }
  }
}
