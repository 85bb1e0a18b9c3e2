// Command targets. The language server's code lenses pass { uri, model }, the
// overview webview and the trees pass objects with a modelId (tree elements carry one), Compare
// passes { modelIds: [a, b] }, and the palette passes nothing.

export type CommandTarget =
  | { kind: 'file'; uri: string; model?: string }
  | { kind: 'model'; modelId: number }
  | { kind: 'job'; jobId: number; modelId?: number }
  | { kind: 'none' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Reads a uri given as a string or as a vscode.Uri-like object (anything with a scheme and toString). */
function readUri(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  if (isRecord(value) && typeof value.scheme === 'string' && typeof value.toString === 'function') {
    return String(value.toString());
  }
  return undefined;
}

/**
 * Resolves a command argument. Throws, with a message for the user, when the argument is an object
 * of none of the known shapes, so a wrong caller shows up instead of silently falling back to a pick.
 */
export function resolveTarget(argument: unknown): CommandTarget {
  if (argument === undefined || argument === null) {
    return { kind: 'none' };
  }

  // A bare uri: a string, or a vscode.Uri from the explorer's context menu.
  const uri = readUri(argument);
  if (uri) {
    return { kind: 'file', uri };
  }

  if (isRecord(argument)) {
    if (isId(argument.jobId)) {
      return { kind: 'job', jobId: argument.jobId, modelId: isId(argument.modelId) ? argument.modelId : undefined };
    }
    if (isId(argument.modelId)) {
      return { kind: 'model', modelId: argument.modelId };
    }

    const fileUri = readUri(argument.uri);
    if (fileUri) {
      return { kind: 'file', uri: fileUri, model: typeof argument.model === 'string' && argument.model !== '' ? argument.model : undefined };
    }
  }

  throw new Error(`The command received an argument it cannot use (${describeArgument(argument)}). Pass { uri, model }, { modelId } or nothing.`);
}

/** Reads the two ids of { modelIds: [a, b] }, or undefined when the argument has another shape. */
export function resolveModelPair(argument: unknown): [number, number] | undefined {
  if (!isRecord(argument) || !Array.isArray(argument.modelIds)) {
    return undefined;
  }

  const [first, second] = argument.modelIds as unknown[];
  if (argument.modelIds.length !== 2 || !isId(first) || !isId(second)) {
    throw new Error(`Compare needs exactly two model ids, but received ${JSON.stringify(argument.modelIds)}.`);
  }
  return [first, second];
}

function describeArgument(argument: unknown): string {
  try {
    const text = JSON.stringify(argument);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return typeof argument;
  }
}
