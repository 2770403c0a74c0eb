/** A user-facing text in the two languages of the platform (French first). */
export interface Bilingual {
  fr: string;
  en: string;
}

export type Language = keyof Bilingual;

export function bilingual(fr: string, en: string): Bilingual {
  return { fr, en };
}
