// The change list of Compare as Markdown, from GET /api/v1/models/{a}/diff/{b}. No vscode import,
// so the unit tests check its wording.
import type { Schemas } from '../api/client';

/** Formats the change list of GET /models/{a}/diff/{b} as Markdown. */
export function diffMarkdown(first: Schemas['ModelDetail'], second: Schemas['ModelDetail'], diff: Schemas['ModelDiffResponse']): string {
  const prediction = diff.predictionDistance != null ? `, prediction distance ${diff.predictionDistance.toFixed(3)}` : '';
  const lines = [`# ${first.name} → ${second.name}`, '', `Models ${first.id} and ${second.id}: structural distance ${diff.structuralDistance?.toFixed(3) ?? '–'}${prediction}.`, '', '## Changes', ''];

  const changes = diff.changes ?? [];
  if (changes.length === 0) {
    lines.push('The two models have the same layers.');
  }
  for (const change of changes) {
    lines.push(`- ${changeLine(change)}`);
  }
  return lines.join('\n');
}

/**
 * One change as a list item. The server's descriptions start with the kind ("removed layer 3
 * (relu)"), so the kind is only set in bold, never repeated before it.
 */
export function changeLine(change: Schemas['LayerChangeResponse']): string {
  const kind = change.kind ?? 'changed';
  const description = change.description ?? `${change.before ?? ''} → ${change.after ?? ''}`;
  if (description.toLowerCase().startsWith(kind.toLowerCase())) {
    return `**${description.slice(0, kind.length)}**${description.slice(kind.length)}`;
  }
  return `**${kind}**: ${description}`;
}
