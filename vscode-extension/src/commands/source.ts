// Reading the header of a .remap file on the extension side: which model and dataset it names, and
// the remap.defaults.* values the language server also applies to files without an input or classes line.

/** Returns the value of a header line such as `dataset fashion-mnist-sample`, or undefined. */
export function readHeader(text: string, keyword: 'model' | 'dataset' | 'input' | 'classes'): string | undefined {
  const match = new RegExp(`^[ \\t]*${keyword}[ \\t]+([^\\s#]+)`, 'm').exec(text);
  return match?.[1];
}

export interface SourceDefaults {
  input?: string;
  classes?: number | null;
}

/**
 * Adds `input` and `classes` lines from the settings when the file has none, right after the model
 * line (or at the top), so the server compiles the same architecture the language server checked.
 */
export function applyDefaults(text: string, defaults: SourceDefaults): string {
  const additions: string[] = [];
  if (defaults.input && !readHeader(text, 'input')) {
    additions.push(`input ${defaults.input}`);
  }
  if (defaults.classes != null && !readHeader(text, 'classes')) {
    additions.push(`classes ${defaults.classes}`);
  }
  if (additions.length === 0) {
    return text;
  }

  const modelLine = /^[ \t]*model[ \t]+[^\n]*\n?/m.exec(text);
  if (!modelLine) {
    return `${additions.join('\n')}\n${text}`;
  }

  const end = modelLine.index + modelLine[0].length;
  const separator = modelLine[0].endsWith('\n') ? '' : '\n';
  return `${text.slice(0, end)}${separator}${additions.join('\n')}\n${text.slice(end)}`;
}

export interface DiagnosticLine {
  line?: number;
  column?: number;
  severity?: string;
  message?: string;
}

/** Reads the diagnostics that the problem document of a 400 response to POST /api/v1/models carries. */
export function readDiagnostics(problem: unknown): DiagnosticLine[] {
  if (typeof problem !== 'object' || problem === null) {
    return [];
  }

  const diagnostics = (problem as { diagnostics?: unknown }).diagnostics;
  return Array.isArray(diagnostics) ? (diagnostics as DiagnosticLine[]) : [];
}

/** Formats each error as one line, such as "line 3, column 5: Unknown layer 'conv3d'.", leaving out warnings. */
export function formatDiagnostics(diagnostics: readonly DiagnosticLine[]): string[] {
  return diagnostics
    .filter((diagnostic) => (diagnostic.severity ?? 'error') === 'error')
    .map((diagnostic) => `line ${diagnostic.line ?? '?'}, column ${diagnostic.column ?? '?'}: ${diagnostic.message ?? 'unknown problem'}`);
}

/** True when two .remap texts differ at most in line endings and trailing spaces, so the server stored the one as the other. */
export function sameSource(stored: string, local: string): boolean {
  const normalize = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  return normalize(stored) === normalize(local);
}
