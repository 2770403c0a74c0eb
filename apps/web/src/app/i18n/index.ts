/**
 * Translation catalogues: French by default, English on request. Every string of the interface
 * comes from a catalogue. The app's common texts are in `./fr.ts` and `./en.ts`; each module has
 * its own pair (`modules/<module>/i18n/fr.ts`, `en.ts`); the English file is typed by the French one, so a missing key fails the build.
 *
 * `t()` takes only a key of a French catalogue (`MessageKey`): a key built from a value
 * (`t(\`followup.status.${status}\`)`) is checked through its template type, and a key from
 * elsewhere (the server's audit actions) through `isMessageKey()`.
 */
import { signal } from '@preact/signals';
import type app from './fr.js';

export type Language = 'fr' | 'en';
type Catalogue = Record<string, string>;

/**
 * The French catalogues, by module: the app's here, each module's added by its own `i18n/fr.ts`
 * (`declare module` of this file), so that a new module's catalogue needs no change here.
 */
export interface Catalogues {
  app: typeof app;
}

/** Every key of every French catalogue. */
export type MessageKey = { [M in keyof Catalogues]: keyof Catalogues[M] & string }[keyof Catalogues];

const modules = {
  fr: import.meta.glob<{ default: Catalogue }>(['./fr.ts', '../../modules/*/i18n/fr.ts'], { eager: true }),
  en: import.meta.glob<{ default: Catalogue }>(['./en.ts', '../../modules/*/i18n/en.ts'], { eager: true }),
};
const catalogues: Record<Language, Catalogue> = {
  fr: Object.assign({}, ...Object.values(modules.fr).map((m) => m.default)),
  en: Object.assign({}, ...Object.values(modules.en).map((m) => m.default)),
};

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('boucles.lang') : null;
export const language = signal<Language>(stored === 'en' ? 'en' : 'fr');

export function setLanguage(lang: Language): void {
  language.value = lang;
  localStorage.setItem('boucles.lang', lang);
  document.documentElement.lang = lang;
}

/** Whether `key` (from elsewhere: the server's names of actions and records) has a text in the catalogues. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.fr;
}

/** The text of `key` in the current language, `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogues[language.value][key] ?? catalogues.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A bilingual text from the API in the current language. */
export function pick(text: { fr: string; en: string } | null | undefined): string {
  return text ? text[language.value] : '';
}
