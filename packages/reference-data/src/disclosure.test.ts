import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDisclosureControl, type DisclosureControl } from '@boucles/engine';
import { loadDisclosureControl, type DisclosureNote } from './disclosure.js';

const file = loadDisclosureControl();

test('the disclosure-control rules are INSEE’s: at least 3 actors, no one above 85 %', () => {
  assert.equal(file.id, 'disclosure-control');
  assert.equal(file.minActors, 3);
  assert.equal(file.dominance?.share, 0.85);
  // The file is the engine's rules as it is.
  const rules: DisclosureControl = file;
  assert.doesNotThrow(() => checkDisclosureControl(rules));
});

test('each rule names a source of the file, or is marked as an estimate, with a rationale in French and English', () => {
  const keys = new Set(file.sources.map((s) => s.key));
  assert.equal(keys.size, file.sources.length, 'source keys are unique');
  const notes: [string, DisclosureNote][] = [['minActors', file.minActorsNote]];
  if (file.dominance) notes.push(['dominance', file.dominance]);
  for (const [where, n] of notes) {
    for (const k of n.sources) assert.ok(keys.has(k), `${where}: source ${k}`);
    if (n.sources.length === 0) assert.equal(n.estimate, true, `${where} has no source, so it must be an estimate`);
    assert.ok(n.rationale.fr.length > 0 && n.rationale.en.length > 0, `${where}: rationale`);
  }
});

test('every source says what it grounds, with a title, an https URL and a licence', () => {
  for (const s of file.sources) assert.ok(s.key && s.what && s.title && /^https:\/\//.test(s.url) && s.licence, JSON.stringify(s));
});
