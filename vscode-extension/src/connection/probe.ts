// Tests an address before "Connect to Server" saves it: GET /api/v1/datasets, with the failure in
// words the user can act on (connection refused, not a Remap server, needs an API key). No vscode
// import, so the unit tests drive it with a fake fetch.
import { networkFailureReason, type ApiTarget } from '../api/client';

const probeTimeoutMilliseconds = 5000;

/** Returns undefined when a Remap server responds at the target, else the reason in one or two sentences. */
export async function probeServer(target: ApiTarget, fetchImplementation: typeof fetch = globalThis.fetch): Promise<string | undefined> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (target.apiKey) {
    headers.Authorization = `Bearer ${target.apiKey}`;
  }

  let response: Response;
  try {
    response = await fetchImplementation(`${target.url.replace(/\/+$/, '')}/api/v1/datasets`, { headers, signal: AbortSignal.timeout(probeTimeoutMilliseconds) });
  } catch (error) {
    return `Nothing answered at ${target.url} (${describeProbeFailure(error)}). Check the address, or start a server with "Remap: Start Local Server".`;
  }

  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel().catch(() => undefined);
    return target.apiKey
      ? `The Remap server at ${target.url} rejected the API key (HTTP ${response.status}). Enter the key it was started with.`
      : `The Remap server at ${target.url} needs an API key (HTTP ${response.status}). Enter the key it was started with.`;
  }
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return `${target.url} answered 404 for /api/v1/datasets, so it is not a Remap server (or the address has a path it should not).`;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return `The server at ${target.url} answered HTTP ${response.status} for /api/v1/datasets.`;
  }

  const body: unknown = await response.json().catch(() => undefined);
  if (!Array.isArray(body)) {
    return `${target.url} answered /api/v1/datasets with something other than a list of datasets, so it is not a Remap server.`;
  }
  return undefined;
}

function describeProbeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${probeTimeoutMilliseconds / 1000} s`;
  }

  return networkFailureReason(error);
}
