/** Calls to the Boucles API (same origin). Errors carry the API's bilingual message. */
import { pick } from './i18n/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: { fr: string; en: string }; issues?: { path: string; message: { fr: string; en: string } }[] },
  ) {
    super(body.message ? pick(body.message) : `HTTP ${status}`);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    let body: ApiError['body'] = {};
    try {
      body = (await response.json()) as ApiError['body'];
    } catch {
      /* not JSON */
    }
    throw new ApiError(response.status, body);
  }
  if (response.status === 204) return undefined as T;
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
