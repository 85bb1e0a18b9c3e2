// vscode-languageclient 11 traces the protocol only while its trace channel's log level is Trace,
// and then maps remap.trace.server "off" to "messages". This channel's log level follows
// remap.trace.server instead, so the setting alone turns tracing on and off, and the trace lines go
// to the "Remap Language Server" output whatever that channel's own log level is.
import * as vscode from 'vscode';

export type TraceSetting = 'off' | 'messages' | 'verbose';

export function readTraceSetting(): TraceSetting {
  const value = vscode.workspace.getConfiguration('remap').get<string>('trace.server', 'off');
  return value === 'messages' || value === 'verbose' ? value : 'off';
}

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly disposables: vscode.Disposable[] = [this.levelChanged];

  readonly onDidChangeLogLevel = this.levelChanged.event;

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('remap.trace.server')) {
          this.levelChanged.fire(this.logLevel);
        }
      }),
    );
  }

  get name(): string {
    return this.output.name;
  }

  get logLevel(): vscode.LogLevel {
    return readTraceSetting() === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
  }

  trace(message: string): void {
    if (readTraceSetting() !== 'off') {
      this.output.appendLine(message);
    }
  }

  debug(message: string, ...args: unknown[]): void {
    this.output.debug(message, ...args);
  }

  info(message: string, ...args: unknown[]): void {
    this.output.info(message, ...args);
  }

  warn(message: string, ...args: unknown[]): void {
    this.output.warn(message, ...args);
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.output.error(error, ...args);
  }

  append(value: string): void {
    this.output.append(value);
  }

  appendLine(value: string): void {
    this.output.appendLine(value);
  }

  replace(value: string): void {
    this.output.replace(value);
  }

  clear(): void {
    this.output.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') {
      this.output.show(columnOrPreserveFocus);
    } else {
      this.output.show(columnOrPreserveFocus, preserveFocus);
    }
  }

  hide(): void {
    this.output.hide();
  }

  /** Disposes the listeners only: the output channel belongs to the caller. */
  dispose(): void {
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }
}
