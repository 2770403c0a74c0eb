/** Creates an actor (POST) or updates one (PATCH); the API's issues are shown on their fields. */
import { useState } from 'preact/hooks';
import { saveRecord } from './records.js';
import { pick, t } from '../../../app/i18n/index.js';
import { ErrorSummary, Field, FormActions, errorsOf, useFocusOnMount, type FieldSpec, type Issue, type Placed } from '../../../ui/form.js';
import { kindLabel } from './labels.js';
import { NafPicker } from './pickers.js';
import { useHeadcountBands } from '../../../api/reference.js';
import { ACTOR_KINDS, type Actor, type ActorKind } from './types.js';
import { useSubmit } from './useSubmit.js';

function fields(): FieldSpec[] {
  return [
    { path: 'name', label: t('actors.field.name') },
    { path: 'siret', label: t('actors.field.siret') },
    { path: 'kind', label: t('actors.field.kind') },
    { path: 'nafCode', label: t('actors.field.naf') },
    { path: 'headcountBand', label: t('actors.field.headcount') },
    { path: 'ess', label: t('actors.field.ess') },
    { path: 'contact.name', label: t('actors.field.contactName') },
    { path: 'contact.email', label: t('actors.field.contactEmail') },
    { path: 'contact.phone', label: t('actors.field.contactPhone') },
  ];
}

/** Plainer words than the schema's for the commonest mistakes. */
function friendly(issue: Issue): string | undefined {
  if (issue.code === 'invalid_format' || issue.code === 'invalid_type') {
    switch (issue.path) {
      case 'siret':
        return t('actors.error.siretFormat');
      case 'nafCode':
        return t('actors.error.nafFormat');
      case 'contact.phone':
        return t('actors.error.phoneFormat');
    }
  }
  if (issue.path === 'name' && (issue.code === 'too_small' || issue.code === 'required')) return t('actors.error.nameRequired');
  return undefined;
}

export function ActorForm({
  territoryCode,
  actor,
  formId,
  onSaved,
  onCancel,
}: {
  territoryCode: string;
  actor?: Actor;
  formId: string;
  onSaved: (actor: Actor) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(actor?.name ?? '');
  const [siret, setSiret] = useState(actor?.siret ?? '');
  const [kind, setKind] = useState<ActorKind>(actor?.kind ?? 'company');
  const [naf, setNaf] = useState<string | null>(actor?.nafCode ?? null);
  const [band, setBand] = useState(actor?.headcountBand ?? '');
  const [ess, setEss] = useState(actor?.ess ?? false);
  const [contactName, setContactName] = useState(actor?.contact.name ?? '');
  const [email, setEmail] = useState(actor?.contact.email ?? '');
  const [phone, setPhone] = useState(actor?.contact.phone ?? '');
  const bands = useHeadcountBands();
  const first = useFocusOnMount<HTMLInputElement>();
  const specs = fields();
  const { placed, busy, attempt, submit } = useSubmit(specs, friendly);
  const editing = actor !== undefined;

  function onSubmit(e: Event) {
    e.preventDefault();
    const local: Placed[] = [];
    if (name.trim() === '') local.push({ path: 'name', text: t('actors.error.nameRequired') });
    const clear = editing ? null : undefined;
    const contact = { name: contactName.trim() || undefined, email: email.trim() || undefined, phone: phone.trim() || undefined };
    const hasContact = Object.values(contact).some((v) => v !== undefined);
    const body = {
      name: name.trim(),
      siret: siret.replace(/\s/g, '') || clear,
      kind,
      nafCode: naf?.trim() || clear,
      headcountBand: band || clear,
      ess: kind === 'ess' ? true : ess,
      contact: hasContact ? contact : clear,
    };
    void submit(local, () => saveRecord<Actor>(territoryCode, 'actors', actor?.id, body), onSaved);
  }

  return (
    <form id={formId} class="actors-form" noValidate onSubmit={onSubmit} aria-busy={busy ? 'true' : undefined}>
      <ErrorSummary form={formId} placed={placed} fields={specs} focusKey={attempt} />
      <p class="actors-hint">{t('actors.form.requiredNote')}</p>
      <div class="actors-form-grid">
        <Field form={formId} path="name" label={t('actors.field.name')} errors={errorsOf(placed, 'name')} required>
          {(c) => (
            <input
              {...c}
              ref={first}
              type="text"
              autoComplete="organization"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          form={formId}
          path="siret"
          label={t('actors.field.siret')}
          hint={t('actors.field.siretHint')}
          errors={errorsOf(placed, 'siret')}
        >
          {(c) => (
            <input
              {...c}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={siret}
              onInput={(e) => setSiret(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field form={formId} path="kind" label={t('actors.field.kind')} errors={errorsOf(placed, 'kind')} required>
          {(c) => (
            <select
              {...c}
              value={kind}
              onChange={(e) => {
                const k = e.currentTarget.value as ActorKind;
                setKind(k);
                if (k === 'ess') setEss(true);
              }}
            >
              {ACTOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={formId}
          path="nafCode"
          label={t('actors.field.naf')}
          hint={t('actors.field.nafHint')}
          errors={errorsOf(placed, 'nafCode')}
        >
          {(c) => <NafPicker control={c} value={naf} onChange={setNaf} />}
        </Field>
        <Field form={formId} path="headcountBand" label={t('actors.field.headcount')} errors={errorsOf(placed, 'headcountBand')}>
          {(c) => (
            <select {...c} value={band} onChange={(e) => setBand(e.currentTarget.value)}>
              <option value="">{t('actors.form.notGiven')}</option>
              {(bands ?? (band ? [{ code: band, labelFr: band, labelEn: band }] : [])).map((b) => (
                <option key={b.code} value={b.code}>
                  {pick({ fr: b.labelFr, en: b.labelEn })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="actors-field actors-check">
          <input
            id={`${formId}-ess`}
            type="checkbox"
            checked={kind === 'ess' ? true : ess}
            disabled={kind === 'ess'}
            aria-describedby={errorsOf(placed, 'ess').length > 0 ? `${formId}-ess-error` : `${formId}-ess-hint`}
            aria-invalid={errorsOf(placed, 'ess').length > 0 ? 'true' : undefined}
            onChange={(e) => setEss(e.currentTarget.checked)}
          />
          <label for={`${formId}-ess`}>{t('actors.field.ess')}</label>
          <p id={`${formId}-ess-hint`} class="actors-hint">
            {t('actors.field.essHint')}
          </p>
          {errorsOf(placed, 'ess').map((m, i) => (
            <p key={i} id={`${formId}-ess-error`} class="field-error">
              <span aria-hidden="true">⚠ </span>
              {m}
            </p>
          ))}
        </div>
      </div>
      <fieldset class="actors-group">
        <legend>{t('actors.field.contact')}</legend>
        <div class="actors-form-grid">
          <Field form={formId} path="contact.name" label={t('actors.field.contactName')} errors={errorsOf(placed, 'contact.name')}>
            {(c) => (
              <input {...c} type="text" autoComplete="name" value={contactName} onInput={(e) => setContactName(e.currentTarget.value)} />
            )}
          </Field>
          <Field form={formId} path="contact.email" label={t('actors.field.contactEmail')} errors={errorsOf(placed, 'contact.email')}>
            {(c) => <input {...c} type="email" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
          <Field form={formId} path="contact.phone" label={t('actors.field.contactPhone')} errors={errorsOf(placed, 'contact.phone')}>
            {(c) => <input {...c} type="tel" autoComplete="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
          </Field>
        </div>
      </fieldset>
      <FormActions busy={busy} onCancel={onCancel} save={editing ? t('actors.form.save') : t('actors.form.create')} />
    </form>
  );
}
