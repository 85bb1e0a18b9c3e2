// "Sample Population": random valid architectures for a dataset, each queued for training.
import * as vscode from 'vscode';
import { unwrap } from '../api/client';
import { required, type CommandContext } from './common';
import { parseInteger, validateOptionalSeed, validatePopulationCount } from './validation';

export async function samplePopulation(context: CommandContext): Promise<void> {
  const dataset = required(await context.connection.pickDataset());
  const count = parseInteger(
    required(await vscode.window.showInputBox({ title: `Sample Population of ${dataset} (1/2)`, prompt: 'How many architectures, 1 to 200', value: '20', validateInput: validatePopulationCount })),
  );
  const seed = parseInteger(
    required(
      await vscode.window.showInputBox({ title: `Sample Population of ${dataset} (2/2)`, prompt: 'Seed of the sampler (optional): the same seed samples the same architectures', placeHolder: 'random', validateInput: validateOptionalSeed }),
    ),
  );

  const population = await unwrap(context.connection.api.POST('/api/v1/populations', { body: { dataset, count: count ?? 1, seed } }), context.connection.target);
  const parts = [`${population.queued} queued`];
  if (population.reused) {
    parts.push(`${population.reused} already trained or queued`);
  }
  if (population.duplicates) {
    parts.push(`${population.duplicates} duplicate${population.duplicates === 1 ? '' : 's'} trained once`);
  }

  const choice = await vscode.window.showInformationMessage(`Sampled ${population.requested} architectures for ${dataset} (seed ${population.seed}): ${parts.join(', ')}.`, 'Show Jobs', 'Open Overview');
  if (choice === 'Show Jobs') {
    await vscode.commands.executeCommand('remap.jobs.focus');
  } else if (choice === 'Open Overview') {
    await vscode.commands.executeCommand('remap.openOverview');
  }
}
