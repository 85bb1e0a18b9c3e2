// The outcome of a followed training job and its message text. The module has no vscode import, so
// unit tests check the wording.
import { formatAccuracy } from '../views/format';

export interface JobOutcome {
  state: string;
  validationAccuracy?: number;
  error?: string;
  /** True when the user stopped watching without cancelling the job. */
  stoppedWatching?: boolean;
  /**
   * Who cancelled a cancelled job: the progress notification's Cancel button, this window's Cancel
   * Job command, or something else (another window, the CLI, another client of the server).
   */
  cancelledBy?: 'notification' | 'cancel-command' | 'elsewhere';
}

/** Words for a finished job, such as "failed: out of memory". */
export function describeOutcome(outcome: JobOutcome): string {
  switch (outcome.state) {
    case 'succeeded':
      return `trained to ${formatAccuracy(outcome.validationAccuracy)} validation accuracy`;
    case 'diverged':
      return 'diverged (the loss became infinite or NaN); try a lower learning rate';
    case 'cancelled':
      return describeCancellation(outcome.cancelledBy);
    default:
      return `${outcome.state}${outcome.error ? `: ${outcome.error}` : ''}`;
  }
}

function describeCancellation(by: JobOutcome['cancelledBy']): string {
  switch (by) {
    case 'notification':
      return 'was cancelled from its progress notification';
    case 'cancel-command':
      return 'was cancelled with Remap: Cancel Job';
    case 'elsewhere':
      return 'was cancelled outside this window (by another window or client of the server)';
    default:
      return 'was cancelled';
  }
}

/** True when the user cancelled the job in this window, so the end is news to no one and needs no warning. */
export function cancelledHere(outcome: JobOutcome): boolean {
  return outcome.state === 'cancelled' && (outcome.cancelledBy === 'notification' || outcome.cancelledBy === 'cancel-command');
}
