// Reads the layers of the models the Jobs and Models rows show, caches them by model id, and
// writes each chip's 16×16 icon once to the extension's global storage, where tree items can load
// it. The folder is emptied when the extension starts, so icons of deleted models do not pile up.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Schemas } from '../api/client';
import type { RemapConnection } from '../connection';
import { layersOfTable, parseShortForm, type ChipLayer } from '../shared/chip';
import { ModelLayerCache, iconFileName, planLayerRequests, rowIconSvg, svgDataUri, tooltipChipSvg, type MissingModel } from './chipIcon';

export interface ChipModel extends MissingModel {
  architectureHash: string | null | undefined;
}

export class ChipStore {
  private readonly cache = new ModelLayerCache();
  private readonly written = new Map<string, vscode.Uri>();
  private readonly folder: string;
  private ready: Promise<void>;
  private serverUrl: string;

  constructor(
    private readonly connection: RemapConnection,
    storage: vscode.Uri,
  ) {
    this.folder = path.join(storage.fsPath, 'chips');
    this.serverUrl = connection.target.url;
    this.ready = this.emptyFolder();
  }

  /** Keeps the layers of a model read elsewhere (a tooltip's or a label's GET /api/v1/models/{id}). */
  remember(modelId: number, detail: Schemas['ModelDetail']): void {
    this.checkServer();
    this.cache.set(modelId, layersOfTable(detail.layers ?? []));
  }

  layers(modelId: number): ChipLayer[] | undefined {
    this.checkServer();
    return this.cache.get(modelId);
  }

  /** Reads the layers of the models not cached yet and writes their icons; failures leave a model without a chip. */
  async prepare(models: readonly ChipModel[]): Promise<void> {
    this.checkServer();
    await this.ready;
    for (const request of planLayerRequests(this.cache.missing(models))) {
      if (request.kind === 'model') {
        const { data } = await this.connection.api.GET('/api/v1/models/{id}', { params: { path: { id: request.modelId } } }).catch(() => ({ data: undefined }));
        if (data) {
          this.remember(request.modelId, data);
        }
      } else {
        await this.readOverview(request.dataset, new Set(request.modelIds));
      }
    }

    await Promise.all(models.map((model) => this.writeIcon(model)));
  }

  /** Returns the icon file of a model, when its layers are known and the file is written. */
  icon(model: ChipModel): vscode.Uri | undefined {
    return this.written.get(iconFileName(model.modelId, model.architectureHash, model.dataset));
  }

  /** Markdown of the larger chip for a tooltip, or an empty string when the layers are unknown. */
  tooltipImage(modelId: number): string {
    const layers = this.cache.get(modelId);
    return layers ? `![Architecture: ${layers.length} layers](${svgDataUri(tooltipChipSvg(layers))})` : '';
  }

  private async readOverview(dataset: string, wanted: Set<number>): Promise<void> {
    const { data } = await this.connection.api
      .GET('/api/v1/overview', { params: { query: { projection: 'accuracy-size', dataset, limit: 50_000 } } })
      .catch(() => ({ data: undefined }));
    for (const point of data?.points ?? []) {
      if (point.id !== undefined && wanted.has(point.id)) {
        this.cache.set(point.id, parseShortForm(point.layers, point.outputSizes));
      }
    }
  }

  private async writeIcon(model: ChipModel): Promise<void> {
    const name = iconFileName(model.modelId, model.architectureHash, model.dataset);
    const layers = this.cache.get(model.modelId);
    if (!layers || this.written.has(name)) {
      return;
    }

    const file = path.join(this.folder, name);
    await writeFile(file, rowIconSvg(layers), 'utf8');
    this.written.set(name, vscode.Uri.file(file));
  }

  private async emptyFolder(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const names = await readdir(this.folder);
    await Promise.all(names.filter((name) => name.startsWith('chip-')).map((name) => rm(path.join(this.folder, name), { force: true })));
  }

  /** Model ids belong to one server: another server's models get fresh layers and icons. */
  private checkServer(): void {
    if (this.connection.target.url !== this.serverUrl) {
      this.serverUrl = this.connection.target.url;
      this.cache.clear();
      this.written.clear();
      this.ready = this.emptyFolder();
    }
  }
}
