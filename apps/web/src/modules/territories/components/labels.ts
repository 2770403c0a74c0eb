/** Labels of the data model's enumerations, from the catalogues. */
import { t } from '../../../app/i18n/index.js';
import type { ActorKind, FateMode, FlowDirection, NeedCategory, PurityGrade } from './types.js';

export const kindLabel = (k: ActorKind) => t(`actors.kind.${k}`);
export const directionLabel = (d: FlowDirection) => t(`actors.direction.${d}`);
export const fateLabel = (m: FateMode) => t(`actors.fate.${m}`);
export const purityLabel = (p: PurityGrade) => t(`actors.purity.${p}`);
export const categoryLabel = (c: NeedCategory) => t(`actors.need.category.${c}`);
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Month = (typeof MONTHS)[number];
const isMonth = (m: number): m is Month => MONTHS.some((x) => x === m);
export const monthLabel = (m: Month) => t(`actors.month.${m}`);
/** A month's short name (a number outside 1–12, which the API refuses, is shown as it is). */
export const monthShort = (m: number) => (isMonth(m) ? t(`actors.monthShort.${m}`) : String(m));
export const yesNo = (b: boolean) => (b ? t('actors.yes') : t('actors.no'));

/** A SIRET as people read it: 3 3 3 5. */
export function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
}
