/**
 * Writes down an exchange, or changes one: the company met (a search box narrowing a drop-down
 * list), the day, the kind, who took part, the topics, a weak signal and what it is, the service
 * offered and when to come back. The checks a person can be told before sending are made here; the
 * server's, field by field, are shown beside the same fields. The heading takes the focus when the
 * form opens, and the first faulty field when it is refused.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api/client.js';
import { pick, t } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, sentence, type NoticeState } from '../../../ui/fields.js';
import { KINDS, saveInteraction, useActorChoices, type Interaction, type InteractionInput, type Kind } from '../api.js';

/** The form's fields as typed: text, empty when not given. */
interface Draft {
  actorId: string;
  occurredOn: string;
  kind: Kind | '';
  participants: string;
  topics: string;
  weakSignal: boolean;
  weakSignalText: string;
  serviceOffered: string;
  followUpOn: string;
}
type FieldName = keyof Draft;
/** The order of the fields on the page, to focus the first faulty one. */
const ORDER: readonly FieldName[] = [
  'actorId',
  'occurredOn',
  'kind',
  'participants',
  'topics',
  'weakSignal',
  'weakSignalText',
  'serviceOffered',
  'followUpOn',
];

/** Today in the user's time zone, `YYYY-MM-DD`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function draftOf(e: Interaction | null): Draft {
  return {
    actorId: e?.actorId ?? '',
    occurredOn: e?.occurredOn ?? today(),
    kind: e?.kind ?? '',
    participants: e?.participants ?? '',
    topics: e?.topics ?? '',
    weakSignal: e?.weakSignal ?? false,
    weakSignalText: e?.weakSignalText ?? '',
    serviceOffered: e?.serviceOffered ?? '',
    followUpOn: e?.followUpOn ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function check(d: Draft): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (!d.actorId) errors.actorId = t('relationships.error.actor');
  if (!d.occurredOn) errors.occurredOn = t('relationships.error.date');
  if (!d.kind) errors.kind = t('relationships.error.kind');
  if (d.weakSignal && !d.weakSignalText.trim()) errors.weakSignalText = t('relationships.error.weakSignalText');
  if (d.followUpOn && d.occurredOn && d.followUpOn < d.occurredOn) errors.followUpOn = t('relationships.error.followUp');
  return errors;
}

const id = (field: FieldName) => `interaction-${field}`;

/** The company met: a search box and the matching actors; the one chosen stays offered while the search changes. */
interface ActorOption {
  id: string;
  name: string;
}

function ActorChoice(props: {
  code: string;
  value: string;
  chosen: ActorOption | null;
  error: string | undefined;
  onChange: (a: ActorOption | null) => void;
}) {
  const { code, value, chosen, error, onChange } = props;
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(draft.trim()), 250);
    return () => clearTimeout(timer);
  }, [draft]);
  const list = useActorChoices(code, q);
  const found = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const options = chosen && !found.some((a) => a.id === chosen.id) ? [chosen, ...found] : found;
  const hint = list.loading
    ? t('common.loading')
    : total > found.length
      ? t('relationships.form.actorMore', { shown: number(found.length, 0), total: number(total, 0) })
      : t('relationships.form.actorCount', { n: number(total, 0) });
  return (
    <div class="rel-actor">
      <Field id={`${id('actorId')}-search`} label={t('relationships.form.search')} hint={t('relationships.form.searchHint')}>
        {(c) => <input {...c} type="search" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />}
      </Field>
      <Field id={id('actorId')} label={t('relationships.form.actor')} hint={hint} error={error}>
        {(c) => (
          <select {...c} required value={value} onChange={(e) => onChange(options.find((a) => a.id === e.currentTarget.value) ?? null)}>
            <option value="">{t('relationships.form.choose')}</option>
            {options.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

export function InteractionForm({
  code,
  editing,
  onSaved,
  onCancel,
}: {
  code: string;
  editing: Interaction | null;
  onSaved: (saved: Interaction) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(editing));
  const [chosen, setChosen] = useState<ActorOption | null>(editing ? { id: editing.actorId, name: editing.actorName } : null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => heading.current?.focus(), [editing?.id]);

  // A field changed is no longer faulty until the next check.
  const set = <K extends FieldName>(field: K, value: Draft[K]) => {
    setD((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));
  };
  // After the render that shows the errors, so that the field is announced with its error.
  const focusFirst = (found: Partial<Record<FieldName, string>>) => {
    const first = ORDER.find((f) => found[f]);
    if (first) setTimeout(() => form.current?.querySelector<HTMLElement>(`#${id(first)}`)?.focus());
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found = check(d);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    const input: InteractionInput = {
      actorId: d.actorId,
      occurredOn: d.occurredOn,
      kind: d.kind as Kind,
      participants: orNull(d.participants),
      topics: orNull(d.topics),
      weakSignal: d.weakSignal,
      weakSignalText: d.weakSignal ? orNull(d.weakSignalText) : null,
      serviceOffered: orNull(d.serviceOffered),
      followUpOn: d.followUpOn || null,
    };
    setBusy(true);
    setMessage(NO_NOTICE);
    try {
      onSaved(await saveInteraction(code, input, editing?.id));
    } catch (err) {
      // The server names each faulty field: its message goes beside that field, which takes the focus; anything else is said above the form.
      const issues = err instanceof ApiError ? (err.body.issues ?? []) : [];
      const fromServer: Partial<Record<FieldName, string>> = {};
      for (const i of issues)
        if ((ORDER as readonly string[]).includes(i.path)) fromServer[i.path as FieldName] = sentence(pick(i.message));
      setErrors(fromServer);
      if (Object.keys(fromServer).length) focusFirst(fromServer);
      else setMessage((m) => notice(m, 'error', t('common.error', { message: messageOf(err) })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate class="rel-form" aria-labelledby="interaction-form-title">
      <h2 id="interaction-form-title" ref={heading} tabIndex={-1}>
        {editing ? t('relationships.form.edit', { actor: editing.actorName }) : t('relationships.form.new')}
      </h2>
      <Notice {...message} />
      <ActorChoice
        code={code}
        value={d.actorId}
        chosen={chosen}
        error={errors.actorId}
        onChange={(a) => {
          setChosen(a);
          set('actorId', a?.id ?? '');
        }}
      />
      <div class="rel-form-row">
        <Field id={id('occurredOn')} label={t('relationships.form.date')} error={errors.occurredOn}>
          {(c) => <input {...c} type="date" required value={d.occurredOn} onInput={(e) => set('occurredOn', e.currentTarget.value)} />}
        </Field>
        <Field id={id('kind')} label={t('relationships.form.kind')} error={errors.kind}>
          {(c) => (
            <select {...c} required value={d.kind} onChange={(e) => set('kind', e.currentTarget.value as Kind | '')}>
              <option value="">{t('relationships.form.choose')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`relationships.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id={id('participants')}
        label={t('relationships.form.participants')}
        hint={t('relationships.form.participantsHint')}
        error={errors.participants}
      >
        {(c) => (
          <input {...c} type="text" maxLength={2000} value={d.participants} onInput={(e) => set('participants', e.currentTarget.value)} />
        )}
      </Field>
      <Field id={id('topics')} label={t('relationships.form.topics')} error={errors.topics}>
        {(c) => <textarea {...c} rows={3} maxLength={4000} value={d.topics} onInput={(e) => set('topics', e.currentTarget.value)} />}
      </Field>
      <div class="rel-check">
        <input
          id={id('weakSignal')}
          type="checkbox"
          checked={d.weakSignal}
          aria-describedby={`${id('weakSignal')}-hint`}
          onChange={(e) => set('weakSignal', e.currentTarget.checked)}
        />
        <label for={id('weakSignal')}>{t('relationships.form.weakSignal')}</label>
        <p id={`${id('weakSignal')}-hint`} class="field-hint">
          {t('relationships.form.weakSignalHint')}
        </p>
      </div>
      {d.weakSignal && (
        <Field id={id('weakSignalText')} label={t('relationships.form.weakSignalText')} error={errors.weakSignalText}>
          {(c) => (
            <textarea
              {...c}
              rows={2}
              required
              maxLength={2000}
              value={d.weakSignalText}
              onInput={(e) => set('weakSignalText', e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field
        id={id('serviceOffered')}
        label={t('relationships.form.service')}
        hint={t('relationships.form.serviceHint')}
        error={errors.serviceOffered}
      >
        {(c) => (
          <input
            {...c}
            type="text"
            maxLength={2000}
            value={d.serviceOffered}
            onInput={(e) => set('serviceOffered', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={id('followUpOn')} label={t('relationships.form.followUp')} error={errors.followUpOn}>
        {(c) => <input {...c} type="date" value={d.followUpOn} onInput={(e) => set('followUpOn', e.currentTarget.value)} />}
      </Field>
      <div class="access-actions">
        <button type="submit" disabled={busy}>
          {t('relationships.form.submit')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('relationships.form.cancel')}
        </button>
      </div>
    </form>
  );
}
