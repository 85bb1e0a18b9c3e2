// The text of the Jobs and Models rows: label, description, tooltip and icon. Kept apart from the
// tree providers so the unit tests check the wording without VS Code.
import type { Schemas } from '../api/client';
import type { ActiveCounts, JobRow } from './jobTable';

export interface RowPresentation {
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  /** A codicon id, with the theme colour id to draw it in when it has one. */
  icon: { id: string; color?: string };
  /** The tree item's contextValue, which the menus' "when" clauses match. */
  contextValue: string;
}

const stateIcons: Record<string, RowPresentation['icon']> = {
  queued: { id: 'clock' },
  running: { id: 'sync~spin', color: 'charts.blue' },
  succeeded: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  cancelled: { id: 'circle-slash', color: 'disabledForeground' },
  diverged: { id: 'warning', color: 'list.warningForeground' },
};

/** Formats an accuracy in [0, 1] as a percentage with one decimal, such as 91.2%. */
export function formatAccuracy(value: number | null | undefined): string {
  return value == null ? '–' : `${(value * 100).toFixed(1)}%`;
}

/** Formats a parameter count compactly: 812, 52.4k, 1.2M. */
export function formatParameters(count: number | null | undefined): string {
  if (count == null) {
    return '–';
  }
  if (count < 1000) {
    return `${count}`;
  }
  if (count < 1_000_000) {
    return `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k`;
  }
  return `${(count / 1_000_000).toFixed(1)}M`;
}

/**
 * Formats the row of a job. With lastKnown (the server is unreachable) a queued or running job is marked
 * as the last known state and loses its spinner, so old progress does not pass for live progress.
 */
export function presentJob(row: JobRow, modelName: string | undefined, lastKnown = false): RowPresentation {
  const parts: string[] = [];
  const inEpoch = row.state === 'running' && row.batch != null && row.batches ? row.batchEpoch : undefined;
  if (inEpoch !== undefined) {
    parts.push(`epoch ${inEpoch}/${row.epochs}`, `batch ${row.batch}/${row.batches}`);
  } else if (row.epochs > 0) {
    parts.push(`epoch ${row.epoch}/${row.epochs}`);
  }
  if (row.repeats > 1) {
    parts.push(`run ${Math.min(row.completedRepeats + 1, row.repeats)}/${row.repeats}`);
  }
  if (row.validationAccuracy != null) {
    parts.push(formatAccuracy(row.validationAccuracy));
  }
  if (row.priority !== 0 || row.state === 'queued') {
    parts.push(`priority ${row.priority}`);
  }
  if (!['queued', 'running'].includes(row.state)) {
    parts.push(row.state);
  }

  const active = ['queued', 'running'].includes(row.state);
  const stale = lastKnown && active;
  if (stale) {
    parts.unshift(`last known: ${row.state}`);
  }

  const name = modelName ?? `model ${row.modelId}`;
  const tooltip = [
    `**${name}** — job ${row.id}, ${stale ? `last known ${row.state}` : row.state}`,
    stale ? 'The Remap server is unreachable, so this is the state before the connection was lost.' : '',
    '',
    `Model id ${row.modelId} · priority ${row.priority}`,
    row.epochs > 0 ? `Epoch ${row.epoch} of ${row.epochs}` : 'No epoch finished yet',
    row.validationAccuracy != null ? `Validation accuracy ${formatAccuracy(row.validationAccuracy)}` : '',
    row.error ? `Error: ${row.error}` : '',
  ].filter((line, index) => index < 1 || line !== '');

  return {
    label: name,
    description: parts.join(' · '),
    tooltip: tooltip.join('\n\n'),
    icon: stale ? { id: 'history', color: 'disabledForeground' } : (stateIcons[row.state] ?? { id: 'question' }),
    contextValue: `job.${active ? row.state : 'finished'}`,
  };
}

/** "83.7% ± 0.4": an accuracy with the spread between seeds when the model has several runs. */
function accuracyWithSpread(mean: number | null | undefined, spread: number | null | undefined): string {
  return spread ? `${formatAccuracy(mean)} ± ${(spread * 100).toFixed(1)}` : formatAccuracy(mean);
}

/**
 * Formats a model row: "val 83.7% ± 0.4 · 52k params · 3 runs". The tooltip adds the test accuracy
 * when the model's detail (which contains it) is given.
 */
export function presentModel(model: Schemas['ModelSummary'] | Schemas['ModelDetail']): RowPresentation {
  const accuracy = model.validationAccuracy == null ? (model.status ?? 'not trained') : `val ${accuracyWithSpread(model.validationAccuracy, model.validationAccuracyStd)}`;
  const runs = model.runCount ?? 0;
  const description = [accuracy, `${formatParameters(model.parameterCount)} params`, `${runs} ${runs === 1 ? 'run' : 'runs'}`].join(' · ');

  const detail = model as Schemas['ModelDetail'];
  const accuracies = [
    model.validationAccuracy != null ? `Validation accuracy ${accuracyWithSpread(model.validationAccuracy, model.validationAccuracyStd)}` : '',
    detail.testAccuracyMean != null ? `test accuracy ${accuracyWithSpread(detail.testAccuracyMean, detail.testAccuracyStd)}` : '',
  ].filter((part) => part !== '');
  const size = `${formatParameters(model.parameterCount)} parameters · ${runs} ${runs === 1 ? 'run' : 'runs'}`;

  return {
    label: model.name ?? `model ${model.id}`,
    description,
    tooltip: [
      `**${model.name ?? `model ${model.id}`}** (id ${model.id}) on ${model.dataset ?? 'an unknown dataset'}`,
      accuracies.length > 0 ? accuracies.join(' · ') : `Status: ${model.status ?? 'not trained'}`,
      size,
    ].join('\n\n'),
    icon: { id: 'symbol-class' },
    contextValue: 'model.trained',
  };
}

/** Formats a model's layers as a Markdown table for the Models view's tooltip. */
export function layerTable(model: Schemas['ModelDetail']): string {
  const rows = (model.layers ?? []).map(
    (layer) => `| ${(layer.index ?? 0) + 1} | \`${layer.text ?? layer.kind ?? ''}\` | ${(layer.outputShape ?? []).join('×')} | ${(layer.parameterCount ?? 0).toLocaleString('en-US')} |`,
  );
  return ['| # | layer | output | parameters |', '|---:|---|---|---:|', ...rows].join('\n');
}

/** Describes the jobs for the status bar: "1 running, 2 queued", "2 queued", or "idle" when there are none. */
export function describeQueue(counts: ActiveCounts): string {
  const parts = [counts.running > 0 ? `${counts.running} running` : '', counts.queued > 0 ? `${counts.queued} queued` : ''].filter((part) => part !== '');
  return parts.length === 0 ? 'idle' : parts.join(', ');
}

/** Returns the notification's text while the server is unreachable, with the last progress it reported. */
export function lostConnectionMessage(lastMessage: string): string {
  const last = lastMessage ? ` Last known: ${lastMessage}.` : '';
  return `Connection to the Remap server lost; following resumes when it is back.${last}`;
}
