// Read-only virtual documents for Compare: `remap-model:/<id>/<name>.remap` contains a stored
// model's canonical text and `remap-model:/diff/<a>-<b>.md` the change list between two models.
import * as vscode from 'vscode';
import { unwrap, type Schemas } from '../api/client';
import type { RemapConnection } from '../connection';

export const modelScheme = 'remap-model';

export class ModelDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly diffs = new Map<string, string>();

  constructor(private readonly connection: RemapConnection) {}

  static uriOf(model: Schemas['ModelDetail']): vscode.Uri {
    return vscode.Uri.from({ scheme: modelScheme, path: `/${model.id}/${model.name ?? 'model'}.remap` });
  }

  /** Stores a change list as Markdown and returns the uri that reads it. */
  putDiff(firstId: number, secondId: number, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: modelScheme, path: `/diff/${firstId}-${secondId}.md` });
    this.diffs.set(uri.path, markdown);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const diff = this.diffs.get(uri.path);
    if (diff !== undefined) {
      return diff;
    }

    const id = Number(uri.path.split('/')[1]);
    if (!Number.isInteger(id) || id <= 0) {
      throw new Error(`${uri.toString()} names no model id.`);
    }
    const model = await unwrap(this.connection.api.GET('/api/v1/models/{id}', { params: { path: { id } } }), this.connection.target);
    return model.canonicalText ?? model.sourceText ?? '';
  }
}
