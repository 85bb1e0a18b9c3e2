// Commands on jobs: Cancel Job and the Jobs view's Raise/Lower Priority.
import * as vscode from 'vscode';
import { unwrap } from '../api/client';
import { resolveTarget } from './arguments';
import type { CommandContext } from './common';
import { pickActiveJob } from './pickers';
import { rememberCancelled } from './progress';

export async function cancelJob(context: CommandContext, argument: unknown): Promise<void> {
  const target = resolveTarget(argument);
  const jobId = target.kind === 'job' ? target.jobId : (await pickActiveJob(context.connection, 'Cancel Job', (id) => context.jobs.modelName(id))).id ?? 0;

  rememberCancelled(jobId);
  const job = await unwrap(context.connection.api.POST('/api/v1/jobs/{id}/cancel', { params: { path: { id: jobId } } }), context.connection.target);
  const name = context.jobs.modelName(job.modelId ?? 0) ?? `model ${job.modelId}`;
  const when = job.state === 'running' ? ' It stops after its current batch.' : '';
  void vscode.window.showInformationMessage(`Job ${jobId} (${name}) is cancelled.${when}`);
}

/** Moves a queued job by one priority step; higher priorities run first. */
export async function changePriority(context: CommandContext, argument: unknown, step: 1 | -1): Promise<void> {
  const target = resolveTarget(argument);
  if (target.kind !== 'job') {
    throw new Error('Choose a queued job in the Jobs view to change its priority.');
  }

  const current = context.jobs.job(target.jobId)?.priority ?? 0;
  await unwrap(
    context.connection.api.PUT('/api/v1/jobs/{id}/priority', { params: { path: { id: target.jobId } }, body: { priority: current + step } }),
    context.connection.target,
  );
}
