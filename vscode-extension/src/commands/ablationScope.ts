// The scope of an ablation (every layer, the API's default, whole blocks, or the layers the user picks)
// and the text for the removals the server skipped. It has no vscode import, so unit tests check it.
import type { Schemas } from '../api/client';

export type AblationScope = 'all' | 'blocks' | 'layers';

export const ablationScopes: readonly { scope: AblationScope; label: string; detail: string }[] = [
  { scope: 'all', label: 'All layers', detail: 'Remove each layer in turn, all but the final dense layer (one child per layer)' },
  { scope: 'blocks', label: 'Blocks', detail: 'Remove whole blocks: a conv2d with the batchnorm2d, activation, dropout and pooling layers after it' },
  { scope: 'layers', label: 'Choose layers…', detail: 'Pick the layers to remove, one child each' },
];

export interface LayerChoice {
  /** "3. relu": the 1-based number the change texts use, then the layer as written. */
  label: string;
  /** The 0-based index the API expects. */
  index: number;
}

/** Lists the layers a user may pick for removal: every layer of the table but the last, which the server never removes. */
export function removableLayers(layers: readonly Schemas['LayerTableRow'][]): LayerChoice[] {
  return layers.slice(0, -1).map((layer, position) => {
    const index = layer.index ?? position;
    return { label: `${index + 1}. ${layer.text ?? layer.kind ?? 'layer'}`, index };
  });
}

/** Builds the ablation request for a scope. The picked indexes are used only by the 'layers' scope. */
export function ablationRequest(scope: AblationScope, pickedIndexes: readonly number[] = []): Schemas['CreateAblationStudyRequest'] {
  if (scope === 'blocks') {
    return { blocks: true };
  }
  if (scope === 'layers') {
    return { layers: [...pickedIndexes].sort((a, b) => a - b) };
  }
  return {};
}

/** Formats one line per skipped removal, such as "layer 3 (relu): the shapes no longer fit". */
export function describeSkipped(skipped: readonly Schemas['SkippedAblationResponse'][]): string[] {
  return skipped.map((skip) => {
    const numbers = (skip.layerIndexes && skip.layerIndexes.length > 0 ? skip.layerIndexes : [skip.layerIndex ?? 0]).map((index) => index + 1);
    const which = numbers.length === 1 ? `layer ${numbers[0]}` : `layers ${numbers.join(', ')}`;
    return `${which} (${skip.layer ?? 'unknown'}): ${skip.reason ?? 'no reason given'}`;
  });
}
