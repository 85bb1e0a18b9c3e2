// The overview page's HTML and its Content-Security-Policy. Pure, so the browser test loads the page
// through this same function and checks the policy the panel really sends.
import { randomBytes } from 'node:crypto';

export interface OverviewHtmlOptions {
  /** webview.cspSource: the origin the webview loads extension resources from. */
  cspSource: string;
  /** The address of dist/webview.js inside the webview (webview.asWebviewUri). */
  scriptUri: string;
  /** The address of dist/webview-style.css inside the webview (webview.asWebviewUri). */
  styleUri: string;
  /** A fresh nonce for this page load. */
  nonce: string;
}

/** 128 random bits, base64: a new one for every page load, so an injected script cannot guess it. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Builds the policy: nothing by default, the one script with the nonce, styles and fonts from the
 * extension, images from the extension or data: URIs, and no connections, because the host fetches.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function renderOverviewHtml(options: OverviewHtmlOptions): string {
  const policy = escapeAttribute(contentSecurityPolicy(options.cspSource, options.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>Remap Overview</title>
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}
