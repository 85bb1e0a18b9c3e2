// Registers every command of the extension: the palette commands package.json declares and the
// internal ones the views' menus and the overview panel call.
import * as vscode from 'vscode';
import { registerCommand, type CommandContext } from './common';
import { generateVariations, runAblation } from './derive';
import { cancelJob, changePriority } from './jobs';
import { ModelDocumentProvider, modelScheme } from './modelDocuments';
import { compareModels, openModelAsFile, openOverview, showModel } from './models';
import { samplePopulation } from './population';
import { connect, startLocalServer } from './server';
import { trainModel } from './train';

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const documents = new ModelDocumentProvider(context.connection);
  const handlers: Record<string, (...args: unknown[]) => Promise<unknown> | unknown> = {
    'remap.train': (argument) => trainModel(context, argument),
    'remap.ablate': (argument) => runAblation(context, argument),
    'remap.vary': (argument) => generateVariations(context, argument),
    'remap.openOverview': (argument) => openOverview(context, argument),
    'remap.samplePopulation': () => samplePopulation(context),
    'remap.showModel': (argument) => showModel(context, argument),
    'remap.compareModels': (argument) => compareModels(context, documents, argument),
    'remap.models.compareWith': (argument) => compareModels(context, documents, argument),
    'remap.cancelJob': (argument) => cancelJob(context, argument),
    'remap.startLocalServer': () => startLocalServer(context),
    'remap.connect': () => connect(context),
    'remap.openModelAsFile': (argument) => openModelAsFile(context, argument),
    'remap.jobs.raisePriority': (argument) => changePriority(context, argument, 1),
    'remap.jobs.lowerPriority': (argument) => changePriority(context, argument, -1),
    'remap.jobs.refresh': () => context.jobs.refresh(),
    'remap.models.refresh': () => context.models.refresh(),
    'remap.models.loadMore': () => context.models.loadMore(),
  };

  return [
    vscode.workspace.registerTextDocumentContentProvider(modelScheme, documents),
    ...Object.entries(handlers).map(([id, handler]) => registerCommand(context.log, id, handler)),
  ];
}
