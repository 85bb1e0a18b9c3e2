// Checks of remap.server.url, shared by "Connect to Server" (input box validation) and the local
// server launcher (which may only start a server on this machine), and the launcher's arguments.

/** Returns why the text is not a usable server address, or undefined when it is. */
export function validateServerUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'Enter the address of a Remap server, such as http://127.0.0.1:5178.';
  }

  // "127.0.0.1:5178" and "localhost:5178" would otherwise parse with the host as the scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return `"${trimmed}" has no scheme: enter http://${trimmed} (or https://).`;
  }

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not an address. Write it with the scheme and port, such as http://127.0.0.1:5178.`;
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `The address must start with http:// or https://, not ${url.protocol}//.`;
  }
  if (/\/api\/v1\/?$/.test(url.pathname)) {
    return `Leave out /api/v1: enter ${url.origin} instead.`;
  }
  if (url.search || url.hash) {
    return 'The address must not contain a query (?…) or a fragment (#…).';
  }
  if (url.username || url.password) {
    return 'Put no user name or password in the address; set remap.server.apiKey for a server that needs a key.';
  }

  return undefined;
}

/** Normalises an accepted address: trimmed, without a trailing slash. */
export function normalizeServerUrl(text: string): string {
  return text.trim().replace(/\/+$/, '');
}

/** True when the address points at this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }

  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The arguments of `remap serve` for a local server: the address, and the database file when one is set. */
export function serveArguments(url: string, database: string): string[] {
  return database ? ['serve', '--urls', url, '--database', database] : ['serve', '--urls', url];
}
