/** Creates or updates a site of an actor: name, address, commune of the territory, coordinates. */
import { useState } from 'preact/hooks';
import { saveRecord } from './records.js';
import { t } from '../../../app/i18n/index.js';
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
import { useCommuneNames } from '../../../api/reference.js';
import type { Site } from './types.js';
import { useSubmit } from './useSubmit.js';

/** Above this many communes, the commune is typed as a code rather than picked in a list. */
const MAX_LISTED_COMMUNES = 1000;

function fields(): FieldSpec[] {
  return [
    { path: 'name', label: t('actors.site.name') },
    { path: 'address', label: t('actors.site.address') },
    { path: 'communeCode', label: t('actors.site.commune') },
    { path: 'location.lat', label: t('actors.site.lat') },
    { path: 'location.lon', label: t('actors.site.lon') },
  ];
}

export function SiteForm({
  territoryCode,
  communes,
  actorId,
  site,
  formId,
  onSaved,
  onCancel,
  onDelete,
}: {
  territoryCode: string;
  communes: readonly string[];
  actorId: string;
  site?: Site | undefined;
  formId: string;
  onSaved: (site: Site) => void;
  onCancel: () => void;
  onDelete?: (() => void) | undefined;
}) {
  const [name, setName] = useState(site?.name ?? '');
  const [address, setAddress] = useState(site?.address ?? '');
  const [commune, setCommune] = useState(site?.communeCode ?? '');
  const [lat, setLat] = useState(formatDecimal(site?.location?.lat));
  const [lon, setLon] = useState(formatDecimal(site?.location?.lon));
  const listed = communes.length <= MAX_LISTED_COMMUNES;
  const names = useCommuneNames(listed ? communes : null);
  const first = useFocusOnMount<HTMLInputElement>();
  const specs = fields();
  const { placed, busy, attempt, submit } = useSubmit(specs);
  const editing = site !== undefined;
  const sorted = [...communes].sort((a, b) => (names?.get(a) ?? a).localeCompare(names?.get(b) ?? b, 'fr'));

  function onSubmit(e: Event) {
    e.preventDefault();
    const local: Placed[] = [];
    if (name.trim() === '') local.push({ path: 'name', text: t('actors.error.required') });
    if (commune.trim() === '') local.push({ path: 'communeCode', text: t('actors.error.communeRequired') });
    const la = parseDecimal(lat);
    const lo = parseDecimal(lon);
    if (la !== undefined && Number.isNaN(la)) local.push({ path: 'location.lat', text: t('actors.error.number') });
    if (lo !== undefined && Number.isNaN(lo)) local.push({ path: 'location.lon', text: t('actors.error.number') });
    if ((la === undefined) !== (lo === undefined))
      local.push({ path: la === undefined ? 'location.lat' : 'location.lon', text: t('actors.error.bothCoordinates') });
    const clear = editing ? null : undefined;
    const body = {
      ...(editing ? {} : { actorId }),
      name: name.trim(),
      address: address.trim() || clear,
      communeCode: commune.trim(),
      location: la !== undefined && lo !== undefined ? { lat: la, lon: lo } : clear,
    };
    void submit(local, () => saveRecord<Site>(territoryCode, 'sites', site?.id, body), onSaved);
  }

  return (
    <form id={formId} class="actors-form" noValidate onSubmit={onSubmit} aria-busy={busy ? 'true' : undefined}>
      <ErrorSummary form={formId} placed={placed} fields={specs} focusKey={attempt} />
      <p class="actors-hint">{t('actors.form.requiredNote')}</p>
      <div class="actors-form-grid">
        <Field form={formId} path="name" label={t('actors.site.name')} errors={errorsOf(placed, 'name')} required>
          {(c) => <input {...c} ref={first} type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field form={formId} path="address" label={t('actors.site.address')} errors={errorsOf(placed, 'address')}>
          {(c) => (
            <input {...c} type="text" autoComplete="street-address" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
          )}
        </Field>
        <Field
          form={formId}
          path="communeCode"
          label={t('actors.site.commune')}
          hint={listed ? undefined : t('actors.site.communeHint')}
          errors={errorsOf(placed, 'communeCode')}
          required
        >
          {(c) =>
            listed ? (
              <select {...c} value={commune} onChange={(e) => setCommune(e.currentTarget.value)}>
                <option value="">{t('actors.form.choose')}</option>
                {sorted.map((code) => (
                  <option key={code} value={code}>
                    {names?.get(code) ? t('actors.site.communeOption', { name: names.get(code) ?? code, code }) : code}
                  </option>
                ))}
              </select>
            ) : (
              <input {...c} type="text" inputMode="numeric" value={commune} onInput={(e) => setCommune(e.currentTarget.value)} />
            )
          }
        </Field>
      </div>
      <fieldset class="actors-group">
        <legend>{t('actors.site.location')}</legend>
        <p class="actors-hint">{t('actors.site.locationHint')}</p>
        <div class="actors-form-grid">
          <Field form={formId} path="location.lat" label={t('actors.site.lat')} errors={errorsOf(placed, 'location.lat')}>
            {(c) => <input {...c} type="text" inputMode="decimal" value={lat} onInput={(e) => setLat(e.currentTarget.value)} />}
          </Field>
          <Field form={formId} path="location.lon" label={t('actors.site.lon')} errors={errorsOf(placed, 'location.lon')}>
            {(c) => <input {...c} type="text" inputMode="decimal" value={lon} onInput={(e) => setLon(e.currentTarget.value)} />}
          </Field>
        </div>
      </fieldset>
      <FormActions busy={busy} onCancel={onCancel} save={editing ? t('actors.form.save') : t('actors.site.create')}>
        {onDelete && (
          <button type="button" class="secondary actors-danger" onClick={onDelete}>
            {t('actors.site.delete')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
