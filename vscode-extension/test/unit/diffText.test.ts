import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { changeLine, diffMarkdown } from '../../src/commands/diffText';

test('change line does not repeat kind', () => {
  assert.equal(changeLine({ kind: 'removed', description: 'removed layer 3 (relu)' }), '**removed** layer 3 (relu)');
});

test('other change keeps its kind label', () => {
  assert.equal(changeLine({ kind: 'replaced', before: 'relu', after: 'tanh' }), '**replaced**: relu → tanh');
});

test('the recorded diff reads without a doubled word', () => {
  const diff = JSON.parse(readFileSync('test/fixtures/diff-parent-child.json', 'utf8'));
  const text = diffMarkdown({ id: 1, name: 'mlp_tiny' }, { id: 3, name: 'mlp_tiny_ablation' }, diff);

  assert.match(text, /- \*\*removed\*\* layer 3 \(relu\)/);
  assert.doesNotMatch(text, /removed\*\*: removed/);
});
