import type * as z from 'zod';
import type { Bilingual } from './i18n.js';

/** One problem with one field of an input, said in French and in English. */
export interface ValidationIssue {
  /** Where: the field's path, e.g. `quantity.value` or `monthsAvailable[2]`. */
  path: string;
  /** A stable machine code, e.g. `invalid_siret`, `unknown_naf_code`, `too_small`. */
  code: string;
  message: Bilingual;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Parameters carried by the platform's own (non-Zod) issues so that each language gets its text. */
export interface IssueParams {
  code: string;
  fr: string;
  en: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * What a pattern expects, said to a person: `expecting(/^\d{14}$/, 'SIRET : 14 chiffres attendus',
 * 'SIRET: 14 digits expected')`. A field whose pattern is not described gets « format invalide »,
 * never the regular expression itself.
 */
const PATTERNS = new Map<string, Bilingual>();

/** Registers what a pattern expects, in both languages, and gives the pattern back. */
export function expecting(pattern: RegExp, fr: string, en: string): RegExp {
  PATTERNS.set(String(pattern), { fr, en });
  return pattern;
}

type Lang = 'fr' | 'en';

const TYPES: Record<string, Bilingual> = {
  string: { fr: 'un texte', en: 'a text' },
  number: { fr: 'un nombre', en: 'a number' },
  int: { fr: 'un nombre entier', en: 'a whole number' },
  bigint: { fr: 'un nombre entier', en: 'a whole number' },
  boolean: { fr: 'vrai ou faux (true ou false)', en: 'true or false' },
  array: { fr: 'une liste', en: 'a list' },
  object: { fr: 'un objet (des champs entre accolades)', en: 'an object (fields in braces)' },
  record: { fr: 'un objet (des champs entre accolades)', en: 'an object (fields in braces)' },
  date: { fr: 'une date', en: 'a date' },
  null: { fr: 'null', en: 'null' },
  undefined: { fr: 'rien', en: 'nothing' },
  nan: { fr: 'un nombre', en: 'a number' },
};

function typeName(t: string, lang: Lang): string {
  return TYPES[t]?.[lang] ?? (lang === 'fr' ? 'une autre valeur' : 'another value');
}

/** The type of a value as a person would say it. */
function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const FORMATS: Record<string, Bilingual> = {
  email: { fr: 'adresse e-mail invalide', en: 'invalid e-mail address' },
  uuid: {
    fr: 'identifiant invalide : un UUID attendu (8-4-4-4-12 caractères hexadécimaux)',
    en: 'invalid ID: a UUID expected (8-4-4-4-12 hexadecimal characters)',
  },
  guid: {
    fr: 'identifiant invalide : un UUID attendu (8-4-4-4-12 caractères hexadécimaux)',
    en: 'invalid ID: a UUID expected (8-4-4-4-12 hexadecimal characters)',
  },
  url: { fr: 'adresse web invalide : une URL attendue (https://…)', en: 'invalid web address: a URL expected (https://…)' },
  datetime: { fr: 'date et heure invalides : AAAA-MM-JJTHH:MM:SSZ attendu', en: 'invalid date and time: YYYY-MM-DDTHH:MM:SSZ expected' },
  date: { fr: 'date invalide : AAAA-MM-JJ attendu', en: 'invalid date: YYYY-MM-DD expected' },
};

const SIZED: Record<string, { fr: string; en: string }> = {
  string: { fr: 'caractères', en: 'characters' },
  array: { fr: 'éléments', en: 'items' },
  set: { fr: 'éléments', en: 'items' },
  file: { fr: 'octets', en: 'bytes' },
};

function joinValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/**
 * Messages in each language for Zod's issues, said in terms of what is expected; never Zod's own
 * wording nor a regular expression (Zod's locales show patterns such as /^\d{14}$/).
 */
function message(issue: z.core.$ZodRawIssue, lang: Lang): string {
  const fr = lang === 'fr';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return fr ? 'champ obligatoire' : 'required field';
      if (issue.expected === 'int' && typeof issue.input === 'number')
        return fr ? 'un nombre entier attendu (sans décimales)' : 'a whole number expected (no decimals)';
      const expected = typeName(issue.expected, lang);
      const got = typeName(receivedType(issue.input), lang);
      return fr ? `${expected} attendu, reçu ${got}` : `${expected} expected, got ${got}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1)
        return fr ? `valeur attendue : ${joinValues(issue.values)}` : `expected value: ${joinValues(issue.values)}`;
      return fr ? `valeur attendue parmi : ${joinValues(issue.values)}` : `expected one of: ${joinValues(issue.values)}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = String(big ? issue.maximum : issue.minimum);
      const unit = SIZED[issue.origin];
      const exact = (issue as { exact?: boolean }).exact === true;
      if (unit) {
        if (exact) return fr ? `exactement ${limit} ${unit.fr} attendus` : `exactly ${limit} ${unit.en} expected`;
        if (fr)
          return big
            ? `${limit} ${unit.fr} au plus`
            : issue.minimum === 1 && issue.origin === 'string'
              ? 'ne doit pas être vide'
              : `${limit} ${unit.fr} au moins`;
        return big
          ? `at most ${limit} ${unit.en}`
          : issue.minimum === 1 && issue.origin === 'string'
            ? 'must not be empty'
            : `at least ${limit} ${unit.en}`;
      }
      const inclusive = issue.inclusive !== false;
      if (fr)
        return big
          ? inclusive
            ? `doit valoir au plus ${limit}`
            : `doit être inférieur à ${limit}`
          : inclusive
            ? `doit valoir au moins ${limit}`
            : `doit être supérieur à ${limit}`;
      return big
        ? inclusive
          ? `must be at most ${limit}`
          : `must be less than ${limit}`
        : inclusive
          ? `must be at least ${limit}`
          : `must be greater than ${limit}`;
    }
    case 'invalid_format': {
      if (issue.format === 'regex') {
        const described = PATTERNS.get(String((issue as { pattern?: unknown }).pattern));
        return described ? described[lang] : fr ? 'format invalide' : 'invalid format';
      }
      const known = FORMATS[issue.format];
      if (known) return known[lang];
      return fr ? 'format invalide' : 'invalid format';
    }
    case 'not_multiple_of':
      return fr ? `un multiple de ${String(issue.divisor)} attendu` : `a multiple of ${String(issue.divisor)} expected`;
    case 'unrecognized_keys':
      return fr
        ? `${issue.keys.length > 1 ? 'champs inconnus' : 'champ inconnu'} : ${issue.keys.join(', ')}`
        : `${issue.keys.length > 1 ? 'unknown fields' : 'unknown field'}: ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return fr ? 'nom de champ invalide' : 'invalid field name';
    case 'invalid_element':
      return fr ? 'élément invalide' : 'invalid item';
    case 'invalid_union':
      return fr ? 'valeur invalide : aucune des formes acceptées' : 'invalid value: none of the accepted forms';
    case 'custom':
      if (isIssueParams(issue.params)) return issue.params[lang];
      return fr ? 'valeur invalide' : 'invalid value';
    default:
      return fr ? 'valeur invalide' : 'invalid value';
  }
}

function isIssueParams(p: unknown): p is IssueParams {
  return typeof p === 'object' && p !== null && 'fr' in p && 'en' in p && 'code' in p;
}

function errorMapFor(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => message(issue, lang);
}

const FR = errorMapFor('fr');
const EN = errorMapFor('en');

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && isIssueParams(issue.params)) return issue.params.code;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.code;
}

/**
 * Parses with a Zod schema and, when it fails, gives every issue with its path and its message in
 * both languages (the schema is run once per language; only on failure).
 */
export function parseBilingual<S extends z.ZodType>(schema: S, input: unknown): ValidationResult<z.output<S>> {
  const fr = schema.safeParse(input, { error: FR, reportInput: true });
  if (fr.success) return { ok: true, value: fr.data };
  const en = schema.safeParse(input, { error: EN });
  const enIssues = en.success ? [] : en.error.issues;
  return {
    ok: false,
    issues: fr.error.issues.map((issue, i) => ({
      path: formatPath(issue.path),
      code: issueCode(issue),
      message: { fr: issue.message, en: enIssues[i]?.message ?? issue.message },
    })),
  };
}

/** Adds one of the platform's own bilingual issues from inside a Zod `superRefine`. */
export function addIssue(ctx: z.core.$RefinementCtx, path: PropertyKey[], params: IssueParams): void {
  ctx.addIssue({ code: 'custom', path, params, input: undefined });
}

export function issue(path: string, code: string, fr: string, en: string): ValidationIssue {
  return { path, code, message: { fr, en } };
}

/** Thrown by services when an input is rejected; routes answer 400 with the issues. */
export class ValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(`invalid input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message.en}`).join('; ')}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
