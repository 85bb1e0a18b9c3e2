// The architecture chip: one block per layer, left to right and bottom-aligned, coloured by the
// layer kind, its height growing with the log of the layer's output size. The numbers and colours
// are those of the server's SVG glyph (GET /api/v1/models/{id}/glyph.svg, ArchitectureGlyph in
// Remap.Api), so a chip drawn here looks like the one the server draws. Pure: the webview draws it
// on the page and the extension host can turn it into an SVG icon with chipSvg.

export const chipBlockWidth = 10;
export const chipGap = 2;
export const chipHeight = 48;
export const chipMaxBlockHeight = 44;

/** The block height used when the output size of a layer is unknown (a point without outputSizes). */
export const chipUnknownBlockHeight = 24;

/** The colour of each layer kind, by the kind's keyword in the layer catalog. */
export const layerKindColours: Readonly<Record<string, string>> = {
  conv2d: '#4e79a7',
  maxpool2d: '#f28e2b',
  avgpool2d: '#ffbe7d',
  dense: '#e15759',
  dropout: '#bab0ac',
  relu: '#59a14f',
  tanh: '#8cd17d',
  sigmoid: '#b6992d',
  leaky_relu: '#499894',
  gelu: '#86bcb6',
  batchnorm2d: '#b07aa1',
  flatten: '#9c755f',
  globalavgpool: '#d4a6c8',
};

/** The colour of a kind the table does not list. */
export const unknownKindColour = '#666666';

export interface ChipLayer {
  /** The layer kind's keyword (conv2d, relu, …), or the token itself when it is not recognised. */
  kind: string;
  /** The layer as written in the short form or the canonical text, for titles. */
  text: string;
  /** Element count of the layer's output, when known. */
  outputSize: number | null;
}

export interface ChipBlock {
  layer: ChipLayer;
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

export interface ChipGeometry {
  width: number;
  height: number;
  blocks: ChipBlock[];
}

/** Separator of the overview's short form, `conv16k3p1 → relu → max2 → flat → dense10`. */
const shortFormSeparator = '→';

// The short form tokens of LayerShortForm in Remap.Core: a prefix per kind, followed by numbers
// (conv16k3p1, max2s1, dense10, drop0.5, lrelu0.01), or the bare keyword.
const shortFormKinds: ReadonlyArray<readonly [RegExp, string]> = [
  [/^conv\d+k\d+(s\d+)?(p\d+)?$/, 'conv2d'],
  [/^max\d+(s\d+)?$/, 'maxpool2d'],
  [/^avg\d+(s\d+)?$/, 'avgpool2d'],
  [/^dense\d+$/, 'dense'],
  [/^drop[\d.]+$/, 'dropout'],
  [/^lrelu[\d.eE+-]*$/, 'leaky_relu'],
  [/^bn$/, 'batchnorm2d'],
  [/^flat$/, 'flatten'],
  [/^gap$/, 'globalavgpool'],
  [/^(relu|tanh|sigmoid|gelu)$/, '$1'],
];

/** Returns the layer kind keyword of one short form token, or the token itself when none matches. */
export function kindOfShortForm(token: string): string {
  for (const [pattern, kind] of shortFormKinds) {
    const match = pattern.exec(token);
    if (match) {
      return kind === '$1' ? match[1] : kind;
    }
  }

  return token;
}

/**
 * Splits an overview point's short form into layers. outputSizes, when given, must have one entry
 * per layer; a list of another length is ignored, so a stale or partial list never shifts heights.
 */
export function parseShortForm(layers: string | null | undefined, outputSizes?: readonly number[] | null): ChipLayer[] {
  const tokens = (layers ?? '')
    .split(shortFormSeparator)
    .map((token) => token.trim())
    .filter((token) => token.length > 0);
  const sizes = outputSizes && outputSizes.length === tokens.length ? outputSizes : null;
  return tokens.map((token, index) => ({ kind: kindOfShortForm(token), text: token, outputSize: sizes ? sizes[index] : null }));
}

/** Converts a model's layer table (GET /api/v1/models/{id}) to chip layers, with output sizes from the output shapes. */
export function layersOfTable(rows: ReadonlyArray<{ kind?: string | null; text?: string | null; outputShape?: number[] | null }>): ChipLayer[] {
  return rows.map((row) => ({
    kind: row.kind ?? 'unknown',
    text: row.text ?? row.kind ?? '',
    outputSize: row.outputShape ? row.outputShape.reduce((product, dimension) => product * dimension, 1) : null,
  }));
}

/** Returns the block height for a layer with this many output values: 4 + 6·log10(1 + values), at most 44. */
export function blockHeight(outputValues: number | null): number {
  if (outputValues === null || !Number.isFinite(outputValues) || outputValues < 0) {
    return chipUnknownBlockHeight;
  }

  return Math.min(chipMaxBlockHeight, 4 + 6 * Math.log10(1 + outputValues));
}

export function colourOfKind(kind: string): string {
  return layerKindColours[kind] ?? unknownKindColour;
}

/** Lays the blocks out in chip units (48 high); scale the result to draw it smaller. */
export function chipGeometry(layers: readonly ChipLayer[]): ChipGeometry {
  const blocks = layers.map((layer, index) => {
    const height = blockHeight(layer.outputSize);
    return {
      layer,
      x: index * (chipBlockWidth + chipGap),
      y: chipHeight - height,
      width: chipBlockWidth,
      height,
      colour: colourOfKind(layer.kind),
    };
  });
  return { width: Math.max(1, layers.length * (chipBlockWidth + chipGap) - chipGap), height: chipHeight, blocks };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function formatCoordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Renders the chip as an SVG document, as the server's glyph draws it, for icons on the host side. */
export function chipSvg(layers: readonly ChipLayer[]): string {
  const geometry = chipGeometry(layers);
  const rectangles = geometry.blocks.map((block, index) => {
    const size = block.layer.outputSize === null ? '' : ` → ${block.layer.outputSize} values`;
    const title = escapeXml(`${index + 1}. ${block.layer.text}${size}`);
    return `<rect x="${block.x}" y="${formatCoordinate(block.y)}" width="${block.width}" height="${formatCoordinate(block.height)}" fill="${block.colour}" data-kind="${escapeXml(block.layer.kind)}"><title>${title}</title></rect>`;
  });
  const size = `width="${geometry.width}" height="${geometry.height}" viewBox="0 0 ${geometry.width} ${geometry.height}"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" ${size} role="img"><title>${layers.length} layers</title>${rectangles.join('')}</svg>`;
}
