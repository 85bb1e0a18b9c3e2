// Follows one training job through the event stream in a cancellable progress notification:
// "epoch 2/5 · 84.1%", with batch progress in between. Cancelling cancels the job, or, when the
// job was not started by this command, only stops watching it.
import * as vscode from 'vscode';
import { unwrap } from '../api/client';
import type { JobEvent, RemapConnection } from '../connection';
import { formatAccuracy, lostConnectionMessage } from '../views/format';
import type { JobOutcome } from './outcome';

export { describeOutcome, type JobOutcome } from './outcome';

/** Jobs this window's Cancel Job command cancelled, so a notification that follows such a job can name who cancelled it. */
const cancelledByCommand = new Set<number>();

export function rememberCancelled(jobId: number): void {
  cancelledByCommand.add(jobId);
}

const finishedStates = ['succeeded', 'failed', 'cancelled', 'diverged'];

export interface FollowOptions {
  title: string;
  /** True: cancelling the notification cancels the job on the server. False: it only stops watching. */
  cancelJob: boolean;
}

export function followJob(connection: RemapConnection, jobId: number, options: FollowOptions): Promise<JobOutcome> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: options.title, cancellable: true }, (progress, token) =>
      new Promise<JobOutcome>((resolve, reject) => {
        let reported = 0;
        let accuracy: number | undefined;
        // Set when the notification's Cancel was pressed: the cancelled event may come before the POST's response.
        let cancelling = false;
        const whoCancelled = (): JobOutcome['cancelledBy'] => (cancelling ? 'notification' : cancelledByCommand.has(jobId) ? 'cancel-command' : 'elsewhere');
        const subscriptions: vscode.Disposable[] = [];
        const finish = (outcome: JobOutcome) => {
          subscriptions.forEach((subscription) => subscription.dispose());
          resolve(outcome);
        };

        // The share of the notification's bar that the job has finished, from epoch and batch counts.
        let lastMessage = '';
        const advance = (fraction: number, message: string) => {
          const percent = Math.max(0, Math.min(100, fraction * 100));
          progress.report({ increment: Math.max(0, percent - reported), message });
          reported = Math.max(reported, percent);
          lastMessage = message;
        };

        const onEvent = (event: JobEvent) => {
          if (event.jobId !== jobId) {
            return;
          }

          const data = event.data ?? {};
          if (event.type === 'epoch' && data.epochs) {
            accuracy = data.validationAccuracy ?? accuracy;
            advance((data.epoch ?? 0) / data.epochs, `epoch ${data.epoch}/${data.epochs} · ${formatAccuracy(accuracy)} validation accuracy`);
          } else if (event.type === 'batch' && data.epochs && data.batches) {
            const done = (data.epoch ?? 1) - 1 + (data.batch ?? 0) / data.batches;
            advance(done / data.epochs, `epoch ${data.epoch}/${data.epochs}, batch ${data.batch}/${data.batches}${accuracy !== undefined ? ` · ${formatAccuracy(accuracy)}` : ''}`);
          } else if (event.type === 'job-state' && data.state) {
            if (finishedStates.includes(data.state)) {
              const cancelledBy = data.state === 'cancelled' ? whoCancelled() : undefined;
              finish({ state: data.state, validationAccuracy: accuracy, error: data.error ?? undefined, cancelledBy });
            } else {
              progress.report({ message: data.state === 'queued' ? 'queued, waiting for a worker' : data.state });
            }
          }
        };
        subscriptions.push(connection.onJobEvent(onEvent));

        // The stream resumes after the last event it saw, so the notification carries on when the
        // server is back; until then its message states that the numbers are old.
        subscriptions.push(
          connection.onDidChangeState(() => {
            if (connection.state === 'disconnected') {
              progress.report({ message: lostConnectionMessage(lastMessage) });
            } else if (connection.state === 'connected') {
              progress.report({ message: lastMessage ? `${lastMessage} (connection restored)` : 'connection restored' });
              checkJob();
            }
          }),
        );

        subscriptions.push(
          token.onCancellationRequested(() => {
            if (!options.cancelJob) {
              finish({ state: 'unknown', stoppedWatching: true });
              return;
            }
            cancelling = true;
            unwrap(connection.api.POST('/api/v1/jobs/{id}/cancel', { params: { path: { id: jobId } } }), connection.target).then(
              () => finish({ state: 'cancelled', validationAccuracy: accuracy, cancelledBy: 'notification' }),
              (error: unknown) => {
                subscriptions.forEach((subscription) => subscription.dispose());
                reject(error);
              },
            );
          }),
        );

        // The job may have moved on between its creation and the subscription above, or while the server was unreachable.
        const checkJob = () =>
          unwrap(connection.api.GET('/api/v1/jobs/{id}', { params: { path: { id: jobId } } }), connection.target).then(
            (job) => {
              const metrics = job.epochMetrics ?? [];
              accuracy = metrics.length > 0 ? metrics[metrics.length - 1].validationAccuracy : accuracy;
              if (finishedStates.includes(job.state ?? '')) {
                const cancelledBy = job.state === 'cancelled' ? whoCancelled() : undefined;
                finish({ state: job.state ?? '', validationAccuracy: accuracy, error: job.error ?? undefined, cancelledBy });
              } else if (job.epochs) {
                advance((job.epoch ?? 0) / job.epochs, job.state === 'queued' ? 'queued, waiting for a worker' : `epoch ${job.epoch}/${job.epochs}`);
              }
            },
            () => undefined,
          );
        checkJob();
      }),
    ),
  );
}
