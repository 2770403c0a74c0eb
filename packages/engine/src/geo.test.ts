import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceMetres, isInFrance, lambert93ToWgs84, wgs84ToLambert93 } from './geo.js';

test('the origin of Lambert-93 (700 000 m, 6 600 000 m) is 3° E, 46.5° N by definition of the projection', () => {
  const p = lambert93ToWgs84({ x: 700_000, y: 6_600_000 });
  assert.ok(Math.abs(p.lon - 3) < 1e-9, `lon ${p.lon}`);
  assert.ok(Math.abs(p.lat - 46.5) < 1e-9, `lat ${p.lat}`);
});

test('converting WGS84 to Lambert-93 and back returns the same point to the millimetre', () => {
  const lille = { lat: 50.6292, lon: 3.0573 };
  const back = lambert93ToWgs84(wgs84ToLambert93(lille));
  assert.ok(distanceMetres(lille, back) < 0.001);
});

test('a point in the Hauts-de-France lies north of the projection origin in Lambert-93', () => {
  const l93 = wgs84ToLambert93({ lat: 50.6292, lon: 3.0573 });
  assert.ok(l93.y > 7_000_000 && l93.y < 7_100_000, `y ${l93.y}`);
  assert.ok(l93.x > 690_000 && l93.x < 720_000, `x ${l93.x}`);
});

test('coordinates in metropolitan France and overseas are accepted; swapped ones are not', () => {
  assert.equal(isInFrance({ lat: 50.63, lon: 3.06 }), true);
  assert.equal(isInFrance({ lat: -21.1, lon: 55.5 }), true); // La Réunion
  assert.equal(isInFrance({ lat: 3.06, lon: 50.63 }), false);
  assert.equal(isInFrance({ lat: 40.4, lon: -3.7 }), false); // Madrid
});

test('one degree of latitude is about 111 km', () => {
  const d = distanceMetres({ lat: 50, lon: 3 }, { lat: 51, lon: 3 });
  assert.ok(Math.abs(d - 111_195) < 10, `${d}`);
});
