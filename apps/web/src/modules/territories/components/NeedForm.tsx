/** Creates or updates a need an actor could share with others (mutualisation). */
import { useState } from 'preact/hooks';
import { saveRecord } from './records.js';
import { pick, t } from '../../../app/i18n/index.js';
import {
  ErrorSummary,
  Field,
  FormActions,
  errorsOf,
  formatDecimal,
  parseDecimal,
  useFocusOnMount,
  type FieldSpec,
  type Placed,
} from '../../../ui/form.js';
import { categoryLabel } from './labels.js';
import { ResourcePicker } from './pickers.js';
import { useResources, useUnits } from '../../../api/reference.js';
import { NEED_CATEGORIES, PERIODS, type Need, type NeedCategory, type Period } from './types.js';
import { useSubmit } from './useSubmit.js';

function fields(): FieldSpec[] {
  return [
    { path: 'category', label: t('actors.need.category') },
    { path: 'description', label: t('actors.need.description') },
    { path: 'resourceCode', label: t('actors.flow.resource') },
    { path: 'quantity.value', label: t('actors.flow.quantityValue') },
    { path: 'quantity.unit', label: t('actors.flow.unit') },
    { path: 'quantity.period', label: t('actors.flow.period') },
  ];
}

export function NeedForm({
  territoryCode,
  actorId,
  need,
  formId,
  onSaved,
  onCancel,
  onDelete,
}: {
  territoryCode: string;
  actorId: string;
  need?: Need | undefined;
  formId: string;
  onSaved: (need: Need) => void;
  onCancel: () => void;
  onDelete?: (() => void) | undefined;
}) {
  const [category, setCategory] = useState<NeedCategory | ''>(need?.category ?? '');
  const [description, setDescription] = useState(need?.description ?? '');
  const [resource, setResource] = useState<string | null>(need?.resourceCode ?? null);
  const [value, setValue] = useState(formatDecimal(need?.quantity?.value));
  const [unit, setUnit] = useState(need?.quantity?.unit ?? '');
  const [period, setPeriod] = useState<Period>(need?.quantity?.period ?? 'year');
  const units = useUnits();
  const resources = useResources();
  const first = useFocusOnMount<HTMLSelectElement>();
  const specs = fields();
  const { placed, busy, attempt, submit } = useSubmit(specs);
  const editing = need !== undefined;
  const err = (path: string) => errorsOf(placed, path);
  const entry = resource ? resources?.get(resource) : undefined;
  const allowed = entry ? entry.units : (units?.units.map((u) => u.code) ?? []);
  const unitChoices = unit && !allowed.includes(unit) ? [...allowed, unit] : allowed;

  function chooseResource(code: string | null) {
    setResource(code);
    const e = code ? resources?.get(code) : undefined;
    if (e && unit && !e.units.includes(unit)) setUnit(e.defaultUnit);
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    const local: Placed[] = [];
    if (category === '') local.push({ path: 'category', text: t('actors.error.categoryRequired') });
    if (description.trim() === '') local.push({ path: 'description', text: t('actors.error.required') });
    const v = parseDecimal(value);
    if (v !== undefined && Number.isNaN(v)) local.push({ path: 'quantity.value', text: t('actors.error.number') });
    if (v !== undefined && !Number.isNaN(v) && !unit) local.push({ path: 'quantity.unit', text: t('actors.error.unitRequired') });
    const clear = editing ? null : undefined;
    const body = {
      ...(editing ? {} : { actorId }),
      category,
      description: description.trim(),
      resourceCode: resource?.trim() || clear,
      quantity: v !== undefined && !Number.isNaN(v) ? { value: v, unit, period } : clear,
    };
    void submit(local, () => saveRecord<Need>(territoryCode, 'needs', need?.id, body), onSaved);
  }

  return (
    <form id={formId} class="actors-form" noValidate onSubmit={onSubmit} aria-busy={busy ? 'true' : undefined}>
      <ErrorSummary form={formId} placed={placed} fields={specs} focusKey={attempt} />
      <p class="actors-hint">{t('actors.form.requiredNote')}</p>
      <div class="actors-form-grid">
        <Field form={formId} path="category" label={t('actors.need.category')} errors={err('category')} required>
          {(c) => (
            <select {...c} ref={first} value={category} onChange={(e) => setCategory(e.currentTarget.value as NeedCategory | '')}>
              <option value="">{t('actors.form.choose')}</option>
              {NEED_CATEGORIES.map((k) => (
                <option key={k} value={k}>
                  {categoryLabel(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={formId}
          path="resourceCode"
          label={t('actors.flow.resource')}
          hint={t('actors.need.resourceHint')}
          errors={err('resourceCode')}
        >
          {(c) => <ResourcePicker control={c} value={resource} onChange={chooseResource} />}
        </Field>
      </div>
      <Field form={formId} path="description" label={t('actors.need.description')} errors={err('description')} required>
        {(c) => <textarea {...c} rows={3} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />}
      </Field>
      <fieldset class="actors-group">
        <legend>{t('actors.flow.quantity')}</legend>
        <div class="actors-form-grid actors-form-grid-3">
          <Field form={formId} path="quantity.value" label={t('actors.flow.quantityValue')} errors={err('quantity.value')}>
            {(c) => <input {...c} type="text" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} />}
          </Field>
          <Field form={formId} path="quantity.unit" label={t('actors.flow.unit')} errors={err('quantity.unit')}>
            {(c) => (
              <select {...c} value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
                <option value="">{t('actors.form.choose')}</option>
                {unitChoices.map((code) => {
                  const u = units?.units.find((x) => x.code === code);
                  return (
                    <option key={code} value={code}>
                      {u ? t('actors.flow.unitOption', { code, label: pick({ fr: u.labelFr, en: u.labelEn }) }) : code}
                    </option>
                  );
                })}
              </select>
            )}
          </Field>
          <Field form={formId} path="quantity.period" label={t('actors.flow.period')} errors={err('quantity.period')}>
            {(c) => (
              <select {...c} value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
                {PERIODS.map((p) => {
                  const def = units?.periods.find((x) => x.code === p);
                  return (
                    <option key={p} value={p}>
                      {def ? pick({ fr: def.labelFr, en: def.labelEn }) : p}
                    </option>
                  );
                })}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <FormActions busy={busy} onCancel={onCancel} save={editing ? t('actors.form.save') : t('actors.need.create')}>
        {onDelete && (
          <button type="button" class="secondary actors-danger" onClick={onDelete}>
            {t('actors.need.delete')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
