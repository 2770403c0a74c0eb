/** The searchable pickers of the forms, over the reference routes: NAF codes, waste codes, resource classes. */
import { language, pick, t } from '../../../app/i18n/index.js';
import { reference } from '../../../api/query.js';
import { useReference } from '../../../api/reference.js';
import { Combobox, type Option } from './Combobox.js';
import type { ControlProps } from '../../../ui/form.js';
import type { NafEntry, ResourceEntry, Results, WasteEntry } from './types.js';

const LIMIT = 30;

function query(path: string, q: string): string {
  return `${path}?limit=${LIMIT}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
}

export async function searchNaf(q: string): Promise<Option[]> {
  const r = await reference<Results<NafEntry>>(query('/api/reference/naf', q));
  // Sub-class labels exist in French only: an English page marks them as French.
  return r.items.map((n) => ({
    value: n.code,
    label: n.labelEn ?? n.labelFr,
    lang: n.labelEn === null && language.value !== 'fr' ? 'fr' : undefined,
  }));
}

/** A waste code as the List of Waste writes it: `20 01 01`, with `*` when hazardous. */
export function formatWasteCode(code: string, hazardous?: boolean): string {
  return `${code.replace(/^(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3')}${hazardous ? '*' : ''}`;
}

export async function searchWaste(q: string): Promise<Option[]> {
  const r = await reference<Results<WasteEntry>>(query('/api/reference/waste-codes', q));
  return r.items.map((w) => ({
    value: w.code,
    code: formatWasteCode(w.code, w.hazardous),
    label: pick({ fr: w.labelFr, en: w.labelEn }),
    detail: w.hazardous ? t('actors.flow.hazardousYes') : undefined,
  }));
}

export async function searchResources(q: string): Promise<{ options: Option[]; entries: ResourceEntry[] }> {
  const r = await reference<Results<ResourceEntry>>(query('/api/reference/resources', q));
  return { options: r.items.map((e) => ({ value: e.code, label: pick({ fr: e.labelFr, en: e.labelEn }) })), entries: r.items };
}

interface PickerProps {
  control: ControlProps;
  value: string | null;
  onChange: (value: string | null) => void;
}

export function NafPicker({ control, value, onChange }: PickerProps) {
  return <Combobox control={control} labelId={`${control.id}-label`} value={value} onChange={onChange} search={searchNaf} />;
}

export function WastePicker({ control, value, onChange }: PickerProps) {
  return <Combobox control={control} labelId={`${control.id}-label`} value={value} onChange={onChange} search={searchWaste} />;
}

export function ResourcePicker({ control, value, onChange }: PickerProps) {
  return (
    <Combobox
      control={control}
      labelId={`${control.id}-label`}
      value={value}
      onChange={onChange}
      search={async (q) => (await searchResources(q)).options}
    />
  );
}

/** The label of a NAF code (null: none), as the NAF picker shows it. */
export function useNafLabel(code: string | null) {
  return useReference(code ? ['naf-label', code] : null, async () => (await searchNaf(code ?? '')).find((o) => o.value === code));
}
