/**
 * Creates or updates a flow of one of an actor's sites: what it is (direction, resource, waste
 * code, label), how much and when (quantity, months), its quality, and where it goes today
 * (outputs) or comes from (inputs). The API checks it against the reference data: units fitting
 * the resource, the temperature band of heat, starred waste codes.
 */
import { useState } from 'preact/hooks';
import { saveRecord } from './records.js';
import { pick, t, type MessageKey } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import {
  ErrorSummary,
  Field,
  FormActions,
  Group,
  errorsOf,
  fieldId,
  formatDecimal,
  parseDecimal,
  useFocusOnMount,
  type FieldSpec,
  type Placed,
} from '../../../ui/form.js';
import { directionLabel, fateLabel, monthLabel, MONTHS, purityLabel } from './labels.js';
import { ResourcePicker, WastePicker } from './pickers.js';
import { useResources, useUnits } from '../../../api/reference.js';
import {
  FATE_MODES,
  FLOW_DIRECTIONS,
  PERIODS,
  PURITY_GRADES,
  type FateMode,
  type Flow,
  type FlowDirection,
  type Period,
  type PurityGrade,
  type Site,
} from './types.js';
import { useSubmit } from './useSubmit.js';

function fields(): FieldSpec[] {
  return [
    { path: 'siteId', label: t('actors.flow.site') },
    { path: 'direction', label: t('actors.flow.direction') },
    { path: 'resourceCode', label: t('actors.flow.resource') },
    { path: 'wasteCode', label: t('actors.flow.wasteCode') },
    { path: 'label', label: t('actors.flow.label') },
    { path: 'quantity.value', label: t('actors.flow.quantityValue') },
    { path: 'quantity.unit', label: t('actors.flow.unit') },
    { path: 'quantity.period', label: t('actors.flow.period') },
    { path: 'monthsAvailable', label: t('actors.flow.months') },
    { path: 'quality.temperatureC', label: t('actors.flow.temperature') },
    { path: 'quality.moisturePct', label: t('actors.flow.moisture') },
    { path: 'quality.purityGrade', label: t('actors.flow.purity') },
    { path: 'quality.hazardous', label: t('actors.flow.hazardous') },
    { path: 'currentFate.mode', label: t('actors.flow.fateMode') },
    { path: 'currentFate.operationCode', label: t('actors.flow.operationCode') },
    { path: 'currentFate.local', label: t('actors.flow.fateLocal') },
    { path: 'currentFate.partner', label: t('actors.flow.fatePartner') },
    { path: 'currentOrigin.recycled', label: t('actors.flow.originRecycled') },
    { path: 'currentOrigin.local', label: t('actors.flow.originLocal') },
    { path: 'currentOrigin.partner', label: t('actors.flow.originPartner') },
  ];
}

type Tri = '' | 'true' | 'false';
const tri = (b: boolean | undefined): Tri => (b === undefined ? '' : b ? 'true' : 'false');
const fromTri = (v: Tri): boolean | undefined => (v === '' ? undefined : v === 'true');

/** Yes / no / not given, as radio buttons. */
function TriRadios({
  form,
  path,
  legend,
  value,
  onChange,
  errors,
}: {
  form: string;
  path: string;
  legend: string;
  value: Tri;
  onChange: (v: Tri) => void;
  errors: readonly string[];
}) {
  const id = fieldId(form, path);
  const choices: [Tri, string][] = [
    ['true', t('actors.yes')],
    ['false', t('actors.no')],
    ['', t('actors.form.notGiven')],
  ];
  return (
    <Group form={form} path={path} legend={legend} errors={errors} class="actors-inline">
      {() =>
        choices.map(([v, label], i) => (
          <span key={v} class="actors-choice">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${v || 'none'}`}
              name={id}
              value={v}
              checked={value === v}
              aria-invalid={errors.length > 0 ? 'true' : undefined}
              onChange={() => onChange(v)}
            />
            <label for={i === 0 ? id : `${id}-${v || 'none'}`}>{label}</label>
          </span>
        ))
      }
    </Group>
  );
}

export function FlowForm({
  territoryCode,
  sites,
  flow,
  formId,
  onSaved,
  onCancel,
  onDelete,
}: {
  territoryCode: string;
  sites: readonly Site[];
  flow?: Flow | undefined;
  formId: string;
  onSaved: (flow: Flow) => void;
  onCancel: () => void;
  onDelete?: (() => void) | undefined;
}) {
  const [siteId, setSiteId] = useState(flow?.siteId ?? (sites.length === 1 ? (sites[0]?.id ?? '') : ''));
  const [direction, setDirection] = useState<FlowDirection>(flow?.direction ?? 'output');
  const [resource, setResource] = useState<string | null>(flow?.resourceCode ?? null);
  const [waste, setWaste] = useState<string | null>(flow?.wasteCode ?? null);
  const [label, setLabel] = useState(flow?.label ?? '');
  const [value, setValue] = useState(formatDecimal(flow?.quantity?.value));
  const [unit, setUnit] = useState(flow?.quantity?.unit ?? '');
  const [period, setPeriod] = useState<Period>(flow?.quantity?.period ?? 'year');
  const [months, setMonths] = useState<number[]>(flow?.monthsAvailable ?? []);
  const [temperature, setTemperature] = useState(formatDecimal(flow?.quality.temperatureC));
  const [moisture, setMoisture] = useState(formatDecimal(flow?.quality.moisturePct));
  const [purity, setPurity] = useState<PurityGrade | ''>(flow?.quality.purityGrade ?? '');
  const [hazardous, setHazardous] = useState<Tri>(tri(flow?.quality.hazardous));
  const [fateMode, setFateMode] = useState<FateMode | ''>(flow?.currentFate?.mode ?? '');
  const [operation, setOperation] = useState(flow?.currentFate?.operationCode ?? '');
  const [fateLocal, setFateLocal] = useState<Tri>(tri(flow?.currentFate?.local));
  const [fatePartner, setFatePartner] = useState(flow?.currentFate?.partner ?? '');
  const [recycled, setRecycled] = useState<Tri>(tri(flow?.currentOrigin?.recycled));
  const [originLocal, setOriginLocal] = useState<Tri>(tri(flow?.currentOrigin?.local));
  const [originPartner, setOriginPartner] = useState(flow?.currentOrigin?.partner ?? '');
  const units = useUnits();
  const resources = useResources();
  const first = useFocusOnMount<HTMLSelectElement>();
  const specs = fields();
  const { placed, busy, attempt, submit } = useSubmit(specs);
  const editing = flow !== undefined;
  const err = (path: string) => errorsOf(placed, path);

  const entry = resource ? resources?.get(resource) : undefined;
  const allowed = entry ? entry.units : (units?.units.map((u) => u.code) ?? []);
  const unitChoices = unit && !allowed.includes(unit) ? [...allowed, unit] : allowed;
  const band = entry?.temperatureC;

  function chooseResource(code: string | null) {
    setResource(code);
    const e = code ? resources?.get(code) : undefined;
    if (e && !e.units.includes(unit)) setUnit(e.defaultUnit);
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    const local: Placed[] = [];
    const required = (ok: boolean, path: string, key: MessageKey = 'actors.error.required') => ok || local.push({ path, text: t(key) });
    required(siteId !== '', 'siteId', 'actors.error.siteRequired');
    required(!!resource, 'resourceCode', 'actors.error.resourceRequired');
    required(label.trim() !== '', 'label');
    const numberAt = (text: string, path: string) => {
      const n = parseDecimal(text);
      if (n !== undefined && Number.isNaN(n)) local.push({ path, text: t('actors.error.number') });
      return n !== undefined && !Number.isNaN(n) ? n : undefined;
    };
    const v = numberAt(value, 'quantity.value');
    if (v !== undefined && !unit) local.push({ path: 'quantity.unit', text: t('actors.error.unitRequired') });
    const temp = numberAt(temperature, 'quality.temperatureC');
    const moist = numberAt(moisture, 'quality.moisturePct');
    const recycledB = fromTri(recycled);
    const originLocalB = fromTri(originLocal);
    if (direction === 'input' && (recycledB === undefined) !== (originLocalB === undefined)) {
      local.push({ path: recycledB === undefined ? 'currentOrigin.recycled' : 'currentOrigin.local', text: t('actors.error.originBoth') });
    }
    if (direction === 'output' && fateMode === '' && (operation.trim() || fateLocal !== '' || fatePartner.trim())) {
      local.push({ path: 'currentFate.mode', text: t('actors.error.fateMode') });
    }
    const clear = editing ? null : undefined;
    const quality = {
      temperatureC: temp,
      moisturePct: moist,
      purityGrade: purity || undefined,
      hazardous: fromTri(hazardous),
    };
    const body = {
      siteId,
      direction,
      resourceCode: resource ?? '',
      wasteCode: waste?.replace(/[\s*]/g, '') || clear,
      label: label.trim(),
      quantity: v !== undefined ? { value: v, unit, period } : clear,
      monthsAvailable: months.length > 0 ? [...months].sort((a, b) => a - b) : clear,
      quality: Object.values(quality).some((x) => x !== undefined) ? quality : editing ? {} : undefined,
      currentFate:
        direction === 'output' && fateMode !== ''
          ? {
              mode: fateMode,
              operationCode: operation.trim().toUpperCase() || undefined,
              local: fromTri(fateLocal),
              partner: fatePartner.trim() || undefined,
            }
          : clear,
      currentOrigin:
        direction === 'input' && recycledB !== undefined && originLocalB !== undefined
          ? { recycled: recycledB, local: originLocalB, partner: originPartner.trim() || undefined }
          : clear,
    };
    void submit(local, () => saveRecord<Flow>(territoryCode, 'flows', flow?.id, body), onSaved);
  }

  return (
    <form id={formId} class="actors-form" noValidate onSubmit={onSubmit} aria-busy={busy ? 'true' : undefined}>
      <ErrorSummary form={formId} placed={placed} fields={specs} focusKey={attempt} />
      <p class="actors-hint">{t('actors.form.requiredNote')}</p>
      <div class="actors-form-grid">
        <Field form={formId} path="siteId" label={t('actors.flow.site')} errors={err('siteId')} required>
          {(c) => (
            <select {...c} ref={first} value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)}>
              <option value="">{t('actors.form.choose')}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Group form={formId} path="direction" legend={t('actors.flow.direction')} errors={err('direction')} class="actors-inline">
          {() =>
            FLOW_DIRECTIONS.map((d, i) => {
              const id = i === 0 ? fieldId(formId, 'direction') : `${fieldId(formId, 'direction')}-${d}`;
              return (
                <span key={d} class="actors-choice">
                  <input
                    type="radio"
                    id={id}
                    name={`${formId}-direction`}
                    value={d}
                    checked={direction === d}
                    onChange={() => setDirection(d)}
                  />
                  <label for={id}>{directionLabel(d)}</label>
                </span>
              );
            })
          }
        </Group>
        <Field
          form={formId}
          path="resourceCode"
          label={t('actors.flow.resource')}
          hint={t('actors.flow.resourceHint')}
          errors={err('resourceCode')}
          required
        >
          {(c) => <ResourcePicker control={c} value={resource} onChange={chooseResource} />}
        </Field>
        <Field
          form={formId}
          path="wasteCode"
          label={t('actors.flow.wasteCode')}
          hint={t('actors.flow.wasteCodeHint')}
          errors={err('wasteCode')}
        >
          {(c) => <WastePicker control={c} value={waste} onChange={setWaste} />}
        </Field>
        <Field form={formId} path="label" label={t('actors.flow.label')} hint={t('actors.flow.labelHint')} errors={err('label')} required>
          {(c) => <input {...c} type="text" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />}
        </Field>
      </div>

      <fieldset class="actors-group">
        <legend>{t('actors.flow.quantity')}</legend>
        <p class="actors-hint">
          {entry
            ? t('actors.flow.unitsOf', { resource: pick({ fr: entry.labelFr, en: entry.labelEn }), units: entry.units.join(', ') })
            : t('actors.flow.quantityHint')}
        </p>
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

      <Group
        form={formId}
        path="monthsAvailable"
        legend={t('actors.flow.months')}
        hint={t('actors.flow.monthsHint')}
        errors={err('monthsAvailable')}
        class="actors-months"
      >
        {() => (
          <div class="actors-months-grid">
            {MONTHS.map((m) => {
              const id = m === 1 ? fieldId(formId, 'monthsAvailable') : `${fieldId(formId, 'monthsAvailable')}-${m}`;
              return (
                <span key={m} class="actors-choice">
                  <input
                    type="checkbox"
                    id={id}
                    checked={months.includes(m)}
                    onChange={(e) =>
                      setMonths((list) => (e.currentTarget.checked ? [...list.filter((x) => x !== m), m] : list.filter((x) => x !== m)))
                    }
                  />
                  <label for={id}>{monthLabel(m)}</label>
                </span>
              );
            })}
          </div>
        )}
      </Group>

      <fieldset class="actors-group">
        <legend>{t('actors.flow.quality')}</legend>
        <div class="actors-form-grid">
          <Field
            form={formId}
            path="quality.temperatureC"
            label={t('actors.flow.temperature')}
            hint={
              band
                ? t('actors.flow.band', {
                    min: band.min === null ? '…' : number(band.min, 1),
                    max: band.max === null ? '…' : number(band.max, 1),
                  })
                : undefined
            }
            errors={err('quality.temperatureC')}
          >
            {(c) => (
              <input {...c} type="text" inputMode="decimal" value={temperature} onInput={(e) => setTemperature(e.currentTarget.value)} />
            )}
          </Field>
          <Field form={formId} path="quality.moisturePct" label={t('actors.flow.moisture')} errors={err('quality.moisturePct')}>
            {(c) => <input {...c} type="text" inputMode="decimal" value={moisture} onInput={(e) => setMoisture(e.currentTarget.value)} />}
          </Field>
          <Field form={formId} path="quality.purityGrade" label={t('actors.flow.purity')} errors={err('quality.purityGrade')}>
            {(c) => (
              <select {...c} value={purity} onChange={(e) => setPurity(e.currentTarget.value as PurityGrade | '')}>
                <option value="">{t('actors.form.notGiven')}</option>
                {PURITY_GRADES.map((p) => (
                  <option key={p} value={p}>
                    {purityLabel(p)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <TriRadios
          form={formId}
          path="quality.hazardous"
          legend={t('actors.flow.hazardous')}
          value={hazardous}
          onChange={setHazardous}
          errors={err('quality.hazardous')}
        />
      </fieldset>

      {direction === 'output' ? (
        <fieldset class="actors-group">
          <legend>{t('actors.flow.fate')}</legend>
          <div class="actors-form-grid">
            <Field form={formId} path="currentFate.mode" label={t('actors.flow.fateMode')} errors={err('currentFate.mode')}>
              {(c) => (
                <select {...c} value={fateMode} onChange={(e) => setFateMode(e.currentTarget.value as FateMode | '')}>
                  <option value="">{t('actors.form.notGiven')}</option>
                  {FATE_MODES.map((m) => (
                    <option key={m} value={m}>
                      {fateLabel(m)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              form={formId}
              path="currentFate.operationCode"
              label={t('actors.flow.operationCode')}
              hint={t('actors.flow.operationCodeHint')}
              errors={err('currentFate.operationCode')}
            >
              {(c) => <input {...c} type="text" value={operation} onInput={(e) => setOperation(e.currentTarget.value)} />}
            </Field>
            <Field
              form={formId}
              path="currentFate.partner"
              label={t('actors.flow.fatePartner')}
              hint={t('actors.flow.partnerHint')}
              errors={err('currentFate.partner')}
            >
              {(c) => <input {...c} type="text" value={fatePartner} onInput={(e) => setFatePartner(e.currentTarget.value)} />}
            </Field>
          </div>
          <TriRadios
            form={formId}
            path="currentFate.local"
            legend={t('actors.flow.fateLocal')}
            value={fateLocal}
            onChange={setFateLocal}
            errors={err('currentFate.local')}
          />
        </fieldset>
      ) : (
        <fieldset class="actors-group">
          <legend>{t('actors.flow.origin')}</legend>
          <TriRadios
            form={formId}
            path="currentOrigin.recycled"
            legend={t('actors.flow.originRecycled')}
            value={recycled}
            onChange={setRecycled}
            errors={err('currentOrigin.recycled')}
          />
          <TriRadios
            form={formId}
            path="currentOrigin.local"
            legend={t('actors.flow.originLocal')}
            value={originLocal}
            onChange={setOriginLocal}
            errors={err('currentOrigin.local')}
          />
          <Field
            form={formId}
            path="currentOrigin.partner"
            label={t('actors.flow.originPartner')}
            hint={t('actors.flow.partnerHint')}
            errors={err('currentOrigin.partner')}
          >
            {(c) => <input {...c} type="text" value={originPartner} onInput={(e) => setOriginPartner(e.currentTarget.value)} />}
          </Field>
        </fieldset>
      )}
      <FormActions busy={busy} onCancel={onCancel} save={editing ? t('actors.form.save') : t('actors.flow.create')}>
        {onDelete && (
          <button type="button" class="secondary actors-danger" onClick={onDelete}>
            {t('actors.flow.delete')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
