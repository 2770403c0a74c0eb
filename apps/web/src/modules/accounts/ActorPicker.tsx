/**
 * Picks one actor of a territory: a search box that narrows a drop-down list (the API searches by
 * name or SIRET, 100 at a time), so that a territory of thousands of actors stays usable with the
 * keyboard and a screen reader.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { number } from '../../ui/format.js';
import { Field } from '../../ui/fields.js';

const SHOWN = 100;

export function ActorPicker({
  id,
  code,
  value,
  onChange,
  error,
}: {
  id: string;
  code: string;
  value: string;
  onChange: (actorId: string) => void;
  error?: string | undefined;
}) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  // The list follows the search box after a short pause in typing.
  useEffect(() => {
    const timer = setTimeout(() => setQ(draft.trim()), 250);
    return () => clearTimeout(timer);
  }, [draft]);
  const params = new URLSearchParams({ limit: String(SHOWN) });
  if (q) params.set('q', q);
  const list = useApi<Page<{ id: string; name: string }>>(
    code ? `/api/territories/${encodeURIComponent(code)}/actors?${params.toString()}` : null,
  );
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // The chosen actor stays chosen only while it is in the list.
  useEffect(() => {
    if (list.data && value && !items.some((a) => a.id === value)) onChange('');
  }, [list.data]);
  return (
    <div class="actor-picker">
      <Field id={`${id}-search`} label={t('access.actor.search')} hint={t('access.actor.searchHint')}>
        {(c) => <input {...c} type="search" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />}
      </Field>
      <Field
        id={id}
        label={t('access.actor')}
        error={error}
        hint={
          list.loading
            ? t('common.loading')
            : total > items.length
              ? t('access.actor.more', { shown: number(items.length, 0), total: number(total, 0) })
              : t('access.actor.count', { n: number(total, 0) })
        }
      >
        {(c) => (
          <select {...c} required value={value} onChange={(e) => onChange(e.currentTarget.value)}>
            <option value="">{t('access.actor.choose')}</option>
            {items.map((a) => (
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
