/** Helpers to build parameterised SQL: values always travel as parameters, never in the text. */
export class Conditions {
  readonly params: unknown[];
  private readonly parts: string[] = [];

  constructor(initial: unknown[] = []) {
    this.params = [...initial];
  }

  /** Adds a condition; `$?` in the fragment stands for the next parameter. */
  add(fragment: string, ...values: unknown[]): this {
    let text = fragment;
    for (const v of values) {
      this.params.push(v);
      text = text.replace('$?', `$${this.params.length}`);
    }
    this.parts.push(text);
    return this;
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export interface Page {
  limit: number;
  offset: number;
}

export interface PageOf<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function iso(d: Date | string): string {
  return d instanceof Date ? d.toISOString() : new Date(d).toISOString();
}

/** Escapes LIKE wildcards in user text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
