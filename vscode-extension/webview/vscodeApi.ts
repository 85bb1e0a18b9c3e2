// The typed handle on VS Code's webview API: messages to the host and the state kept across reloads.
import type { HostMessage, WebviewMessage, WebviewState } from '../src/shared/messages';
import { parseWebviewState } from '../src/shared/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function postToHost(message: WebviewMessage): void {
  api.postMessage(message);
}

export function loadState(): WebviewState | null {
  return parseWebviewState(api.getState());
}

export function saveState(state: WebviewState): void {
  api.setState(state);
}

/** Calls back for every message from the host; VS Code delivers them as window message events. */
export function onHostMessage(handler: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as HostMessage | null;
    if (message && typeof message === 'object' && typeof message.type === 'string') {
      handler(message);
    }
  });
}
