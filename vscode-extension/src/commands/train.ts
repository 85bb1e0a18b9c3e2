// "Train Model": registers the file, then follows its job in a cancellable notification.
import * as vscode from 'vscode';
import { unwrap } from '../api/client';
import { resolveTarget } from './arguments';
import type { CommandContext } from './common';
import { describeOutcome, followJob } from './progress';
import { openRemapDocument, registerDocument } from './register';
import { formatAccuracy } from '../views/format';

export async function trainModel(context: CommandContext, argument: unknown): Promise<void> {
  const target = resolveTarget(argument);
  if (target.kind === 'model' || target.kind === 'job') {
    throw new Error('Train Model works on a .remap file. To derive new models from a stored one, use Run Ablation or Generate Variations.');
  }

  const document = await openRemapDocument(target.kind === 'file' ? target.uri : undefined);
  const { response, fileName } = await registerDocument(context.connection, document);
  const model = response.model ?? {};
  const job = response.job ?? {};
  const name = model.name ?? fileName;

  if (response.reused && model.status === 'succeeded') {
    const choice = await vscode.window.showInformationMessage(
      `${name} is already trained (model ${model.id}, ${formatAccuracy(model.validationAccuracy)} validation accuracy), so nothing new was queued.`,
      'Show in Overview',
    );
    if (choice) {
      await vscode.commands.executeCommand('remap.showModel', { modelId: model.id });
    }
    return;
  }

  if (response.reused) {
    context.log.info(`${name} matches model ${model.id}, whose job ${job.id} is ${job.state}; following it.`);
  }

  const title = response.reused ? `Training ${name} (already ${job.state} as model ${model.id})` : `Training ${name}`;
  const outcome = await followJob(context.connection, job.id ?? 0, { title, cancelJob: true });
  if (outcome.state === 'cancelled') {
    // A cancellation is the user's (or another client's) choice, not a failure, so it is reported once, without a warning.
    if (outcome.cancelledBy !== 'cancel-command') {
      void vscode.window.showInformationMessage(`${name} ${describeOutcome(outcome)}.`);
    }
    return;
  }
  await reportTraining(context, name, model.id ?? 0, outcome.state === 'succeeded' ? undefined : describeOutcome(outcome));
}

/** Tells the user how training ended, with the model's mean accuracy over its runs when it succeeded. */
async function reportTraining(context: CommandContext, name: string, modelId: number, failure: string | undefined): Promise<void> {
  if (failure) {
    void vscode.window.showWarningMessage(`${name} ${failure}.`);
    return;
  }

  const model = await unwrap(context.connection.api.GET('/api/v1/models/{id}', { params: { path: { id: modelId } } }), context.connection.target);
  const spread = model.validationAccuracyStd ? ` ± ${(model.validationAccuracyStd * 100).toFixed(1)}` : '';
  const choice = await vscode.window.showInformationMessage(
    `${name} trained: ${formatAccuracy(model.validationAccuracy)}${spread} validation accuracy, ${(model.parameterCount ?? 0).toLocaleString('en-US')} parameters.`,
    'Show in Overview',
    'Run Ablation',
    'Generate Variations',
  );

  const commands: Record<string, string> = { 'Show in Overview': 'remap.showModel', 'Run Ablation': 'remap.ablate', 'Generate Variations': 'remap.vary' };
  if (choice) {
    await vscode.commands.executeCommand(commands[choice], { modelId });
  }
}
