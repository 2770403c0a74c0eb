import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anonymousDescription, roundedDistanceKm } from './anonymity.js';

test('distances are rounded to the km under 10 km and to 5 km above, never to zero', () => {
  assert.deepEqual([0.2, 1.4, 3.6, 9.4, 9.6, 12.4, 12.6, 31].map(roundedDistanceKm), [1, 1, 4, 9, 10, 10, 15, 30]);
  assert.equal(roundedDistanceKm(Number.NaN), 0);
});

test('an anonymous party is described by its kind, its sector and a rounded distance only', () => {
  const d = anonymousDescription('farm', { fr: 'Culture et production animale', en: 'Agriculture' }, 12.6);
  assert.equal(d.fr, 'une exploitation agricole du secteur « Culture et production animale » à environ 15 km');
  assert.equal(d.en, 'a farm in the “Agriculture” sector about 15 km away');
  assert.equal(anonymousDescription(undefined, undefined, 0.5).fr, 'une organisation à moins de 1 km');
});
