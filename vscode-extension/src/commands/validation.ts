// Input box validation for the numbers the commands ask for. Each function returns the message the
// input box shows, or undefined when the text is valid; the ranges are the server's own limits.

function validateInteger(text: string, what: string, minimum: number, maximum: number): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return `Enter ${what}, a whole number from ${minimum} to ${maximum.toLocaleString('en-US')}.`;
  }
  if (!/^-?\d+$/.test(trimmed)) {
    return `"${trimmed}" is not a whole number. Enter ${what} from ${minimum} to ${maximum.toLocaleString('en-US')}.`;
  }

  const value = Number(trimmed);
  if (value < minimum || value > maximum) {
    return `${value} is out of range: ${what} must be from ${minimum} to ${maximum.toLocaleString('en-US')}.`;
  }
  return undefined;
}

/** N of "Generate Variations": how many children, 1 to 50. */
export function validateVariationCount(text: string): string | undefined {
  return validateInteger(text, 'the number of variations', 1, 50);
}

/** K of "Generate Variations": the most layer changes per child, 1 to 5. */
export function validateMaxChanges(text: string): string | undefined {
  return validateInteger(text, 'the maximum layer changes per variation', 1, 5);
}

/** Validates the number of architectures "Sample Population" draws, 1 to 200. */
export function validatePopulationCount(text: string): string | undefined {
  return validateInteger(text, 'the number of architectures', 1, 200);
}

/** Validates an optional seed: empty for a random one, else 0 to 2,147,483,647. */
export function validateOptionalSeed(text: string): string | undefined {
  return text.trim() === '' ? undefined : validateInteger(text, 'the seed', 0, 2_147_483_647);
}

/** Validates an optional population bound: empty for the server's default, else a whole number in the API's range. */
function validateOptionalInteger(text: string, what: string, minimum: number, maximum: number): string | undefined {
  return text.trim() === '' ? undefined : validateInteger(text, what, minimum, maximum);
}

/** "Sample Population"'s maximum layers per architecture, the final dense layer included: 2 to 30 (default 10). */
export function validateOptionalMaxDepth(text: string): string | undefined {
  return validateOptionalInteger(text, 'the maximum depth', 2, 30);
}

/** "Sample Population"'s maximum trainable parameters per architecture: 100 to 50,000,000 (default 1,000,000). */
export function validateOptionalMaxParameters(text: string): string | undefined {
  return validateOptionalInteger(text.replace(/[,_]/g, ''), 'the maximum parameters', 100, 50_000_000);
}

/** Checks the epochs each sampled architecture trains for: 1 to 1000, or empty for the default 5. */
export function validateOptionalEpochs(text: string): string | undefined {
  return validateOptionalInteger(text, 'the number of epochs', 1, 1000);
}

/** Parses text that passed its validation; an empty optional value becomes undefined. */
export function parseInteger(text: string): number | undefined {
  // Thousands separators are allowed in large numbers such as 1,000,000.
  const trimmed = text.trim().replace(/[,_]/g, '');
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The variation actions the server accepts, with the words shown in the multi-pick. */
export const variationActions = [
  { action: 'insert', label: 'Insert', detail: 'add a new layer before an existing one' },
  { action: 'remove', label: 'Remove', detail: 'drop a layer' },
  { action: 'replace', label: 'Replace', detail: 'swap a layer for one of another kind' },
  { action: 'reparameterise', label: 'Reparameterise', detail: 'change a layer’s parameters, such as filters or kernel size' },
] as const;

export type VariationAction = (typeof variationActions)[number]['action'];

/**
 * Builds the per-layer restrictions of a variations request. All actions allowed means no
 * restriction at all; otherwise every layer of the parent gets the same allowed actions.
 */
export function layerRestrictions(layerCount: number, actions: readonly VariationAction[]): { index: number; actions: string[] }[] | undefined {
  if (actions.length === variationActions.length) {
    return undefined;
  }

  return Array.from({ length: layerCount }, (_, index) => ({ index, actions: [...actions] }));
}
