// The architecture chip at row size: the Jobs and Models rows show it as a 16×16 icon and their
// tooltips as a larger image. Pure (no vscode import) so the unit tests check the geometry, the
// file names and the choice of requests. The heights and colours are those of src/shared/chip.ts.
import { blockHeight, chipHeight, colourOfKind, type ChipLayer } from '../shared/chip';

export interface IconBlock {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

/** The side of a tree row's icon, in pixels. */
export const rowIconSize = 16;

/** The widest tooltip chip, in pixels; a chip of many layers is narrowed to it. */
export const tooltipChipMaxWidth = 320;

/**
 * Fits the chip into width × height. Every layer keeps one block, bottom-aligned, and its height
 * relative to the others. The blocks narrow to share the width. The gaps go once a block would be
 * under 3 pixels wide, so a 40-layer chip still reads as one profile. With fillHeight the tallest
 * block fills the height (a 16-pixel icon of small layers would otherwise be a few pixels high);
 * without it the chip keeps its 48-unit scale, as the server's glyph and the webview draw it.
 */
export function fittedChipBlocks(layers: readonly ChipLayer[], width: number, height: number, fillHeight = false): IconBlock[] {
  if (layers.length === 0) {
    return [];
  }

  const slot = width / layers.length;
  const gap = slot >= 3 ? Math.min(slot / 6, 2) : 0;
  const tallest = fillHeight ? Math.max(...layers.map((layer) => blockHeight(layer.outputSize))) : chipHeight;
  const verticalScale = height / tallest;
  return layers.map((layer, index) => {
    const blockTall = blockHeight(layer.outputSize) * verticalScale;
    return { x: index * slot, y: height - blockTall, width: slot - gap, height: blockTall, colour: colourOfKind(layer.kind) };
  });
}

/** Returns the natural width of a chip drawn height pixels high: 10 units per block and 2 per gap, as the server's glyph. */
export function naturalChipWidth(layerCount: number, height: number): number {
  return Math.max(1, layerCount * 12 - 2) * (height / chipHeight);
}

function coordinate(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Renders the fitted chip as a standalone SVG document of exactly width × height pixels. */
export function fittedChipSvg(layers: readonly ChipLayer[], width: number, height: number, fillHeight = false): string {
  const rectangles = fittedChipBlocks(layers, width, height, fillHeight).map(
    (block) => `<rect x="${coordinate(block.x)}" y="${coordinate(block.y)}" width="${coordinate(block.width)}" height="${coordinate(block.height)}" fill="${block.colour}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rectangles.join('')}</svg>`;
}

/** Renders the row icon: the whole chip squeezed into 16×16, its tallest block full height. */
export function rowIconSvg(layers: readonly ChipLayer[]): string {
  return fittedChipSvg(layers, rowIconSize, rowIconSize, true);
}

/** Renders the tooltip chip: 48 pixels high at its natural width, narrowed to tooltipChipMaxWidth when it has many layers. */
export function tooltipChipSvg(layers: readonly ChipLayer[]): string {
  const width = Math.round(Math.min(tooltipChipMaxWidth, naturalChipWidth(layers.length, chipHeight)));
  return fittedChipSvg(layers, width, chipHeight);
}

/** Encodes an SVG document as a data: URI, for an image in a Markdown tooltip. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

function fileNamePart(text: string | null | undefined): string {
  return (text ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
}

/**
 * Returns the icon file's name for a model: by dataset and architecture hash when the model has a hash,
 * since models of one architecture on one input shape share a chip, or else by model id.
 * Characters outside [A-Za-z0-9_-] are dropped so a name is always a plain file name.
 */
export function iconFileName(modelId: number, architectureHash: string | null | undefined, dataset: string | null | undefined): string {
  const hash = fileNamePart(architectureHash);
  return hash.length > 0 ? `chip-${fileNamePart(dataset)}-${hash}.svg` : `chip-model-${modelId}.svg`;
}

/** A model whose layers are not cached yet, with the dataset it was trained on. */
export interface MissingModel {
  modelId: number;
  dataset: string | null | undefined;
}

export type LayerRequest = { kind: 'model'; modelId: number } | { kind: 'overview'; dataset: string; modelIds: number[] };

/**
 * Chooses how to read the layers of the models missing from the cache: one GET /api/v1/models/{id}
 * per model when a dataset has at most perModelLimit of them (a model just trained), else one GET
 * /api/v1/overview for the dataset, whose points carry every model's short form and output sizes.
 * Models without a dataset can only be read one by one.
 */
export function planLayerRequests(missing: readonly MissingModel[], perModelLimit = 8): LayerRequest[] {
  const byDataset = new Map<string, number[]>();
  const requests: LayerRequest[] = [];
  for (const model of missing) {
    if (!model.dataset) {
      requests.push({ kind: 'model', modelId: model.modelId });
      continue;
    }
    const ids = byDataset.get(model.dataset) ?? [];
    ids.push(model.modelId);
    byDataset.set(model.dataset, ids);
  }

  for (const [dataset, modelIds] of byDataset) {
    if (modelIds.length > perModelLimit) {
      requests.push({ kind: 'overview', dataset, modelIds });
    } else {
      requests.push(...modelIds.map((modelId) => ({ kind: 'model' as const, modelId })));
    }
  }
  return requests;
}

/**
 * The layers of each model by id. A model never changes its architecture, so an entry is never
 * stale and the cache is only cleared when the connection moves to another server.
 */
export class ModelLayerCache {
  private readonly layers = new Map<number, ChipLayer[]>();

  get(modelId: number): ChipLayer[] | undefined {
    return this.layers.get(modelId);
  }

  set(modelId: number, layers: ChipLayer[]): void {
    if (layers.length > 0) {
      this.layers.set(modelId, layers);
    }
  }

  missing<T extends { modelId: number }>(models: readonly T[]): T[] {
    const seen = new Set<number>();
    return models.filter((model) => {
      const wanted = !this.layers.has(model.modelId) && !seen.has(model.modelId);
      seen.add(model.modelId);
      return wanted;
    });
  }

  clear(): void {
    this.layers.clear();
  }
}
