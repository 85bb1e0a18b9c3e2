// Sorts the language server's standard error lines by level for the "Remap Language Server"
// output. The server logs with .NET's simple console logger in single-line mode, so each entry
// starts with a level prefix ("info: Remap.LanguageServer[1] …"). Without this, every line would
// show as an error.
export type ServerLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const levelsByPrefix: Record<string, ServerLogLevel> = {
  trce: 'trace',
  dbug: 'debug',
  info: 'info',
  warn: 'warn',
  fail: 'error',
  crit: 'error',
};

export interface ServerLogLine {
  level: ServerLogLevel;
  /** The line without its level prefix. */
  text: string;
}

/**
 * Returns a function that classifies one line at a time. A line without a prefix, such as a stack
 * trace line, continues the entry above it and keeps its level. Before the first entry it is an
 * error, because the .NET host writes its own startup failures to standard error.
 */
export function createServerLogClassifier(): (line: string) => ServerLogLine {
  let previous: ServerLogLevel = 'error';
  return (line) => {
    const match = /^(trce|dbug|info|warn|fail|crit): (.*)$/.exec(line);
    if (!match) {
      return { level: previous, text: line };
    }

    previous = levelsByPrefix[match[1]];
    return { level: previous, text: match[2] };
  };
}
