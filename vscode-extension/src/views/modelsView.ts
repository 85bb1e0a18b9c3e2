// The Models view ("model drawer"): trained models, best validation accuracy first, read from
// GET /api/v1/models one page at a time with a "Load more" row. The layer table of a model is
// fetched only when its tooltip is shown. Each row's icon is the model's architecture chip.
import * as vscode from 'vscode';
import { RemapApiError, describeProblem, type Schemas } from '../api/client';
import type { RemapConnection } from '../connection';
import type { ChipModel, ChipStore } from './chipStore';
import { layerTable, presentModel } from './format';

export type ModelNode = { readonly kind: 'model'; readonly modelId: number; readonly summary: Schemas['ModelSummary'] } | { readonly kind: 'more' } | { readonly kind: 'message'; readonly text: string };

const pageSize = 200;
const reloadDelayMilliseconds = 2000;

export class ModelsView implements vscode.TreeDataProvider<ModelNode>, vscode.Disposable {
  private models: Schemas['ModelSummary'][] = [];
  private nextCursor: string | undefined;
  private loaded = false;
  private problem: string | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly connection: RemapConnection,
    private readonly chips: ChipStore,
  ) {
    this.disposables.push(
      connection.onJobEvent((event) => {
        // A finished training adds or moves a model; the stream's connected event follows a (re)connect.
        if ((event.type === 'job-state' && event.data?.state === 'succeeded') || event.type === 'connected' || event.type === 'reset') {
          this.scheduleReload();
        }
      }),
    );
  }

  async getChildren(element?: ModelNode): Promise<ModelNode[]> {
    if (element) {
      return [];
    }
    if (!this.loaded) {
      await this.load(pageSize, undefined);
    }
    if (this.problem) {
      return [{ kind: 'message', text: this.problem }];
    }

    const nodes: ModelNode[] = this.models
      .filter((model) => model.status === 'succeeded')
      .map((model) => ({ kind: 'model', modelId: model.id ?? 0, summary: model }));

    // Layers are cached by model id, so only models new since the last refresh cost a request.
    await this.chips.prepare(nodes.map((node) => chipModelOf(node)).filter((model): model is ChipModel => model !== undefined)).catch(() => undefined);
    if (this.nextCursor) {
      nodes.push({ kind: 'more' });
    }
    return nodes;
  }

  getTreeItem(node: ModelNode): vscode.TreeItem {
    if (node.kind === 'more') {
      const item = new vscode.TreeItem('Load more models…');
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: 'remap.models.loadMore', title: 'Load More Models' };
      return item;
    }
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text);
      item.iconPath = new vscode.ThemeIcon('warning');
      item.tooltip = node.text;
      return item;
    }

    const presentation = presentModel(node.summary);
    const item = new vscode.TreeItem(presentation.label);
    item.id = `model-${node.modelId}`;
    item.description = presentation.description;
    item.iconPath = this.chips.icon(chipModelOf(node) as ChipModel) ?? new vscode.ThemeIcon(presentation.icon.id);
    item.contextValue = presentation.contextValue;
    item.command = { command: 'remap.showModel', title: 'Show in Overview', arguments: [{ modelId: node.modelId }] };
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ModelNode): Promise<vscode.TreeItem> {
    if (node.kind !== 'model') {
      return item;
    }

    const { data, error, response } = await this.connection.api.GET('/api/v1/models/{id}', { params: { path: { id: node.modelId } } });
    // The detail also has the test accuracy, which the listing's summary lacks.
    const summary = new vscode.MarkdownString(presentModel(data ?? node.summary).tooltip);
    if (data) {
      this.chips.remember(node.modelId, data);
      summary.appendMarkdown(`\n\n${this.chips.tooltipImage(node.modelId)}\n\n${layerTable(data)}`);
    } else {
      summary.appendText(`\n\nThe layers could not be read: ${describeProblem(error as Schemas['HttpValidationProblemDetails'], response.status)}`);
    }
    item.tooltip = summary;
    return item;
  }

  refresh(): void {
    this.loaded = false;
    this.changeEmitter.fire();
  }

  async loadMore(): Promise<void> {
    if (this.nextCursor) {
      await this.load(pageSize, this.nextCursor);
      this.changeEmitter.fire();
    }
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.refresh(), reloadDelayMilliseconds);
  }

  /** Reads one page; without a cursor it starts over and keeps as many models as were shown before. */
  private async load(limit: number, cursor: string | undefined): Promise<void> {
    const shown = cursor ? 0 : Math.min(1000, Math.max(limit, this.models.length));
    try {
      const { data, error, response } = await this.connection.api.GET('/api/v1/models', { params: { query: { limit: cursor ? limit : shown, cursor } } });
      if (!data) {
        throw new RemapApiError(describeProblem(error as Schemas['HttpValidationProblemDetails'], response.status), response.status, undefined);
      }

      this.models = cursor ? [...this.models, ...data] : data;
      this.nextCursor = response.headers.get('X-Next-Cursor') ?? undefined;
      this.problem = undefined;
    } catch (error) {
      this.problem =
        error instanceof RemapApiError ? `Models could not be listed: ${error.message}` : `No Remap server answered at ${this.connection.target.url}. Use "Remap: Connect to Server" or "Remap: Start Local Server".`;
    }
    this.loaded = true;
  }
}

function chipModelOf(node: ModelNode): ChipModel | undefined {
  return node.kind === 'model' ? { modelId: node.modelId, dataset: node.summary.dataset, architectureHash: node.summary.architectureHash } : undefined;
}
