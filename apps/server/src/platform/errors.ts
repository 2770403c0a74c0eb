/**
 * The API's errors: one class, `AppError`, and one catalogue of codes. Each code has exactly one
 * HTTP status and a default message in French and in English; every error answers the same body,
 * `{ error: code, message: { fr, en }, issues? }`, with `issues` always present for `validation`
 * and never otherwise. The error handler (app.ts) turns anything thrown into an `AppError`
 * (`toAppError`); the table of docs/api.md is generated from the catalogue (`errorsMarkdown`).
 */
// Types only: the import worker loads this module (through UnreadableFileError) and must not load the engine.
import type { Bilingual, ValidationError, ValidationIssue } from '@boucles/engine';

interface ErrorDefinition {
  status: number;
  /** The message when the thrower gives none. */
  message: Bilingual;
  /** When it is answered, for docs/api.md (English, like the docs). */
  when: string;
}

export const ERROR_CATALOGUE = {
  validation: {
    status: 400,
    message: { fr: 'données invalides', en: 'invalid data' },
    when: 'one or more fields are wrong: **all** are listed in `issues`, each by its path (`quantity.unit`, `monthsAvailable[2]`, `query.limit`)',
  },
  invalid_json: {
    status: 400,
    message: {
      fr: "le corps de la requête n'est pas un JSON valide : vérifier les guillemets, virgules et accolades",
      en: 'the request body is not valid JSON',
    },
    when: 'the body is not valid JSON, or is empty while JSON is announced',
  },
  bad_request: {
    status: 400,
    message: { fr: 'requête invalide : elle ne peut être lue telle quelle', en: 'bad request' },
    when: 'the request cannot be read as it is (a malformed query string or header, text with a NUL character)',
  },
  unreadable_file: {
    status: 400,
    message: { fr: 'fichier illisible', en: 'unreadable file' },
    when: 'an imported file cannot be read at all (truncated or damaged XLSX, zip bomb, UTF-16 CSV, too many rows)',
  },
  invalid_analysis: {
    status: 400,
    message: { fr: 'analyse impossible avec ces paramètres', en: 'cannot analyse with these parameters' },
    when: 'the analysis cannot run with the parameters or rules given',
  },
  invalid_transition: {
    status: 400,
    message: { fr: 'ce changement de statut n’est pas possible', en: 'this status change is not possible' },
    when: 'a synergy case cannot go from its status to the one asked (docs/access.md, synergy follow-up)',
  },
  weak_password: {
    status: 400,
    message: { fr: 'mot de passe trop court ou trop long', en: 'password too short or too long' },
    when: 'a new password is shorter than 12 characters or longer than 256',
  },
  invalid_credentials: {
    status: 400,
    message: { fr: 'adresse ou mot de passe incorrect', en: 'wrong e-mail or password' },
    when: 'sign-in with a wrong e-mail or password, or a password change with a wrong current password (the session, if any, stays valid)',
  },
  invalid_token: {
    status: 400,
    message: { fr: 'lien inconnu, déjà utilisé ou expiré', en: 'link unknown, already used or expired' },
    when: 'a password-reset token that is unknown, used already or expired',
  },
  unauthenticated: {
    status: 401,
    message: { fr: 'connexion requise', en: 'sign-in required' },
    when: 'no live session and no API key on a route that needs one: sign in (again)',
  },
  invalid_api_key: {
    status: 401,
    message: { fr: 'clé d’API inconnue ou révoquée', en: 'unknown or revoked API key' },
    when: 'the `Authorization: Bearer` key is unknown or revoked',
  },
  forbidden: {
    status: 403,
    message: {
      fr: 'votre rôle dans ce territoire ne permet pas cette action',
      en: 'your role in this territory does not allow this action',
    },
    when: 'the caller’s role does not allow the action (docs/access.md)',
  },
  csrf: {
    status: 403,
    message: {
      fr: 'requête refusée : jeton anti-falsification (X-CSRF-Token) absent ou incorrect',
      en: 'request refused: missing or wrong anti-forgery token (X-CSRF-Token)',
    },
    when: 'a change made with a session cookie without the session’s `X-CSRF-Token`, or from another `Origin`',
  },
  read_only_key: {
    status: 403,
    message: { fr: 'une clé d’API ne permet que la lecture', en: 'an API key allows reading only' },
    when: 'a change (`POST`, `PUT`, `PATCH`, `DELETE`) made with an API key',
  },
  not_found: {
    status: 404,
    message: { fr: 'introuvable', en: 'not found' },
    when: 'no such route, territory, or record **in this territory** (or one the caller may not see: answered exactly alike)',
  },
  conflict: {
    status: 409,
    message: { fr: 'conflit avec les données existantes', en: 'conflict with existing data' },
    when: 'a SIRET or external ID already used in the territory, a territory code or e-mail already taken, a role already held, the last platform administrator, or a record referred to deleted by a concurrent request',
  },
  body_too_large: {
    status: 413,
    message: { fr: 'corps de la requête trop gros', en: 'request body too large' },
    when: 'the body is over 1 MiB (JSON routes), or the uploaded file over `BOUCLES_IMPORT_MAX_MB`',
  },
  unsupported_media_type: {
    status: 415,
    message: { fr: 'type de contenu non pris en charge : envoyer du JSON', en: 'unsupported content type: send JSON' },
    when: 'the body is not of a type the route takes (JSON; XLSX or CSV for imports)',
  },
  too_many_attempts: {
    status: 429,
    message: { fr: 'trop de tentatives de connexion', en: 'too many sign-in attempts' },
    when: 'too many failed sign-ins for this e-mail or from this address; `Retry-After` says when to try again',
  },
  internal: {
    status: 500,
    message: { fr: 'erreur interne du serveur', en: 'internal server error' },
    when: 'a fault of ours, logged with the request ID',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The body of every error answer. */
export interface ErrorBody {
  error: ErrorCode;
  message: Bilingual;
  /** Every faulty field, for `validation` (and only for it). */
  issues?: ValidationIssue[];
}

/** An error the API answers with its code's status and a bilingual message. */
export class AppError extends Error {
  readonly status: number;
  readonly text: Bilingual;
  readonly issues: readonly ValidationIssue[] | undefined;

  /** `validation` always comes with its issues; the other codes never do. */
  constructor(code: 'validation', text: Bilingual | undefined, issues: readonly ValidationIssue[]);
  constructor(code: Exclude<ErrorCode, 'validation'>, text?: Bilingual);
  constructor(
    readonly code: ErrorCode,
    text?: Bilingual,
    issues?: readonly ValidationIssue[],
  ) {
    const message = text ?? ERROR_CATALOGUE[code].message;
    super(message.en);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
    this.text = message;
    this.issues = code === 'validation' ? (issues ?? []) : undefined;
  }

  /** The answer's body. */
  body(): ErrorBody {
    return { error: this.code, message: { fr: this.text.fr, en: this.text.en }, ...(this.issues ? { issues: [...this.issues] } : {}) };
  }
}

export class NotFoundError extends AppError {
  constructor(what: Bilingual) {
    super('not_found', { fr: `${what.fr} introuvable`, en: `${what.en} not found` });
  }
}

export class ConflictError extends AppError {
  constructor(text: Bilingual) {
    super('conflict', text);
  }
}

/** Invalid data: one or more issues, each at its path. */
export function invalid(issues: readonly ValidationIssue[], text?: Bilingual): AppError {
  return new AppError('validation', text, issues);
}

/** What Fastify, the JSON parser and the database throw, by their codes, as the API's errors. */
function fromPlatform(err: { code?: unknown; statusCode?: unknown; message: string }, bodyLimit: number): AppError | undefined {
  switch (err.code) {
    // The parser's own text is English and technical: the French message says what to send.
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('invalid_json', {
        fr: ERROR_CATALOGUE.invalid_json.message.fr,
        en: `the request body is not valid JSON: ${err.message}`,
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', {
        fr: 'le corps de la requête est vide alors que du JSON est annoncé',
        en: 'the request body is empty while JSON is announced',
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', {
        fr: `le corps de la requête dépasse ${bodyLimit} octets`,
        en: `the request body exceeds ${bodyLimit} bytes`,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type');
    // Backstop: text PostgreSQL cannot store (a NUL character) that slipped past the schemas.
    case '22021':
    case '22P05':
      return new AppError('bad_request', {
        fr: 'texte invalide : caractère nul ou encodage incorrect',
        en: 'invalid text: NUL character or bad encoding',
      });
  }
  if (
    err instanceof SyntaxError ||
    (err.statusCode === 400 && !(typeof err.code === 'string' && err.code.startsWith('FST_ERR_VALIDATION')))
  ) {
    return new AppError('bad_request', { fr: ERROR_CATALOGUE.bad_request.message.fr, en: `bad request: ${err.message}` });
  }
  return undefined;
}

/** The engine's `ValidationError`, recognised by its name and issues (see the import above). */
function isEngineValidationError(err: unknown): err is ValidationError {
  return err instanceof Error && err.name === 'ValidationError' && Array.isArray((err as Partial<ValidationError>).issues);
}

/**
 * Anything thrown, as the API answers it: an `AppError` as it is, the engine's `ValidationError`
 * as `validation` with its issues, what the platform throws by its code, and anything else as
 * `internal` (the caller logs it).
 */
export function toAppError(err: unknown, context: { bodyLimit: number }): AppError {
  if (err instanceof AppError) return err;
  if (isEngineValidationError(err)) return invalid(err.issues);
  if (err instanceof Error) return fromPlatform(err, context.bodyLimit) ?? new AppError('internal');
  return new AppError('internal');
}

/** The codes with their status and meaning, as the Markdown table of docs/api.md. */
export function errorsMarkdown(): string {
  const rows = (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).map((code) => {
    const d: ErrorDefinition = ERROR_CATALOGUE[code];
    return `| ${d.status} | \`${code}\` | ${d.when.replaceAll('|', '\\|')} | ${d.message.fr.replaceAll('|', '\\|')} |`;
  });
  return ['| status | `error` | when | default message (fr) |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** True for PostgreSQL's foreign_key_violation, on both drivers. */
export function isForeignKeyViolation(e: unknown): e is { code: string; constraint?: string } {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23503';
}

/** True for PostgreSQL's unique_violation, on both drivers. */
export function isUniqueViolation(e: unknown): e is { code: string; constraint?: string; detail?: string } {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
