/**
 * Calls to the Boucles API (same origin). Errors carry the API's bilingual message.
 *
 * Session: the cookie goes with every request on its own; requests that change something also
 * carry the session's CSRF token (`X-CSRF-Token`, from `GET /api/auth/me`). A 401 outside the
 * sign-in endpoints means the session ended: the session module is told, and sends the user to
 * the sign-in page.
 */
import { pick } from '../app/i18n/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      error?: string;
      message?: { fr: string; en: string };
      issues?: { path: string; message: { fr: string; en: string } }[];
    },
  ) {
    super(body.message ? pick(body.message) : `HTTP ${status}`);
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface SessionHooks {
  /** The current session's CSRF token, if signed in. */
  csrfToken(): string | undefined;
  /** Called when the API answers 401 to a request outside /api/auth/. */
  unauthenticated(): void;
  /** Called when a change was refused for its CSRF token (another tab signed in again): gets a fresh one. */
  refreshToken(): Promise<string | undefined>;
}

let hooks: SessionHooks | undefined;

/** Set by the session module (kept apart so that the two modules do not import each other). */
export function setSessionHooks(h: SessionHooks): void {
  hooks = h;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: ApiError['body'] = {};
  try {
    body = (await response.json()) as ApiError['body'];
  } catch {
    /* not JSON */
  }
  return new ApiError(response.status, body);
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase();
  const send = (token: string | undefined) => {
    const headers = new Headers(init.headers);
    if (init.body !== undefined && typeof init.body === 'string' && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    if (!SAFE_METHODS.has(method) && token) headers.set('x-csrf-token', token);
    return fetch(path, { ...init, headers, credentials: 'same-origin' });
  };
  let response = await send(hooks?.csrfToken());
  if (!response.ok) {
    let error = await errorOf(response);
    // A stale token (the session was renewed in another tab): once more with a fresh one.
    if (error.status === 403 && /csrf/i.test(error.body.error ?? '') && hooks) {
      const fresh = await hooks.refreshToken();
      if (fresh) {
        response = await send(fresh);
        if (response.ok) return read<T>(response);
        error = await errorOf(response);
      }
    }
    if (error.status === 401 && !path.startsWith('/api/auth/')) hooks?.unauthenticated();
    throw error;
  }
  return read<T>(response);
}

async function read<T>(response: Response): Promise<T> {
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await response.json()) as T;
}

export interface Territory {
  id: string;
  code: string;
  name: string;
  level: string;
  fictional: boolean;
  communes: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
