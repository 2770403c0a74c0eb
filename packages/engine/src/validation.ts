import * as z from 'zod';
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

const frLocale = z.locales.fr().localeError;
const enLocale = z.locales.en().localeError;

function isIssueParams(p: unknown): p is IssueParams {
  return typeof p === 'object' && p !== null && 'fr' in p && 'en' in p && 'code' in p;
}

function errorMapFor(lang: 'fr' | 'en'): z.core.$ZodErrorMap {
  const locale = lang === 'fr' ? frLocale : enLocale;
  return (issue) => {
    if (issue.code === 'custom' && isIssueParams(issue.params)) return issue.params[lang];
    return locale(issue);
  };
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
