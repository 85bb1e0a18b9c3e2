// Quick picks of trained models and of active jobs, for commands run from the palette.
import * as vscode from 'vscode';
import { unwrap, type Schemas } from '../api/client';
import type { RemapConnection } from '../connection';
import { formatAccuracy, formatParameters } from '../views/format';
import { required } from './common';

/** Lets the user choose among the trained models, best first; `exclude` leaves one out (for Compare). */
export async function pickTrainedModel(connection: RemapConnection, title: string, exclude?: number): Promise<Schemas['ModelSummary']> {
  const items = unwrap(connection.api.GET('/api/v1/models', { params: { query: { limit: 1000 } } }), connection.target).then((models) => {
    const trained = models.filter((model) => model.status === 'succeeded' && model.id !== exclude);
    if (trained.length === 0) {
      throw new Error(`The Remap server at ${connection.target.url} has no trained model yet. Train one with "Remap: Train Model" first.`);
    }
    return trained.map((model) => ({
      label: model.name ?? `model ${model.id}`,
      description: `${formatAccuracy(model.validationAccuracy)} · ${formatParameters(model.parameterCount)} params`,
      detail: `id ${model.id} · ${model.dataset ?? ''}${model.runCount && model.runCount > 1 ? ` · ${model.runCount} runs` : ''}`,
      model,
    }));
  });

  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Trained models, best validation accuracy first', matchOnDetail: true });
  return required(picked).model;
}

/** Lets the user choose a queued or running job. */
export async function pickActiveJob(connection: RemapConnection, title: string, modelName: (modelId: number) => string | undefined): Promise<Schemas['JobResponse']> {
  const items = Promise.all([
    unwrap(connection.api.GET('/api/v1/jobs', { params: { query: { state: 'running' } } }), connection.target),
    unwrap(connection.api.GET('/api/v1/jobs', { params: { query: { state: 'queued' } } }), connection.target),
  ]).then(([running, queued]) => {
    const jobs = [...running, ...queued];
    if (jobs.length === 0) {
      throw new Error('No job is queued or running, so there is nothing to cancel.');
    }
    return jobs.map((job) => ({
      label: modelName(job.modelId ?? 0) ?? `model ${job.modelId}`,
      description: `job ${job.id} · ${job.state}${job.epochs ? ` · epoch ${job.epoch}/${job.epochs}` : ''} · priority ${job.priority}`,
      job,
    }));
  });

  const picked = await vscode.window.showQuickPick(items, { title });
  return required(picked).job;
}
