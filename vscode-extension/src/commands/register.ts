// Sends a .remap file to POST /api/v1/models. Train, Ablate and Vary all start here when they were
// invoked on a file: the server returns the stored model when the same architecture was queued or
// trained before, so registering twice queues nothing new.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeProblem, RemapApiError, unwrap, type Schemas } from '../api/client';
import type { RemapConnection } from '../connection';
import { required } from './common';
import { applyDefaults, formatDiagnostics, readDiagnostics, readHeader, sameSource } from './source';

export interface RegisteredModel {
  response: Schemas['CreatedModelResponse'];
  fileName: string;
}

/** Opens the file given as a uri, or the active .remap editor when there is none. */
export async function openRemapDocument(uri: string | undefined): Promise<vscode.TextDocument> {
  if (uri) {
    return vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  }

  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'remap') {
    throw new Error('Open a .remap file first, or run the command from the Train code lens above a model.');
  }
  return document;
}

/** Registers the document's text (unsaved edits included) and returns the model and its job. */
export async function registerDocument(connection: RemapConnection, document: vscode.TextDocument): Promise<RegisteredModel> {
  const fileName = path.basename(document.uri.path);
  const source = documentSource(document);

  // The file's own dataset line wins; otherwise the default setting, the only dataset or the user's choice.
  const fileDataset = readHeader(source, 'dataset');
  const dataset = fileDataset ? undefined : required(await connection.pickDataset());

  try {
    const response = await unwrap(connection.api.POST('/api/v1/models', { body: { source, dataset } }), connection.target);
    return { response, fileName };
  } catch (error) {
    if (error instanceof RemapApiError && error.status === 400) {
      const lines = formatDiagnostics(readDiagnostics(error.problem));
      if (lines.length > 0) {
        throw new Error(`${fileName} does not compile: ${lines.join('; ')}.`);
      }
      throw new Error(`${fileName} was rejected: ${error.message}`);
    }
    throw error;
  }
}

/** Returns the text a registration sends: the document's text with remap.defaults' input and classes filled in where it has none. */
export function documentSource(document: vscode.TextDocument): string {
  const configuration = vscode.workspace.getConfiguration('remap.defaults');
  return applyDefaults(document.getText(), { input: configuration.get<string>('input', '').trim() || undefined, classes: configuration.get<number | null>('classes', null) });
}

/**
 * Finds a stored model of this exact source text without registering it (which would queue its
 * training): the newest model of the same name, and dataset when the file names one, whose stored
 * source matches. Undefined when there is none.
 */
export async function findModelOfSource(connection: RemapConnection, source: string): Promise<Schemas['ModelDetail'] | undefined> {
  const name = readHeader(source, 'model');
  const dataset = readHeader(source, 'dataset');
  if (!name) {
    return undefined;
  }

  const candidates: Schemas['ModelSummary'][] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { data, error, response } = await connection.api.GET('/api/v1/models', { params: { query: { limit: 1000, dataset, cursor } } });
    if (!data) {
      throw new RemapApiError(describeProblem(error as Schemas['HttpValidationProblemDetails'], response.status), response.status, undefined);
    }
    candidates.push(...data.filter((model) => model.name === name));
    cursor = response.headers.get('X-Next-Cursor') ?? undefined;
    if (!cursor) {
      break;
    }
  }

  candidates.sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
  for (const candidate of candidates.slice(0, 20)) {
    const detail = await unwrap(connection.api.GET('/api/v1/models/{id}', { params: { path: { id: candidate.id ?? 0 } } }), connection.target);
    if (sameSource(detail.sourceText ?? '', source)) {
      return detail;
    }
  }
  return undefined;
}
