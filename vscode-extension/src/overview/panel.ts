// The overview panel on the extension host: one webview for REMAP's model overview. The page gets
// its data only through messages: this class fetches the views page by page, follows the job event
// stream to post new and changed models, loads the inspector's data and runs the commands the
// page's buttons ask for.
import * as vscode from 'vscode';
import type { RemapConnection, JobEvent } from '../connection';
import type { HostMessage, Projection, WebviewMessage, WebviewState } from '../shared/messages';
import { parseWebviewState } from '../shared/messages';
import { createNonce, renderOverviewHtml } from './html';
import { fetchClassNames, fetchInspection, fetchOverviewPages, fetchOverviewPoint, maxSingleModelFetches, PointIndex, refreshingJobStates, type OverviewPage, type OverviewQuery } from './overviewData';

export interface OverviewOptions {
  dataset?: string;
  /** Opens the inspector on this model. */
  focusModelId?: number;
}

const viewType = 'remap.overview';

/** The commands (implemented elsewhere in the extension) behind the inspector's buttons. */
const modelCommands = { ablate: 'remap.ablate', vary: 'remap.vary', openAsFile: 'remap.openModelAsFile' } as const;

/** Job events arrive in bursts (a population queues hundreds of models); one refetch covers a burst. */
const refreshDelayMilliseconds = 1000;

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
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changedModelIds = new Set<number>();
  private inspectionChanged = false;
  private fullRefreshNeeded = false;

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
    this.panel.webview.html = this.html();

    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.receive(message)),
      this.connection.onJobEvent((event) => this.onJobEvent(event)),
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
      case 'ready':
        this.restore(parseWebviewState(message.state));
        await this.load();
        if (this.inspectedModelId !== null) {
          await this.inspect(this.inspectedModelId);
        }
        return;
      case 'setProjection':
        this.query = { ...this.query, projection: message.projection };
        await this.load();
        return;
      case 'setClass':
        this.query = { ...this.query, classIndex: message.classIndex };
        await this.load();
        return;
      case 'inspect':
        await this.inspect(message.modelId);
        return;
      case 'select':
        // The selection lives in the page; the host has nothing to do with it until Compare.
        return;
      case 'reload':
        await this.load();
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

  /** Fetches the current view from its first page: the first page is posted at once, the rest appended. */
  private async load(): Promise<void> {
    const generation = ++this.generation;
    const query = this.query;
    this.loading = true;
    this.points.clear();
    this.post({ type: 'loading', dataset: query.dataset, projection: query.projection, classIndex: query.classIndex });

    try {
      const classNames = await this.classNames(query.dataset);
      let first = true;
      await fetchOverviewPages(
        this.connection.api,
        query,
        (page, complete) => {
          const points = page.points ?? [];
          this.points.merge(points);
          if (first) {
            first = false;
            const data = { ...query, classNames, modelCount: page.modelCount ?? points.length, points, bounds: page.bounds ?? null, complete };
            this.post({ type: 'overview', data });
          } else {
            this.post({ type: 'appendPoints', points, complete });
          }
        },
        () => generation !== this.generation,
      );
    } catch (error) {
      if (generation === this.generation) {
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
    try {
      const data = await fetchInspection(this.connection.api, modelId);
      if (this.inspectedModelId === modelId) {
        this.post({ type: 'inspection', data });
      }
    } catch (error) {
      this.postError(error);
    }
  }

  private onJobEvent(event: JobEvent): void {
    if (event.type === 'reset') {
      this.fullRefreshNeeded = true;
    } else if (event.type === 'job-state' && refreshingJobStates.has(event.data?.state ?? '') && event.modelId !== undefined) {
      this.changedModelIds.add(event.modelId);
    } else if (event.modelId === undefined || event.modelId !== this.inspectedModelId) {
      return;
    }

    if (event.modelId !== undefined && event.modelId === this.inspectedModelId) {
      this.inspectionChanged = true;
    }

    this.scheduleRefresh();
  }

  private onConnectionChange(): void {
    const connected = this.connection.state === 'connected';
    this.post({ type: 'status', connected, message: this.connection.problem });
    if (connected) {
      this.fullRefreshNeeded = true;
      this.scheduleRefresh();
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
    }

    this.refreshTimer = setTimeout(() => void this.refresh(), refreshDelayMilliseconds);
  }

  /** Posts the points that changed since the last fetch: new models after the largest known id, and the models the events named. */
  private async refresh(): Promise<void> {
    this.refreshTimer = undefined;
    if (this.loading) {
      this.scheduleRefresh();
      return;
    }

    const generation = this.generation;
    const query = this.query;
    const changedIds = [...this.changedModelIds].filter((id) => this.points.has(id));
    const full = this.fullRefreshNeeded || changedIds.length > maxSingleModelFetches;
    const inspect = this.inspectionChanged;
    this.changedModelIds.clear();
    this.fullRefreshNeeded = false;
    this.inspectionChanged = false;

    try {
      const pages: OverviewPage[] = [];
      const after = full ? undefined : this.points.maxId;
      await fetchOverviewPages(this.connection.api, query, (page) => pages.push(page), () => generation !== this.generation, after);
      const focused = full ? [] : await Promise.all(changedIds.map((id) => fetchOverviewPoint(this.connection.api, query, id)));
      if (generation !== this.generation) {
        return;
      }

      const fetched = [...pages.flatMap((page) => page.points ?? []), ...focused.flatMap((result) => (result.point ? [result.point] : []))];
      const changed = this.points.merge(fetched);
      const last = pages[pages.length - 1];
      if (changed.length > 0) {
        this.post({ type: 'updatePoints', points: changed, modelCount: last?.modelCount ?? this.points.size, bounds: last?.bounds ?? null });
      }
    } catch (error) {
      this.postError(error);
    }

    if (inspect && this.inspectedModelId !== null) {
      await this.inspect(this.inspectedModelId);
    }
  }

  private dispose(): void {
    if (OverviewPanel.current === this) {
      OverviewPanel.current = undefined;
    }

    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
    }

    this.generation++;
    while (this.disposables.length > 0) {
      this.disposables.pop()?.dispose();
    }
  }
}
