// Commands on stored models: Show Model, Open Overview, Compare Two Models and Open as File.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { unwrap, type Schemas } from '../api/client';
import { OverviewPanel } from '../overview/panel';
import { resolveModelPair, resolveTarget } from './arguments';
import { required, type CommandContext } from './common';
import { diffMarkdown } from './diffText';
import { ModelDocumentProvider } from './modelDocuments';
import { pickTrainedModel } from './pickers';
import { openRemapDocument } from './register';
import { readHeader } from './source';

function getModel(context: CommandContext, id: number): Promise<Schemas['ModelDetail']> {
  return unwrap(context.connection.api.GET('/api/v1/models/{id}', { params: { path: { id } } }), context.connection.target);
}

/** Returns the model id the argument names, or asks the user to pick a trained model. */
async function modelIdOf(context: CommandContext, argument: unknown, title: string): Promise<number> {
  const target = resolveTarget(argument);
  if (target.kind === 'model') {
    return target.modelId;
  }
  if (target.kind === 'job' && target.modelId) {
    return target.modelId;
  }
  if (target.kind === 'file') {
    throw new Error(`${title} works on stored models; for a .remap file use Open Overview.`);
  }
  return (await pickTrainedModel(context.connection, title)).id ?? 0;
}

export async function showModel(context: CommandContext, argument: unknown): Promise<void> {
  const id = await modelIdOf(context, argument, 'Show Model');
  const model = await getModel(context, id);
  await OverviewPanel.show(context.extension, context.connection, { dataset: model.dataset ?? undefined, focusModelId: id });
}

export async function openOverview(context: CommandContext, argument: unknown): Promise<void> {
  const target = resolveTarget(argument);
  if (target.kind === 'model' || target.kind === 'job') {
    await showModel(context, argument);
    return;
  }

  let document: vscode.TextDocument | undefined;
  if (target.kind === 'file') {
    document = await openRemapDocument(target.uri);
  } else if (vscode.window.activeTextEditor?.document.languageId === 'remap') {
    document = vscode.window.activeTextEditor.document;
  }

  const text = document?.getText() ?? '';
  const dataset = required(await context.connection.pickDataset(readHeader(text, 'dataset')));
  const name = target.kind === 'file' ? (target.model ?? readHeader(text, 'model')) : readHeader(text, 'model');
  const focusModelId = name ? await findStoredModel(context, dataset, name) : undefined;
  await OverviewPanel.show(context.extension, context.connection, { dataset, focusModelId });
}

/**
 * Finds the newest stored model of the dataset with the file's model name, preferring trained ones.
 * NOTE: matches by name, because the API cannot look up a file's architecture without registering
 * (and so training) it. An edited file therefore still focuses the model stored under its name.
 */
async function findStoredModel(context: CommandContext, dataset: string, name: string): Promise<number | undefined> {
  let cursor: string | undefined;
  const matches: Schemas['ModelSummary'][] = [];
  for (let page = 0; page < 10; page++) {
    const { data, response } = await context.connection.api.GET('/api/v1/models', { params: { query: { dataset, limit: 1000, cursor } } });
    matches.push(...(data ?? []).filter((model) => model.name === name));
    cursor = response.headers.get('X-Next-Cursor') ?? undefined;
    if (!data || !cursor) {
      break;
    }
  }

  matches.sort((a, b) => Number(b.status === 'succeeded') - Number(a.status === 'succeeded') || (b.id ?? 0) - (a.id ?? 0));
  return matches[0]?.id;
}

export async function compareModels(context: CommandContext, documents: ModelDocumentProvider, argument: unknown): Promise<void> {
  let pair = resolveModelPair(argument);
  if (!pair) {
    const target = resolveTarget(argument);
    const firstModel = target.kind === 'model' ? await getModel(context, target.modelId) : await pickTrainedModel(context.connection, 'Compare: first model');
    const first = firstModel.id ?? 0;
    const second = (await pickTrainedModel(context.connection, `Compare ${firstModel.name ?? `model ${first}`} with…`, first)).id ?? 0;
    pair = [first, second];
  }

  const [first, second] = await Promise.all(pair.map((id) => getModel(context, id)));
  const diff = await unwrap(context.connection.api.GET('/api/v1/models/{id}/diff/{otherId}', { params: { path: { id: pair[0], otherId: pair[1] } } }), context.connection.target);

  const title = `${first.name} (${first.id}) ↔ ${second.name} (${second.id})`;
  await vscode.commands.executeCommand('vscode.diff', ModelDocumentProvider.uriOf(first), ModelDocumentProvider.uriOf(second), title);

  const changes = documents.putDiff(pair[0], pair[1], diffMarkdown(first, second, diff));
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', changes);
  } catch {
    // Without the built-in Markdown extension the change list still opens, as text.
    await vscode.window.showTextDocument(changes, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

export async function openModelAsFile(context: CommandContext, argument: unknown): Promise<void> {
  const id = await modelIdOf(context, argument, 'Open as File');
  const model = await getModel(context, id);
  const text = model.canonicalText ?? model.sourceText;
  if (!text) {
    throw new Error(`Model ${id} has no stored architecture text to write.`);
  }

  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `${model.name ?? `model-${id}`}.remap`;
  const chosen = required(
    await vscode.window.showSaveDialog({
      title: `Save ${model.name ?? `model ${id}`} as a .remap file`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { Remap: ['remap'] },
      saveLabel: 'Save Architecture',
    }),
  );

  if (await exists(chosen)) {
    const replace = await vscode.window.showWarningMessage(`${path.basename(chosen.path)} already exists. Replace it with model ${id}'s architecture?`, { modal: true }, 'Replace');
    required(replace);
  }

  await vscode.workspace.fs.writeFile(chosen, new TextEncoder().encode(text.endsWith('\n') ? text : `${text}\n`));
  await vscode.window.showTextDocument(chosen);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
