// The figures the inspector shows for one model, derived so they agree with each other. The server
// may leave summary fields empty (an older server, a model whose summary is not computed yet) while
// the runs list has the runs, so each figure falls back on what the runs contain.
import type { ModelDetail } from '../src/shared/messages';

type Run = NonNullable<ModelDetail['runs']>[number];

export interface MeanAndDeviation {
  mean: number | null;
  /** The sample standard deviation over the seeds, or null with fewer than two. */
  deviation: number | null;
}

export interface ModelSummary {
  runCount: number;
  validation: MeanAndDeviation;
  test: MeanAndDeviation;
  /** The run whose epochs the curves show: the latest run when it has epochs, else the last run with epochs, else the latest. */
  curveRun: Run | null;
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Returns the mean and sample standard deviation of the finite values. */
export function meanAndDeviation(values: readonly (number | null | undefined)[]): MeanAndDeviation {
  const present = values.filter(finite);
  if (present.length === 0) {
    return { mean: null, deviation: null };
  }

  const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
  if (present.length < 2) {
    return { mean, deviation: null };
  }

  const variance = present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (present.length - 1);
  return { mean, deviation: Math.sqrt(variance) };
}

/** Uses the server's summary when it has a mean, else the figure computed from the runs. */
function preferSummary(mean: number | null | undefined, deviation: number | null | undefined, fromRuns: MeanAndDeviation): MeanAndDeviation {
  return finite(mean) ? { mean, deviation: finite(deviation) ? deviation : null } : fromRuns;
}

export function summariseModel(model: ModelDetail): ModelSummary {
  const runs = model.runs ?? [];
  const latest = model.latestRun ?? null;
  const withEpochs = [...runs].reverse().find((run) => (run.epochs?.length ?? 0) > 0) ?? null;
  const curveRun = latest && (latest.epochs?.length ?? 0) > 0 ? latest : withEpochs ?? latest ?? runs.at(-1) ?? null;
  // An older server may send only the latest run, without the runs list.
  const testedRuns = runs.length > 0 ? runs : latest ? [latest] : [];
  return {
    runCount: Math.max(model.runCount ?? 0, runs.length, latest ? 1 : 0),
    validation: preferSummary(model.validationAccuracy, model.validationAccuracyStd, meanAndDeviation(runs.map((run) => run.validationAccuracy))),
    test: preferSummary(model.testAccuracyMean, model.testAccuracyStd, meanAndDeviation(testedRuns.map((run) => run.testAccuracy))),
    curveRun,
  };
}
