// The inspector: one model in depth, next to the plot. Its chip and its parent's, the changes from
// the parent, the per-epoch curves, per-class accuracy and the confusion matrix, with the buttons
// that derive new models from it.
import { layersOfTable } from '../src/shared/chip';
import type { InspectionData, ModelDetail } from '../src/shared/messages';
import { classBars, confusionGrid, lineChart, type Series } from './charts';
import { createChip } from './chipView';
import { countOf, element, formatCount, formatPercent } from './format';
import { summariseModel, type MeanAndDeviation } from './modelSummary';

export interface InspectorActions {
  ablate(modelId: number): void;
  vary(modelId: number): void;
  openAsFile(modelId: number): void;
  close(): void;
  inspect(modelId: number): void;
}

function plusMinus({ mean, deviation }: MeanAndDeviation): string {
  const text = formatPercent(mean);
  return deviation === null ? text : `${text} ± ${formatPercent(deviation)}`;
}

function button(label: string, onPress: () => void, disabledReason?: string): HTMLButtonElement {
  const created = element('button', 'button', label);
  created.type = 'button';
  created.addEventListener('click', onPress);
  if (disabledReason) {
    created.disabled = true;
    created.title = disabledReason;
  }

  return created;
}

/** Picks the epochs to plot: the running job's so far, else those of the run summariseModel picks. */
function epochCurves(model: ModelDetail): { loss: Series[]; accuracy: Series[]; source: string; empty: string } {
  const running = model.jobs?.find((job) => job.state === 'running' && (job.epochMetrics?.length ?? 0) > 0);
  const run = summariseModel(model).curveRun;
  const epochs = running ? running.epochMetrics ?? [] : run?.epochs ?? [];
  let source = 'no run yet';
  let empty = 'No epochs finished yet.';
  if (running) {
    source = `job ${running.id}, running`;
  } else if (run) {
    source = `run ${run.id}, seed ${run.seed}`;
    empty = 'This run recorded no per-epoch metrics.';
  } else if (model.status === 'succeeded') {
    empty = 'The server sent no run for this model, so there are no epochs to show.';
  }

  const series = (name: string, className: string, pick: (epoch: (typeof epochs)[number]) => number | undefined): Series => ({
    name,
    className,
    values: epochs.flatMap((epoch) => {
      const value = pick(epoch);
      return value === undefined || epoch.epoch === undefined || !Number.isFinite(value) ? [] : [{ epoch: epoch.epoch, value }];
    }),
  });
  return {
    loss: [series('train loss', 'series-loss', (epoch) => epoch.trainLoss)],
    accuracy: [series('train accuracy', 'series-train', (epoch) => epoch.trainAccuracy), series('validation accuracy', 'series-validation', (epoch) => epoch.validationAccuracy)],
    source,
    empty,
  };
}

function metricsList(model: ModelDetail): HTMLElement {
  const list = element('dl', 'metrics');
  const summary = summariseModel(model);
  const rows: Array<[string, string]> = [
    ['status', model.status ?? 'unknown'],
    ['validation accuracy', plusMinus(summary.validation)],
    ['test accuracy', plusMinus(summary.test)],
    ['parameters', formatCount(model.parameterCount)],
    ['runs (seeds)', String(summary.runCount)],
    ['dataset', model.dataset ?? '–'],
  ];
  if (model.training) {
    const training = model.training;
    rows.push(['training', `${countOf(training.epochs ?? 0, 'epoch')}, ${training.optimizer}, learning rate ${training.learningRate}, batch ${training.batchSize}, seed ${training.seed}`]);
  }

  const comparison = model.comparisonWithParent;
  if (comparison && comparison.difference !== undefined) {
    const sign = comparison.difference >= 0 ? '+' : '−';
    const spread = comparison.seedSpread === null || comparison.seedSpread === undefined ? 'seed spread unknown (one run each)' : `seed spread ${formatPercent(comparison.seedSpread)}`;
    const verdicts = { true: ', larger than the spread', false: ', inside the spread' };
    const verdict = comparison.exceedsSeedSpread === null || comparison.exceedsSeedSpread === undefined ? '' : verdicts[`${comparison.exceedsSeedSpread}`];
    rows.push(['vs parent', `${sign}${formatPercent(Math.abs(comparison.difference))} (${spread}${verdict})`]);
  }

  const failure = model.jobs?.find((job) => job.error)?.error;
  if (failure) {
    rows.push(['error', failure]);
  }

  for (const [term, value] of rows) {
    list.append(element('dt', undefined, term), element('dd', undefined, value));
  }

  return list;
}

/** Lists each seed's run, so the spread behind the mean accuracy is visible. */
function runTable(model: ModelDetail): HTMLElement {
  const table = element('table', 'runs');
  const head = element('tr');
  for (const title of ['seed', 'validation', 'test', 'epochs', 'stopped by']) {
    head.append(element('th', undefined, title));
  }

  table.append(head);
  for (const run of model.runs ?? []) {
    const row = element('tr');
    row.append(
      element('td', undefined, String(run.seed ?? '–')),
      element('td', undefined, formatPercent(run.validationAccuracy)),
      element('td', undefined, formatPercent(run.testAccuracy)),
      element('td', undefined, String(run.epochs?.length ?? 0)),
      element('td', undefined, run.stopReason ?? '–'),
    );
    table.append(row);
  }

  return table;
}

function section(title: string, ...content: Node[]): HTMLElement {
  const created = element('section', 'inspector-section');
  created.append(element('h3', undefined, title), ...content);
  return created;
}

function changeList(data: InspectionData): HTMLElement {
  const descriptions = data.diff?.changes?.map((change) => change.description ?? `${change.kind}: ${change.before ?? ''} → ${change.after ?? ''}`) ?? data.model.changes ?? [];
  if (descriptions.length === 0) {
    return element('p', 'muted', 'Same layers as the parent.');
  }

  const list = element('ul', 'changes');
  for (const description of descriptions) {
    list.append(element('li', undefined, description));
  }

  return list;
}

/** Fills `host` with the inspector for one model. classIndex marks the class that colours the plot. */
export function renderInspector(host: HTMLElement, data: InspectionData, classNames: readonly string[], classIndex: number | null, actions: InspectorActions): void {
  const model = data.model;
  const id = model.id as number;
  const trained = model.status === 'succeeded';
  const untrained = 'Only a model whose training succeeded can be ablated or varied.';

  const header = element('header', 'inspector-header');
  const heading = element('h2', undefined, model.name ?? `model ${id}`);
  heading.id = 'inspector-title';
  heading.tabIndex = -1;
  const close = button('Close', () => actions.close());
  close.classList.add('secondary');
  close.setAttribute('aria-label', 'Close the inspector');
  header.append(heading, element('span', 'muted', `model ${id}`), close);

  const toolbar = element('div', 'inspector-actions');
  toolbar.append(
    button('Ablate', () => actions.ablate(id), trained ? undefined : untrained),
    button('Vary', () => actions.vary(id), trained ? undefined : untrained),
    button('Open as File', () => actions.openAsFile(id)),
  );

  const chips = element('div', 'chips');
  const layers = layersOfTable(model.layers ?? []);
  chips.append(element('div', 'chip-label', 'this model'), createChip(layers, 0.75, `Architecture of ${model.name ?? id}: ${layers.map((layer) => layer.text).join(', ')}`));
  if (data.parent) {
    const parentLayers = layersOfTable(data.parent.layers ?? []);
    const parentLink = button(`parent: ${data.parent.name ?? `model ${data.parent.id}`}`, () => actions.inspect(data.parent?.id as number));
    parentLink.className = 'link-button';
    chips.append(parentLink, createChip(parentLayers, 0.75, `Architecture of the parent, ${data.parent.name ?? data.parent.id}`));
  }

  host.replaceChildren(header, toolbar, section('Architecture', chips, element('code', 'layers-text', layers.map((layer) => layer.text).join(' → '))), section('Metrics', metricsList(model)));
  if (data.parent) {
    host.append(section(`Changes from ${data.parent.name ?? `model ${data.parent.id}`}`, changeList(data)));
  }

  if ((model.runs?.length ?? 0) > 0) {
    host.append(section(`Runs (${countOf(model.runs?.length ?? 0, 'seed')})`, runTable(model)));
  }

  const curves = epochCurves(model);
  host.append(section(`Epochs (${curves.source})`, lineChart('Train loss', curves.loss, false, curves.empty), lineChart('Accuracy', curves.accuracy, true, curves.empty)));

  const run = model.latestRun;
  if (run?.perClassTestAccuracy && run.perClassTestAccuracy.length > 0) {
    host.append(section('Classes', classBars(run.perClassTestAccuracy, classNames, classIndex)));
  }

  if (run?.confusionMatrix && run.confusionMatrix.length > 0) {
    host.append(section('Confusion', confusionGrid(run.confusionMatrix, classNames)));
  }
}
