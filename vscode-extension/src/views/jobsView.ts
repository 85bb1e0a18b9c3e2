// The Jobs view: GET /api/v1/jobs when the event stream connects, then one row update per event.
// Batch events arrive up to four times a second per job, so row changes are collected and
// flushed together at most every throttleMilliseconds. Each row's icon is the architecture chip of
// the job's model; the row's state goes into its description instead.
import * as vscode from 'vscode';
import { unwrap } from '../api/client';
import type { JobEvent, RemapConnection } from '../connection';
import type { ChipModel, ChipStore } from './chipStore';
import { presentJob } from './format';
import { JobTable, type ActiveCounts, type JobRow } from './jobTable';

export interface JobNode {
  readonly kind: 'job';
  readonly jobId: number;
  readonly modelId: number;
}

const throttleMilliseconds = 300;

export class JobsView implements vscode.TreeDataProvider<JobNode>, vscode.Disposable {
  private readonly table = new JobTable();
  private readonly nodes = new Map<number, JobNode>();
  private readonly modelNames = new Map<number, string>();
  private readonly chipModels = new Map<number, ChipModel>();
  private readonly changeEmitter = new vscode.EventEmitter<JobNode | JobNode[] | undefined>();
  private readonly queueEmitter = new vscode.EventEmitter<number>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.queueEmitter];
  private pendingRows = new Set<number>();
  private pendingAll = false;
  private flushTimer: NodeJS.Timeout | undefined;
  /** Events that arrive while a listing is on its way; applied after it so none is lost. */
  private buffered: JobEvent[] | undefined;

  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** Fires with the number of queued and running jobs whenever it may have changed. */
  readonly onDidChangeQueueLength = this.queueEmitter.event;

  constructor(
    private readonly connection: RemapConnection,
    private readonly chips: ChipStore,
  ) {
    this.disposables.push(
      connection.onJobEvent((event) => this.handle(event)),
      // Rows show "last known" while the server is unreachable, so a state change redraws them all.
      connection.onDidChangeState(() => this.schedule(undefined)),
    );
  }

  get queueLength(): number {
    return this.table.queueLength();
  }

  get activeCounts(): ActiveCounts {
    return this.table.activeCounts();
  }

  job(jobId: number): JobRow | undefined {
    return this.table.get(jobId);
  }

  modelName(modelId: number): string | undefined {
    return this.modelNames.get(modelId);
  }

  getChildren(element?: JobNode): JobNode[] {
    if (element) {
      return [];
    }
    return this.table.list().map((row) => this.nodeFor(row));
  }

  getTreeItem(node: JobNode): vscode.TreeItem {
    const row = this.table.get(node.jobId);
    if (!row) {
      return new vscode.TreeItem(`job ${node.jobId}`);
    }

    const lastKnown = this.connection.state !== 'connected';
    const presentation = presentJob(row, this.modelNames.get(row.modelId), lastKnown);
    const item = new vscode.TreeItem(presentation.label);
    item.id = `job-${row.id}`;
    const chipModel = this.chipModels.get(row.modelId);
    const chip = chipModel ? this.chips.icon(chipModel) : undefined;
    // With the chip in the icon's place, the state icon's meaning moves into the description.
    item.description = chip && !lastKnown && ['queued', 'running'].includes(row.state) ? `${row.state} · ${presentation.description}` : presentation.description;
    item.tooltip = new vscode.MarkdownString(chip ? `${presentation.tooltip}\n\n${this.chips.tooltipImage(row.modelId)}` : presentation.tooltip);
    item.iconPath = chip ?? new vscode.ThemeIcon(presentation.icon.id, presentation.icon.color ? new vscode.ThemeColor(presentation.icon.color) : undefined);
    item.contextValue = presentation.contextValue;
    item.command = { command: 'remap.showModel', title: 'Show Model', arguments: [{ modelId: row.modelId }] };
    return item;
  }

  /** Reads every job again; the stream's connected and reset events call it, and so does the view's refresh button. */
  async refresh(latestEventId?: number): Promise<void> {
    this.buffered ??= [];
    try {
      const jobs = await unwrap(this.connection.api.GET('/api/v1/jobs'), this.connection.target);
      this.table.replace(jobs, latestEventId ?? 0);
      for (const event of this.buffered) {
        this.table.apply(event);
      }
    } finally {
      this.buffered = undefined;
    }

    await this.loadModelNames();
    this.schedule(undefined);
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }

  private handle(event: JobEvent): void {
    if (event.type === 'connected' || event.type === 'reset') {
      this.refresh(event.id).catch((error: unknown) => {
        void vscode.window.showWarningMessage(`The Jobs view could not list the jobs: ${(error as Error).message}`);
      });
      return;
    }

    if (this.buffered) {
      this.buffered.push(event);
      return;
    }

    const change = this.table.apply(event);
    if (change.kind === 'added') {
      void this.loadModelNames().then(() => this.schedule(undefined));
    } else if (change.kind === 'row') {
      // A state change can move the row (running jobs first), so it redraws the list.
      this.schedule(event.type === 'job-state' ? undefined : change.row.id);
    }
  }

  /** Fetches the names and layers of the models whose jobs are shown, for the rows' labels and icons. */
  private async loadModelNames(): Promise<void> {
    const missing = [...new Set(this.table.list().map((row) => row.modelId))].filter((id) => !this.modelNames.has(id));
    for (const modelId of missing.slice(0, 100)) {
      const { data } = await this.connection.api.GET('/api/v1/models/{id}', { params: { path: { id: modelId } } }).catch(() => ({ data: undefined }));
      if (data?.name) {
        this.modelNames.set(modelId, data.name);
      }
      if (data) {
        this.chips.remember(modelId, data);
        this.chipModels.set(modelId, { modelId, dataset: data.dataset, architectureHash: data.architectureHash });
      }
    }

    await this.chips.prepare([...this.chipModels.values()]).catch(() => undefined);
  }

  private nodeFor(row: JobRow): JobNode {
    let node = this.nodes.get(row.id);
    if (!node) {
      node = { kind: 'job', jobId: row.id, modelId: row.modelId };
      this.nodes.set(row.id, node);
    }
    return node;
  }

  private schedule(jobId: number | undefined): void {
    if (jobId === undefined) {
      this.pendingAll = true;
    } else {
      this.pendingRows.add(jobId);
    }

    this.flushTimer ??= setTimeout(() => this.flush(), throttleMilliseconds);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (this.pendingAll) {
      this.changeEmitter.fire(undefined);
    } else {
      const nodes = [...this.pendingRows].map((id) => this.nodes.get(id)).filter((node): node is JobNode => node !== undefined);
      if (nodes.length > 0) {
        this.changeEmitter.fire(nodes);
      }
    }

    this.pendingAll = false;
    this.pendingRows = new Set();
    this.queueEmitter.fire(this.table.queueLength());
  }
}
