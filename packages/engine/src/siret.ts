/**
 * SIREN (9 digits) and SIRET (14 digits) identifiers of French businesses.
 * Both carry a Luhn check digit. Source: INSEE, « Répertoire SIRENE — description des
 * identifiants » ; La Poste's establishments (SIREN 356000000) are the documented exception:
 * their SIRET digits sum to a multiple of 5 instead of passing Luhn.
 */

const LA_POSTE_SIREN = '356000000';

/** True when the digit string passes the Luhn algorithm. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && siren !== '000000000' && passesLuhn(siren);
}

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    if (siret === '35600000000048') return true; // La Poste head office, a valid Luhn number anyway
    const sum = [...siret].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0;
  }
  // A SIRET is a SIREN (with its own check digit) followed by a NIC; the 14 digits carry a second one.
  return isValidSiren(siret.slice(0, 9)) && passesLuhn(siret);
}

/** The SIREN of a SIRET: its first nine digits. */
export function sirenOf(siret: string): string {
  return siret.slice(0, 9);
}

/** Removes the spaces, dots and non-breaking spaces people type in identifiers. */
export function normaliseIdentifier(raw: string): string {
  return raw.replace(/[\s.\u00a0\u202f-]/g, '');
}

/** Computes the Luhn check digit that completes a digit string (used by tests and fixtures). */
export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) {
    if (passesLuhn(partial + String(d))) return String(d);
  }
  throw new Error(`no Luhn digit for ${partial}`);
}
