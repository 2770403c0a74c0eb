/**
 * /t/:code/echanges: the company relationship log, for the territory's facilitators and
 * administrators (the server refuses everyone else; the page says so rather than failing). The
 * exchanges newest first, a filter on weak signals, a form to write one down or change it, and a
 * confirmation before deleting one. The data comes through `./api.ts` only.
 */
import './relationships.css';
import { useRef, useState } from 'preact/hooks';
import { Layout } from '../../app/Layout.js';
import { language, t } from '../../app/i18n/index.js';
import { number } from '../../ui/format.js';
import { holds, me, standingIn } from '../../app/session.js';
import { territoryBase, useTerritory } from '../../app/territory.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { messageOf, Notice, NO_NOTICE, notice, type NoticeState } from '../../ui/fields.js';
import { Restricted } from '../../ui/Restricted.js';
import { Status } from '../../ui/Status.js';
import { deleteInteraction, useInteractions, type Interaction } from './api.js';
import { InteractionForm } from './components/InteractionForm.js';

const PAGE = 50;

/** A day, `YYYY-MM-DD`, as people write it: « 12 mars 2026 » (no time zone can shift it). */
export function day(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(language.value === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
}

function count(n: number, weakOnly: boolean): string {
  const key = weakOnly ? 'relationships.countWeak' : 'relationships.count';
  return n === 1 ? t(`${key}.one`) : t(key, { n: number(n, 0) });
}

function Entry({ e, base, onEdit, onDelete }: { e: Interaction; base: string; onEdit: () => void; onDelete: () => void }) {
  const of = t('relationships.of', { date: day(e.occurredOn), actor: e.actorName });
  const title = `interaction-${e.id}`;
  return (
    <li>
      <article class={`rel-entry${e.weakSignal ? ' rel-entry-weak' : ''}`} aria-labelledby={title}>
        <h3 id={title}>
          {t(`relationships.kind.${e.kind}`)} — <a href={`${base}/acteurs/${encodeURIComponent(e.actorId)}`}>{e.actorName}</a>
        </h3>
        <p class="rel-date">
          <time dateTime={e.occurredOn}>{day(e.occurredOn)}</time>
        </p>
        {e.weakSignal && (
          <p class="rel-weak">
            <strong class="rel-weak-tag">{t('relationships.weakSignal')}</strong> {e.weakSignalText}
          </p>
        )}
        <dl class="rel-facts">
          {e.participants && (
            <div>
              <dt>{t('relationships.participants')}</dt>
              <dd>{e.participants}</dd>
            </div>
          )}
          {e.topics && (
            <div>
              <dt>{t('relationships.topics')}</dt>
              <dd>{e.topics}</dd>
            </div>
          )}
          {e.serviceOffered && (
            <div>
              <dt>{t('relationships.serviceOffered')}</dt>
              <dd>{e.serviceOffered}</dd>
            </div>
          )}
          {e.followUpOn && (
            <div>
              <dt>{t('relationships.followUpOn')}</dt>
              <dd>
                <time dateTime={e.followUpOn}>{day(e.followUpOn)}</time>
              </dd>
            </div>
          )}
        </dl>
        <p class="small muted">{e.createdBy ? t('relationships.by', { name: e.createdBy.displayName }) : t('relationships.byUnknown')}</p>
        <div class="rel-actions">
          <button type="button" class="secondary access-small" onClick={onEdit}>
            {t('relationships.edit')}
            <span class="visually-hidden"> {of}</span>
          </button>
          <button type="button" class="secondary access-small access-danger" onClick={onDelete}>
            {t('relationships.delete')}
            <span class="visually-hidden"> {of}</span>
          </button>
        </div>
      </article>
    </li>
  );
}

export function Relationships({ code }: { code: string }) {
  const territory = useTerritory(code);
  // The permission the server checks (the table of roles and permissions).
  const allowed = holds(standingIn(me.value, code), 'relationships:use');
  return (
    <Layout territory={territory.data} title={t('relationships.title')}>
      {allowed ? <Log code={code} /> : <Restricted code={code} />}
    </Layout>
  );
}

function Log({ code }: { code: string }) {
  const [weakOnly, setWeakOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const log = useInteractions(code, { weakSignal: weakOnly, limit });
  /** null: no form; 'new': a new exchange; else the exchange being changed. */
  const [form, setForm] = useState<'new' | Interaction | null>(null);
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const addButton = useRef<HTMLButtonElement>(null);
  const base = territoryBase(code);

  async function remove() {
    if (!deleting) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await deleteInteraction(code, deleting.id);
      if (form !== 'new' && form?.id === deleting.id) setForm(null);
      setDeleting(null);
      setMessage((m) => notice(m, 'ok', t('relationships.deleted')));
    } catch (err) {
      setFailure(t('common.error', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="lead">{t('relationships.intro')}</p>
      <Notice {...message} />
      {form === null ? (
        <p>
          <button type="button" ref={addButton} onClick={() => setForm('new')}>
            {t('relationships.add')}
          </button>
        </p>
      ) : (
        <InteractionForm
          key={form === 'new' ? 'new' : form.id}
          code={code}
          editing={form === 'new' ? null : form}
          onSaved={() => {
            setForm(null);
            setMessage((m) => notice(m, 'ok', t('relationships.saved')));
          }}
          onCancel={() => {
            setForm(null);
            setTimeout(() => addButton.current?.focus());
          }}
        />
      )}
      <section aria-labelledby="rel-list-title" class="rel-list-section">
        <h2 id="rel-list-title">{t('relationships.list')}</h2>
        <div class="rel-check">
          <input
            id="rel-filter-weak"
            type="checkbox"
            checked={weakOnly}
            onChange={(e) => {
              setWeakOnly(e.currentTarget.checked);
              setLimit(PAGE);
            }}
          />
          <label for="rel-filter-weak">{t('relationships.filter.weakSignal')}</label>
        </div>
        <Status state={log}>
          {({ items, total }) =>
            total === 0 ? (
              <p class="alert alert-info rel-empty">{weakOnly ? t('relationships.emptyWeak') : t('relationships.empty')}</p>
            ) : (
              <>
                <p class="muted" role="status">
                  {count(total, weakOnly)}
                  {total > items.length && ` — ${t('relationships.shown', { shown: number(items.length, 0), total: number(total, 0) })}`}
                </p>
                <ol class="rel-list">
                  {items.map((e) => (
                    <Entry
                      key={e.id}
                      e={e}
                      base={base}
                      onEdit={() => setForm(e)}
                      onDelete={() => {
                        setFailure(undefined);
                        setDeleting(e);
                      }}
                    />
                  ))}
                </ol>
                {total > items.length && (
                  <p>
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => setLimit((n) => Math.min(n + PAGE, 500))}
                      disabled={limit >= 500}
                    >
                      {t('relationships.more')}
                    </button>
                  </p>
                )}
              </>
            )
          }
        </Status>
      </section>
      {deleting && (
        <ConfirmDialog
          id="interaction-delete"
          title={t('relationships.deleteTitle')}
          confirmLabel={t('relationships.deleteYes')}
          busy={busy}
          error={failure}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('relationships.deleteText', { date: day(deleting.occurredOn), actor: deleting.actorName })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
