// "Sample Population": random valid architectures for a dataset, each queued for training. Count
// and seed come first; the bounds and epochs are behind "Options…", so Enter keeps the defaults.
import * as vscode from 'vscode';
import { unwrap } from '../api/client';
import { required, type CommandContext } from './common';
import { parseInteger, validateOptionalEpochs, validateOptionalMaxDepth, validateOptionalMaxParameters, validateOptionalSeed, validatePopulationCount } from './validation';

export async function samplePopulation(context: CommandContext): Promise<void> {
  const dataset = required(await context.connection.pickDataset());
  const title = `Sample Population of ${dataset}`;
  const count = parseInteger(
    required(await vscode.window.showInputBox({ title: `${title} (1/3)`, prompt: 'How many architectures, 1 to 200', value: '20', validateInput: validatePopulationCount })),
  );
  const seed = parseInteger(
    required(
      await vscode.window.showInputBox({ title: `${title} (2/3)`, prompt: 'Seed of the sampler (optional): the same seed samples the same architectures', placeHolder: 'random', validateInput: validateOptionalSeed }),
    ),
  );
  const options = await askOptions(title);

  const body = { dataset, count: count ?? 1, seed, maxDepth: options.maxDepth, maxParameters: options.maxParameters, training: options.epochs ? { epochs: options.epochs } : undefined };
  const population = await unwrap(context.connection.api.POST('/api/v1/populations', { body }), context.connection.target);
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

interface PopulationOptions {
  maxDepth?: number;
  maxParameters?: number;
  epochs?: number;
}

/** Enter keeps the server's bounds; "Options…" asks the maximum depth, maximum parameters and epochs, each optional. */
async function askOptions(title: string): Promise<PopulationOptions> {
  const choice = required(
    await vscode.window.showQuickPick(
      [
        { label: 'Sample', detail: 'At most 10 layers and 1,000,000 parameters each, with the default training settings', options: false },
        { label: 'Options…', detail: 'Set the maximum depth, the maximum parameters and the epochs first', options: true },
      ],
      { title: `${title} (3/3)`, placeHolder: 'Press Enter to sample with the default bounds' },
    ),
  );
  if (!choice.options) {
    return {};
  }

  const ask = async (prompt: string, placeHolder: string, validateInput: (text: string) => string | undefined) =>
    parseInteger(required(await vscode.window.showInputBox({ title: `${title}: options`, prompt, placeHolder, validateInput })));
  return {
    maxDepth: await ask('Maximum layers per architecture, the final dense layer included: 2 to 30 (empty for 10)', '10', validateOptionalMaxDepth),
    maxParameters: await ask('Maximum trainable parameters per architecture: 100 to 50,000,000 (empty for 1,000,000)', '1000000', validateOptionalMaxParameters),
    epochs: await ask('Epochs of training per architecture: 1 to 1000 (empty for the default)', 'default', validateOptionalEpochs),
  };
}
