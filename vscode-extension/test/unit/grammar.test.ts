// Checks the TextMate grammar against the C# sources it mirrors, so a layer, header or training
// setting added to Remap.Core without a grammar change fails here. VS Code runs the patterns with
// Oniguruma, and they keep to the syntax that JavaScript's regular expressions share with it
// (\p{…} classes, lookarounds), so they are compiled here with the `u` flag.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const extensionRoot = fileURLToPath(new URL('../../../', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  patterns?: Rule[];
  include?: string;
}

const grammar = JSON.parse(readFileSync(`${extensionRoot}language/remap.tmLanguage.json`, 'utf8')) as { repository: Record<string, Rule> };

function readSource(path: string): string {
  return readFileSync(`${repositoryRoot}${path}`, 'utf8');
}

function allMatches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]);
}

const layerKeywords = allMatches(readSource('src/Remap.Core/Model/LayerCatalog.cs'), /new\(LayerKind\.\w+, "([^"]+)"/g);
const settingNames = allMatches(readSource('src/Remap.Core/Language/TrainingSettingCatalog.cs'), /new\("(\w+)", "/g);
const headerKeywords = allMatches(readSource('src/Remap.Core/Language/Parser.cs'), /"(\w+)" => HeaderKind\./g);

function regex(source: string | undefined): RegExp {
  assert.ok(source, 'the rule has the pattern');
  return new RegExp(source, 'u');
}

function valueScope(text: string): string | undefined {
  for (const rule of grammar.repository.value.patterns ?? []) {
    const match = regex(rule.match).exec(text);
    if (match && match[0] === text) {
      return rule.name;
    }
  }

  return undefined;
}

test('C# sources yield the keyword lists', () => {
  assert.ok(layerKeywords.length >= 13, `found layers: ${layerKeywords.join(', ')}`);
  assert.deepEqual(headerKeywords.sort(), ['classes', 'dataset', 'input', 'model']);
  assert.ok(settingNames.includes('learning_rate'), `found settings: ${settingNames.join(', ')}`);
});

test('every pattern compiles', () => {
  const visit = (rule: Rule, path: string) => {
    for (const key of ['match', 'begin', 'end'] as const) {
      if (rule[key] !== undefined) {
        assert.doesNotThrow(() => regex(rule[key]), `${path}.${key}`);
      }
    }

    rule.patterns?.forEach((child, index) => visit(child, `${path}.patterns[${index}]`));
  };

  for (const [name, rule] of Object.entries(grammar.repository)) {
    visit(rule, name);
  }
});

test('layer rule knows every catalog layer', () => {
  const begin = regex(grammar.repository.layer.begin);
  for (const keyword of layerKeywords) {
    assert.equal(begin.exec(`  ${keyword} a=1`)?.[1], keyword, keyword);
  }

  assert.equal(begin.exec('conv2dx filters=3'), null, 'a longer word is not a layer');
  assert.equal(begin.exec('# conv2d'), null, 'a comment is not a layer');
});

test('training block ends where the parser closes it', () => {
  const end = regex(grammar.repository['training-block'].end);
  for (const keyword of [...layerKeywords, ...headerKeywords]) {
    assert.ok(end.test(`${keyword} x`) || end.test(keyword), `a '${keyword}' line closes the block`);
  }

  assert.ok(end.test('}'));
  assert.ok(end.test('training {'));
  assert.equal(end.test('seed = 1'), false, 'a setting stays inside');
  assert.equal(end.test('dense = 1'), false, "'name = value' is a setting even when the name is a layer");
});

test('setting rule knows every training setting', () => {
  const known = regex(grammar.repository.setting.patterns?.[0].match);
  for (const name of settingNames) {
    assert.equal(known.exec(`  ${name} = 1`)?.[1], name, name);
  }

  assert.equal(known.exec('epoch = 1'), null, 'a misspelt setting is not a known one');
});

test('values get number, shape and keyword scopes', () => {
  assert.equal(valueScope('1x28x28'), 'constant.numeric.shape.remap');
  assert.equal(valueScope('784'), 'constant.numeric.integer.remap');
  assert.equal(valueScope('-3'), 'constant.numeric.integer.remap');
  assert.equal(valueScope('0.001'), 'constant.numeric.float.remap');
  assert.equal(valueScope('1e-4'), 'constant.numeric.float.remap');
  assert.equal(valueScope('.5'), 'constant.numeric.float.remap');
  assert.equal(valueScope('same'), 'constant.language.padding.remap');
  assert.equal(valueScope('adamw'), 'support.constant.optimizer.remap');
  assert.equal(valueScope('1x'), undefined);
  assert.equal(valueScope('fashion-mnist-sample'), undefined);
});

test('numbers inside names stay plain', () => {
  const integer = regex(grammar.repository.value.patterns?.[1].match);
  assert.equal(integer.exec('conv2d'), null);
  assert.equal(integer.exec('mnist-10'), null);
});

test('header rules cover every header keyword', () => {
  const begins = (grammar.repository.header.patterns ?? []).map((rule) => regex(rule.begin));
  for (const keyword of headerKeywords) {
    assert.ok(
      begins.some((begin) => begin.exec(`${keyword} value`)?.[1] === keyword),
      keyword,
    );
  }
});

test('parameter rule takes name and equals sign', () => {
  const parameter = regex(grammar.repository.parameter.match);
  const match = parameter.exec('filters=16');
  assert.equal(match?.[1], 'filters');
  assert.equal(match?.[2], '=');
});
