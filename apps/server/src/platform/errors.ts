import type { Bilingual } from '@boucles/engine';

/** An error the API turns into a response with this status and a bilingual message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
  ) {
    super(text.en);
    this.name = 'HttpError';
  }
}

export class NotFoundError extends HttpError {
  constructor(what: Bilingual) {
    super(404, 'not_found', { fr: `${what.fr} introuvable`, en: `${what.en} not found` });
  }
}

export class ConflictError extends HttpError {
  constructor(text: Bilingual) {
    super(409, 'conflict', text);
  }
}

/** True for PostgreSQL's foreign_key_violation, on both drivers. */
export function isForeignKeyViolation(e: unknown): e is { code: string; constraint?: string } {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23503';
}

/** True for PostgreSQL's unique_violation, on both drivers. */
export function isUniqueViolation(e: unknown): e is { code: string; constraint?: string; detail?: string } {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
