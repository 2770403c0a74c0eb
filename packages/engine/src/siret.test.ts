import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidSiren, isValidSiret, luhnCheckDigit, normaliseIdentifier, passesLuhn, sirenOf } from './siret.js';

test('a SIRET whose Luhn check digit is right is valid', () => {
  const siret = `7328293200007${luhnCheckDigit('7328293200007')}`;
  assert.equal(siret, '73282932000074');
  assert.equal(isValidSiret(siret), true);
});

test('changing one digit of a valid SIRET makes it invalid', () => {
  assert.equal(isValidSiret('73282932000075'), false);
  assert.equal(isValidSiret('73282932100074'), false);
});

test('a SIRET whose SIREN part fails its own check digit is invalid, even when the fourteen digits pass Luhn', () => {
  assert.equal(passesLuhn('12345678000006'), true);
  assert.equal(isValidSiret('12345678000006'), false);
  assert.equal(isValidSiret('00000000000000'), false);
});

test('a SIRET must be exactly fourteen digits', () => {
  assert.equal(isValidSiret('7328293200007'), false);
  assert.equal(isValidSiret('732829320000740'), false);
  assert.equal(isValidSiret('7328293200007A'), false);
});

test("La Poste's establishments follow the sum-of-digits-multiple-of-5 rule instead of Luhn", () => {
  assert.equal(isValidSiret('35600000000010'), true); // digits sum to 15
  assert.equal(isValidSiret('35600000000011'), false); // digits sum to 16
  assert.equal(isValidSiret('35600000000048'), true); // La Poste's head office, which passes Luhn
});

test('the SIREN is the first nine digits of the SIRET and carries its own check digit', () => {
  assert.equal(sirenOf('73282932000074'), '732829320');
  assert.equal(isValidSiren('732829320'), true);
  assert.equal(isValidSiren('732829321'), false);
});

test('the Luhn algorithm rejects anything that is not digits', () => {
  assert.equal(passesLuhn(''), false);
  assert.equal(passesLuhn('12a4'), false);
  assert.equal(passesLuhn('79927398713'), true); // the textbook example of ISO/IEC 7812-1
});

test('spaces, dots and non-breaking spaces typed in an identifier are removed', () => {
  assert.equal(normaliseIdentifier('732 829 320\u00a000074'), '73282932000074');
  assert.equal(normaliseIdentifier('732.829.320.00074'), '73282932000074');
});
