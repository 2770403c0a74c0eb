import './actors.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Page } from '../../api/client.js';
import { ActorForm } from './components/ActorForm.js';
import { kindLabel, formatSiret, yesNo } from './components/labels.js';
import { ACTOR_KINDS, type Actor, type ActorKind } from './components/types.js';
import { Layout } from '../../app/Layout.js';
import { DataTable } from '../../ui/DataTable.js';
import { Status } from '../../ui/Status.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { MISSING, number } from '../../ui/format.js';
import { territoryBase, useTerritory } from '../../app/territory.js';
import { Restricted } from '../../ui/Restricted.js';
import { useOffer } from '../../app/session.js';

const PAGE_SIZE = 20;
/** The API's filter on the start of the NAF code: `10`, `10.7`, `10.71C`. */
const NAF_START = /^[0-9A-Z.]{1,6}$/;

interface Filters {
  q: string;
  kind: ActorKind | '';
  naf: string;
  ess: '' | 'true' | 'false';
}

function filtersOf(query: Record<string, string>): Filters {
  const kind = ACTOR_KINDS.find((k) => k === query.kind) ?? '';
  const ess = query.ess === 'true' || query.ess === 'false' ? query.ess : '';
  return { q: query.q ?? '', kind, naf: query.naf ?? '', ess };
}

function searchOf(f: Filters, offset: number): string {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.kind) p.set('kind', f.kind);
  if (f.naf.trim()) p.set('naf', f.naf.trim().toUpperCase());
  if (f.ess) p.set('ess', f.ess);
  if (offset > 0) p.set('offset', String(offset));
  return p.toString();
}

/** The territory's actors: search, filters, pages of 20, and a form to add one. */
export function Actors({ code }: { code: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  const base = territoryBase(code);
  const { path, query, route } = useLocation();
  const applied = filtersOf(query);
  const offset = Math.max(0, Math.floor(Number(query.offset ?? 0)) || 0);
  const [draft, setDraft] = useState<Filters>(applied);
  const [nafError, setNafError] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Actor | undefined>(undefined);
  const newButton = useRef<HTMLButtonElement>(null);
  const createdRef = useRef<HTMLParagraphElement>(null);
  const search = searchOf(applied, 0);
  const apiQuery = new URLSearchParams(search);
  apiQuery.set('limit', String(PAGE_SIZE));
  apiQuery.set('offset', String(offset));
  // Readers see no actor's records: nothing is asked for them.
  const list = useApi<Page<Actor>>(offer.seesActors ? `/api/territories/${encodeURIComponent(code)}/actors?${apiQuery.toString()}` : null);

  // Back and forward in history change the query: the form follows.
  useEffect(() => setDraft(filtersOf(query)), [search]);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  function go(f: Filters, newOffset: number) {
    const s = searchOf(f, newOffset);
    route(s ? `${path}?${s}` : path);
  }

  function onSearch(e: Event) {
    e.preventDefault();
    const naf = draft.naf.trim().toUpperCase();
    if (naf && !NAF_START.test(naf)) {
      setNafError(true);
      document.getElementById('actors-filter-naf')?.focus();
      return;
    }
    setNafError(false);
    go(draft, 0);
  }

  const page = list.data;
  const from = page && page.total > 0 ? page.offset + 1 : 0;
  const to = page ? page.offset + page.items.length : 0;
  const range = page
    ? page.total === 0
      ? t('actors.list.none')
      : t('actors.list.range', { from: number(from, 0), to: number(to, 0), total: number(page.total, 0) })
    : '';
  const hasPrev = offset > 0;
  const hasNext = page ? page.offset + page.items.length < page.total : false;

  if (!offer.seesActors) {
    return (
      <Layout territory={territory.data} title={t('nav.actors')}>
        <Restricted code={code} />
      </Layout>
    );
  }
  return (
    <Layout territory={territory.data} title={t('nav.actors')}>
      <Status state={territory}>
        {() => (
          <>
            <p>{offer.facilitate ? t('actors.list.intro') : t('actors.list.introContributor')}</p>
            {offer.facilitate && (
              <div class="actors-toolbar">
                <button
                  type="button"
                  ref={newButton}
                  aria-expanded={creating ? 'true' : 'false'}
                  aria-controls="actors-new"
                  onClick={() => {
                    setCreated(undefined);
                    setCreating((c) => !c);
                  }}
                >
                  {t('actors.list.new')}
                </button>
              </div>
            )}
            {created && (
              <p class="alert alert-ok actors-saved" role="status" tabIndex={-1} ref={createdRef}>
                {t('actors.list.created', { name: created.name })}{' '}
                <a href={`${base}/acteurs/${created.id}`}>{t('actors.list.openCreated')}</a>
              </p>
            )}
            <section id="actors-new" aria-labelledby="actors-new-title" hidden={!creating} class="panel">
              {creating && (
                <>
                  <h2 id="actors-new-title">{t('actors.list.new')}</h2>
                  <ActorForm
                    territoryCode={code}
                    formId="actors-new-form"
                    onSaved={(actor) => {
                      setCreating(false);
                      setCreated(actor);
                    }}
                    onCancel={() => {
                      setCreating(false);
                      newButton.current?.focus();
                    }}
                  />
                </>
              )}
            </section>

            <form role="search" class="actors-filters" onSubmit={onSearch} noValidate aria-labelledby="actors-search-title">
              <h2 id="actors-search-title">{t('actors.list.searchTitle')}</h2>
              <div class="actors-filters-grid">
                <div>
                  <label for="actors-filter-q">{t('actors.list.q')}</label>
                  <p id="actors-filter-q-hint" class="actors-hint">
                    {t('actors.list.qHint')}
                  </p>
                  <input
                    id="actors-filter-q"
                    type="search"
                    aria-describedby="actors-filter-q-hint"
                    value={draft.q}
                    onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
                  />
                </div>
                <div>
                  <label for="actors-filter-kind">{t('actors.field.kind')}</label>
                  <select
                    id="actors-filter-kind"
                    value={draft.kind}
                    onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as ActorKind | '' })}
                  >
                    <option value="">{t('actors.list.all')}</option>
                    {ACTOR_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {kindLabel(k)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label for="actors-filter-naf">{t('actors.list.naf')}</label>
                  <p id="actors-filter-naf-hint" class="actors-hint">
                    {t('actors.list.nafHint')}
                  </p>
                  {nafError && (
                    <p id="actors-filter-naf-error" class="field-error">
                      <span aria-hidden="true">⚠ </span>
                      {t('actors.list.nafError')}
                    </p>
                  )}
                  <input
                    id="actors-filter-naf"
                    type="text"
                    size={8}
                    aria-describedby={nafError ? 'actors-filter-naf-hint actors-filter-naf-error' : 'actors-filter-naf-hint'}
                    aria-invalid={nafError ? 'true' : undefined}
                    value={draft.naf}
                    onInput={(e) => setDraft({ ...draft, naf: e.currentTarget.value })}
                  />
                </div>
                <div>
                  <label for="actors-filter-ess">{t('actors.field.ess')}</label>
                  <select
                    id="actors-filter-ess"
                    value={draft.ess}
                    onChange={(e) => setDraft({ ...draft, ess: e.currentTarget.value as Filters['ess'] })}
                  >
                    <option value="">{t('actors.list.all')}</option>
                    <option value="true">{t('actors.yes')}</option>
                    <option value="false">{t('actors.no')}</option>
                  </select>
                </div>
              </div>
              <div class="actors-actions">
                <button type="submit">{t('actors.list.search')}</button>
                {(applied.q || applied.kind || applied.naf || applied.ess) && (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => {
                      const none: Filters = { q: '', kind: '', naf: '', ess: '' };
                      setDraft(none);
                      setNafError(false);
                      go(none, 0);
                    }}
                  >
                    {t('actors.list.reset')}
                  </button>
                )}
              </div>
            </form>

            <section aria-labelledby="actors-results-title">
              <h2 id="actors-results-title">{t('actors.list.results')}</h2>
              <p role="status" aria-live="polite" class="actors-range">
                {list.loading ? t('common.loading') : range}
              </p>
              <Status state={list}>
                {(p) =>
                  p.items.length === 0 ? null : (
                    <>
                      <DataTable
                        caption={t('actors.list.caption', { range })}
                        class="actors-table"
                        wrap="actors-table-wrap"
                        rows={p.items}
                        rowKey={(a) => a.id}
                        columns={[
                          {
                            header: t('actors.field.name'),
                            rowHeader: true,
                            cell: (a) => <a href={`${base}/acteurs/${a.id}`}>{a.name}</a>,
                          },
                          {
                            header: t('actors.field.siret'),
                            class: 'actors-nowrap',
                            cell: (a) => (a.siret ? formatSiret(a.siret) : MISSING),
                          },
                          { header: t('actors.field.kind'), cell: (a) => kindLabel(a.kind) },
                          { header: t('actors.field.nafShort'), class: 'actors-nowrap', cell: (a) => a.nafCode ?? MISSING },
                          { header: t('actors.field.essShort'), cell: (a) => yesNo(a.ess) },
                        ]}
                      />
                      <nav class="actors-pager" aria-label={t('actors.list.pager')}>
                        <button
                          type="button"
                          class="secondary"
                          aria-disabled={hasPrev ? undefined : 'true'}
                          onClick={() => hasPrev && go(applied, Math.max(0, offset - PAGE_SIZE))}
                        >
                          {t('actors.list.prev')}
                        </button>
                        <span aria-hidden="true">{range}</span>
                        <button
                          type="button"
                          class="secondary"
                          aria-disabled={hasNext ? undefined : 'true'}
                          onClick={() => hasNext && go(applied, offset + PAGE_SIZE)}
                        >
                          {t('actors.list.next')}
                        </button>
                      </nav>
                    </>
                  )
                }
              </Status>
            </section>
          </>
        )}
      </Status>
    </Layout>
  );
}
