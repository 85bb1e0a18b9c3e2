// "Run Ablation" and "Generate Variations": both need a trained parent. For a file with no trained
// model, the command asks before registering it (which queues its training), then follows that training in a
// cancellable notification and derives once it succeeded. When the training is already queued or
// running, the user can have the derivation start once the event stream reports its success.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { unwrap, type Schemas } from '../api/client';
import { ablationRequest, ablationScopes, describeSkipped, removableLayers } from './ablationScope';
import { resolveTarget } from './arguments';
import { required, type CommandContext } from './common';
import { pickTrainedModel } from './pickers';
import { cancelledHere } from './outcome';
import { describeOutcome, followJob } from './progress';
import { documentSource, findModelOfSource, openRemapDocument, registerDocument } from './register';
import { readHeader } from './source';
import { layerRestrictions, parseInteger, validateMaxChanges, validateVariationCount, variationActions, type VariationAction } from './validation';

type Derivation = 'ablation' | 'variations';

export async function runAblation(context: CommandContext, argument: unknown): Promise<void> {
  const parent = await resolveParent(context, argument, 'ablation');
  if (parent) {
    await ablate(context, parent);
  }
}

export async function generateVariations(context: CommandContext, argument: unknown): Promise<void> {
  const parent = await resolveParent(context, argument, 'variations');
  if (parent) {
    await vary(context, parent);
  }
}

interface Parent {
  id: number;
  name: string;
}

/** Finds the trained parent; undefined when the derivation will run later, after training. */
async function resolveParent(context: CommandContext, argument: unknown, derivation: Derivation): Promise<Parent | undefined> {
  const target = resolveTarget(argument);
  if (target.kind === 'model' || (target.kind === 'job' && target.modelId)) {
    const id = target.kind === 'model' ? target.modelId : (target.modelId ?? 0);
    const model = await unwrap(context.connection.api.GET('/api/v1/models/{id}', { params: { path: { id } } }), context.connection.target);
    const activeJob = (model.jobs ?? []).find((job) => job.state === 'queued' || job.state === 'running');
    if (model.status !== 'succeeded' && activeJob) {
      await offerAfterTraining(context, { id, name: model.name ?? `model ${id}` }, activeJob, `is not trained yet (its job is ${activeJob.state})`, derivation);
      return undefined;
    }
    return requireTrained(model);
  }
  if (target.kind === 'none') {
    const model = await pickTrainedModel(context.connection, derivation === 'ablation' ? 'Run Ablation of…' : 'Generate Variations of…');
    return { id: model.id ?? 0, name: model.name ?? `model ${model.id}` };
  }

  if (target.kind !== 'file') {
    throw new Error(`Job ${target.jobId} names no model, so there is nothing to derive from.`);
  }

  const document = await openRemapDocument(target.uri);

  // Registering a file queues its training, so the user confirms first when the file has no trained model.
  const stored = await findModelOfSource(context.connection, documentSource(document));
  const storedJob = (stored?.jobs ?? []).find((job) => job.state === 'queued' || job.state === 'running');
  if (stored && stored.status !== 'succeeded' && storedJob) {
    await offerAfterTraining(context, { id: stored.id ?? 0, name: stored.name ?? `model ${stored.id}` }, storedJob, `is not trained yet (its job is ${storedJob.state})`, derivation);
    return undefined;
  }
  if (stored?.status !== 'succeeded') {
    const name = target.model ?? readHeader(document.getText(), 'model') ?? path.basename(document.uri.path);
    const what = derivation === 'ablation' ? 'the ablation' : 'the variations';
    const choice = await vscode.window.showInformationMessage(`${name} is not trained. Train it now and run ${what} when training finishes?`, 'Train and Run', 'Not Now');
    if (choice !== 'Train and Run') {
      return undefined;
    }
  }

  const { response, fileName } = await registerDocument(context.connection, document);
  const model = response.model ?? {};
  const parent = { id: model.id ?? 0, name: model.name ?? fileName };
  if (model.status === 'succeeded') {
    return parent;
  }

  // The user asked for this training, so its progress can cancel it, as Train Model's does.
  void deriveAfterTraining(context, parent, response.job?.id ?? 0, derivation, !response.reused);
  return undefined;
}

/** Offers to run the derivation once the parent's training job succeeds, and follows that job when accepted. */
async function offerAfterTraining(context: CommandContext, parent: Parent, job: Schemas['JobResponse'], news: string, derivation: Derivation): Promise<void> {
  const what = derivation === 'ablation' ? 'the ablation' : 'the variations';
  const choice = await vscode.window.showInformationMessage(`${parent.name} ${news}. Run ${what} when training finishes?`, 'Run When Trained', 'Not Now');
  if (choice === 'Run When Trained') {
    void deriveAfterTraining(context, parent, job.id ?? 0, derivation);
  }
}

function requireTrained(model: Schemas['ModelDetail']): Parent {
  const name = model.name ?? `model ${model.id}`;
  if (model.status !== 'succeeded') {
    throw new Error(`${name} (model ${model.id}) is ${model.status ?? 'not trained'}; ablations and variations need a model whose training succeeded.`);
  }
  return { id: model.id ?? 0, name };
}

async function deriveAfterTraining(context: CommandContext, parent: Parent, jobId: number, derivation: Derivation, cancelJob = false): Promise<void> {
  try {
    const outcome = await followJob(context.connection, jobId, { title: `Training ${parent.name}, then ${derivation === 'ablation' ? 'its ablation' : 'variations'}`, cancelJob });
    if (outcome.stoppedWatching) {
      return;
    }
    if (outcome.state !== 'succeeded') {
      const message = `${parent.name} ${describeOutcome(outcome)}, so the ${derivation === 'ablation' ? 'ablation' : 'variations'} did not run.`;
      void (cancelledHere(outcome) ? vscode.window.showInformationMessage(message) : vscode.window.showWarningMessage(message));
      return;
    }
    // The prompts of ablate and vary close when focus moves, so they open only after the user answers a
    // notification, which stays in the notification list until then.
    const action = derivation === 'ablation' ? 'Run Ablation' : 'Generate Variations';
    const choice = await vscode.window.showInformationMessage(`${parent.name} is trained. ${action} now?`, action, 'Not Now');
    if (choice !== action) {
      return;
    }

    await (derivation === 'ablation' ? ablate(context, parent) : vary(context, parent));
  } catch (error) {
    if (!(error instanceof vscode.CancellationError)) {
      void vscode.window.showErrorMessage((error as Error).message);
    }
  }
}

async function ablate(context: CommandContext, parent: Parent): Promise<void> {
  const body = await pickAblationScope(context, parent);
  const study = await unwrap(context.connection.api.POST('/api/v1/models/{id}/ablations', { params: { path: { id: parent.id } }, body }), context.connection.target);
  const children = study.children ?? [];
  const reused = children.filter((child) => child.reused).length;
  const skipped = describeSkipped(study.skipped ?? []);

  const parts = [`${children.length - reused} ablation${children.length - reused === 1 ? '' : 's'} queued`];
  if (reused > 0) {
    parts.push(`${reused} already trained or queued`);
  }
  if (skipped.length > 0) {
    parts.push(`${skipped.length} removal${skipped.length === 1 ? '' : 's'} skipped: ${skipped.join('; ')}`);
    context.log.info(`Ablation of ${parent.name} skipped ${skipped.length} removal${skipped.length === 1 ? '' : 's'}:\n${skipped.map((line) => `  ${line}`).join('\n')}`);
  }
  await offerFollowUp(`Ablation of ${parent.name}: ${parts.join(', ')}.`, parent.id, skipped.length > 0 ? context.log : undefined);
}

/** Asks what to remove: every layer (Enter), whole blocks, or the layers the user picks from the model's layer table. */
async function pickAblationScope(context: CommandContext, parent: Parent): Promise<Schemas['CreateAblationStudyRequest']> {
  const scope = required(
    await vscode.window.showQuickPick(
      ablationScopes.map((entry) => ({ ...entry })),
      { title: `Ablation of ${parent.name}`, placeHolder: 'What to remove (Enter removes each layer in turn)' },
    ),
  ).scope;
  if (scope !== 'layers') {
    return ablationRequest(scope);
  }

  const detail = await unwrap(context.connection.api.GET('/api/v1/models/{id}', { params: { path: { id: parent.id } } }), context.connection.target);
  const choices = removableLayers(detail.layers ?? []);
  if (choices.length === 0) {
    throw new Error(`${parent.name} has no layer but the final one, so an ablation has nothing to remove.`);
  }
  for (;;) {
    const picked = required(await vscode.window.showQuickPick(choices, { title: `Ablation of ${parent.name}: layers to remove`, placeHolder: 'One child per picked layer', canPickMany: true }));
    if (picked.length > 0) {
      return ablationRequest('layers', picked.map((choice) => choice.index));
    }
    await vscode.window.showWarningMessage('Pick at least one layer to remove, or press Escape to cancel the ablation.', { modal: true });
  }
}

async function vary(context: CommandContext, parent: Parent): Promise<void> {
  const count = parseInteger(required(await vscode.window.showInputBox({ title: `Variations of ${parent.name} (1/3)`, prompt: 'How many variations (N), 1 to 50', value: '5', validateInput: validateVariationCount })));
  const maxChanges = parseInteger(
    required(await vscode.window.showInputBox({ title: `Variations of ${parent.name} (2/3)`, prompt: 'The maximum number of layer changes per variation (K), 1 to 5', value: '1', validateInput: validateMaxChanges })),
  );
  const actions = await pickActions(parent.name);

  const detail = await unwrap(context.connection.api.GET('/api/v1/models/{id}', { params: { path: { id: parent.id } } }), context.connection.target);
  const body = { count: count ?? 1, maxChanges, layers: layerRestrictions(detail.layers?.length ?? 0, actions) };
  const result = await unwrap(context.connection.api.POST('/api/v1/models/{id}/variations', { params: { path: { id: parent.id } }, body }), context.connection.target);

  const children = result.children ?? [];
  const reused = children.filter((child) => child.reused).length;
  const parts = [`${children.length - reused} queued`];
  if (reused > 0) {
    parts.push(`${reused} already trained or queued`);
  }
  if (result.shortfall) {
    parts.push(`${result.shortfall} fewer than requested because no other valid change was found`);
  }
  await offerFollowUp(`Variations of ${parent.name} (seed ${result.seed}): ${parts.join(', ')}.`, parent.id);
}

async function pickActions(parentName: string): Promise<VariationAction[]> {
  const items = variationActions.map((entry) => ({ label: entry.label, detail: entry.detail, action: entry.action, picked: true }));
  for (;;) {
    const picked = required(
      await vscode.window.showQuickPick(items, { title: `Variations of ${parentName} (3/3)`, placeHolder: 'The changes a variation may make', canPickMany: true }),
    );
    if (picked.length > 0) {
      return picked.map((item) => item.action);
    }
    await vscode.window.showWarningMessage('Choose at least one kind of change: with none, no variation is possible.', { modal: true });
  }
}

/** Offers the next steps after a derivation; with a log, also "Show Details", which opens it at the entry just written. */
async function offerFollowUp(message: string, parentId: number, details?: vscode.LogOutputChannel): Promise<void> {
  const actions = details ? ['Show Jobs', 'Show in Overview', 'Show Details'] : ['Show Jobs', 'Show in Overview'];
  const choice = await vscode.window.showInformationMessage(message, ...actions);
  if (choice === 'Show Jobs') {
    await vscode.commands.executeCommand('remap.jobs.focus');
  } else if (choice === 'Show in Overview') {
    await vscode.commands.executeCommand('remap.showModel', { modelId: parentId });
  } else if (choice === 'Show Details') {
    details?.show(true);
  }
}
