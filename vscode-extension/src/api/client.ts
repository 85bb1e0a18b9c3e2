// The typed REST client. Every request and response type comes from schema.ts, which is generated
// from the committed OpenAPI document; nothing here declares a DTO by hand.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type RemapApi = ReturnType<typeof createRemapApi>;

export interface ApiTarget {
  /** The server's base address without /api/v1, for example http://127.0.0.1:5178. */
  url: string;
  /** Sent as a bearer token when set. */
  apiKey?: string;
}

export function createRemapApi(target: ApiTarget, fetchImplementation: typeof fetch = globalThis.fetch) {
  const client = createClient<paths>({ baseUrl: target.url.replace(/\/+$/, ''), fetch: fetchImplementation });
  if (target.apiKey) {
    const authorization = `Bearer ${target.apiKey}`;
    client.use({
      onRequest({ request }) {
        request.headers.set('Authorization', authorization);
        return request;
      },
    });
  }

  return client;
}

/** A failed call, with the server's problem document when it sent one. */
export class RemapApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly problem: Schemas['HttpValidationProblemDetails'] | undefined,
  ) {
    super(message);
    this.name = 'RemapApiError';
  }
}

/**
 * Turns a problem document into sentences: the detail (or the title), then each field's errors as
 * "field: message", so "The request is invalid. count: Must be between 1 and 50."
 */
export function describeProblem(problem: Schemas['HttpValidationProblemDetails'] | undefined, status: number | undefined): string {
  if (!problem) {
    return status ? `The Remap server answered ${status}.` : 'The Remap server did not answer.';
  }

  const lead = problem.detail ?? problem.title ?? `The Remap server answered ${status ?? problem.status}`;
  const sentences = [asSentence(lead)];
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    sentences.push(`${field}: ${messages.map(asSentence).join(' ')}`);
  }

  return sentences.join(' ');
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws a RemapApiError that describes the
 * failure. A network failure names the address, so the user knows which setting to check.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>, target?: ApiTarget): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    const where = target ? ` at ${target.url}` : '';
    throw new RemapApiError(
      `No Remap server answered${where} (${networkFailureReason(error)}). Start one with "Remap: Start Local Server" or set remap.server.url.`,
      undefined,
      undefined,
    );
  }

  if (result.response.ok) {
    return result.data as T;
  }

  const problem = typeof result.error === 'object' && result.error !== null ? (result.error as Schemas['HttpValidationProblemDetails']) : undefined;
  throw new RemapApiError(describeProblem(problem, result.response.status), result.response.status, problem);
}

/** Node's fetch hides the useful part (ECONNREFUSED, ENOTFOUND) in the error's cause. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }

  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: string }).code;
    return code ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}

/** Describes why a request failed: "connection refused", "host not found", or the error's own text. */
export function networkFailureReason(error: unknown): string {
  const detail = describeNetworkError(error);
  if (/ECONNREFUSED/.test(detail)) {
    return 'connection refused';
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(detail)) {
    return 'host not found';
  }
  return detail;
}
