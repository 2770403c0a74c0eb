import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { language, pick, t } from '../../../app/i18n/index.js';
import type { Names } from './data.js';
import {
  co2Of,
  actorName,
  DEFAULT_FILTERS,
  fold,
  maxKm,
  mutualisationText,
  PAGE_SIZE,
  saveFilters,
  savedFilters,
  synergyText,
  type Filters,
} from './filters.js';
import { followUpOf, STATUSES, statusLabel, StatusTag, type FollowUpIndex } from '../../followup/index.js';
import { familyLabel, readableQuantity, synergyHref } from '../../../ui/synergy-format.js';
import { dateTime, figure, number } from '../../../ui/format.js';
import { DataTable } from '../../../ui/DataTable.js';
import { mutualisationSource, resourceLabel, ruleLabel } from './reference.js';
import { CHECK_NAMES, type CheckName, type Mutualisation, type StoredAnalysis, type Synergy } from './types.js';

/** "—" for a figure not estimated, read out as words. */
export function NotEstimated({ text }: { text?: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{text ?? t('synergies.notEstimated')}</span>
    </>
  );
}

/** The arrow between supplier and receiver, read out as a word. */
export function To() {
  return (
    <>
      <span aria-hidden="true"> → </span>
      <span class="visually-hidden"> {t('synergies.to')} </span>
    </>
  );
}

function Meta({ analysis }: { analysis: StoredAnalysis }) {
  const s = analysis.summary;
  return (
    <>
      <p class="muted">
        {t('synergies.latest.meta', {
          date: dateTime(analysis.createdAt),
          seconds: number(analysis.seconds, 1),
          objective: t(`synergies.objective.${analysis.objective}`),
          k: analysis.k,
          engine: analysis.engineVersion,
          rules: analysis.rulesVersion,
          factors: analysis.impactFactorsVersion,
        })}
      </p>
      <dl class="figures">
        <div class="figure">
          <dt>{t('synergies.figures.proposed')}</dt>
          <dd>{number(s.proposed, 0)}</dd>
        </div>
        <div class="figure">
          <dt>{t('synergies.figures.mutualisations')}</dt>
          <dd>{number(s.mutualisations, 0)}</dd>
        </div>
        <div class="figure">
          <dt>{t('synergies.figures.allocated')}</dt>
          <dd>{number(s.allocatedTonnes, 0)}</dd>
        </div>
        <div class="figure">
          <dt>{t('synergies.figures.co2')}</dt>
          <dd>{number(s.co2eAvoidedTonnes, 0)}</dd>
        </div>
        <div class="figure">
          <dt>{t('synergies.figures.diverted')}</dt>
          <dd>{number(s.divertedTonnes, 0)}</dd>
        </div>
      </dl>
    </>
  );
}

function FilterForm({ filters, set, families }: { filters: Filters; set: (f: Partial<Filters>) => void; families: string[] }) {
  const kmInvalid = filters.maxKm.trim() !== '' && maxKm(filters) === null;
  return (
    <form class="synergy-filters" onSubmit={(e) => e.preventDefault()} aria-labelledby="filtres" role="search">
      <h3 id="filtres">{t('synergies.filters.title')}</h3>
      <div class="filter-grid">
        <div>
          <label for="f-type">{t('synergies.filters.type')}</label>
          <select id="f-type" value={filters.type} onChange={(e) => set({ type: e.currentTarget.value as Filters['type'] })}>
            <option value="all">{t('synergies.filters.type.all')}</option>
            <option value="substitution">{t('synergies.filters.type.substitution')}</option>
            <option value="mutualisation">{t('synergies.filters.type.mutualisation')}</option>
          </select>
        </div>
        <div>
          <label for="f-family">{t('synergies.filters.family')}</label>
          <select id="f-family" value={filters.family} onChange={(e) => set({ family: e.currentTarget.value })}>
            <option value="">{t('synergies.filters.family.all')}</option>
            {families.map((f) => (
              <option key={f} value={f}>
                {familyLabel(f)}
              </option>
            ))}
          </select>
        </div>
        <div class="filter-wide">
          <label for="f-q">{t('synergies.filters.q')}</label>
          <input id="f-q" type="search" value={filters.q} aria-describedby="f-q-hint" onInput={(e) => set({ q: e.currentTarget.value })} />
          <p class="small muted hint" id="f-q-hint">
            {t('synergies.filters.qHint')}
          </p>
        </div>
        <div>
          <label for="f-km">{t('synergies.filters.maxKm')}</label>
          <input
            id="f-km"
            type="text"
            inputMode="decimal"
            size={6}
            value={filters.maxKm}
            aria-invalid={kmInvalid || undefined}
            aria-describedby={kmInvalid ? 'f-km-error' : undefined}
            onInput={(e) => set({ maxKm: e.currentTarget.value })}
          />
          {kmInvalid && (
            <p class="field-error" id="f-km-error">
              {t('synergies.filters.maxKmInvalid')}
            </p>
          )}
        </div>
        <div>
          <label for="f-status">{t('synergies.filters.status')}</label>
          <select
            id="f-status"
            value={filters.status}
            aria-describedby="f-status-hint"
            onChange={(e) => set({ status: e.currentTarget.value as Filters['status'] })}
          >
            <option value="all">{t('synergies.filters.status.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
          <p class="small muted hint" id="f-status-hint">
            {t('synergies.filters.statusHint')}
          </p>
        </div>
        <div>
          <label for="f-sort">{t('synergies.filters.sort')}</label>
          <select id="f-sort" value={filters.sort} onChange={(e) => set({ sort: e.currentTarget.value as Filters['sort'] })}>
            <option value="score">{t('synergies.filters.sort.score')}</option>
            <option value="co2">{t('synergies.filters.sort.co2')}</option>
          </select>
        </div>
      </div>
      <div class="checkbox">
        <input
          id="f-allocated"
          type="checkbox"
          checked={filters.allocatedOnly}
          onChange={(e) => set({ allocatedOnly: e.currentTarget.checked })}
        />
        <label for="f-allocated">{t('synergies.filters.allocated')}</label>
      </div>
      <p>
        <button type="button" class="secondary" onClick={() => set(DEFAULT_FILTERS)}>
          {t('synergies.filters.reset')}
        </button>
      </p>
    </form>
  );
}

function SubstitutionTable({
  rows,
  rank,
  names,
  base,
  sort,
  shown,
  more,
  followUp,
}: {
  rows: Synergy[];
  rank: Map<string, number>;
  names: Names | undefined;
  base: string;
  sort: Filters['sort'];
  shown: number;
  more: () => void;
  followUp: FollowUpIndex | undefined;
}) {
  const visible = rows.slice(0, shown);
  const left = Math.min(PAGE_SIZE, rows.length - visible.length);
  if (rows.length === 0) return <p>{t('synergies.empty')}</p>;
  const status = (s: Synergy) => followUpOf(followUp, s);
  return (
    <>
      <DataTable
        caption={t('synergies.table.caption', { sort: t(sort === 'co2' ? 'synergies.table.sortCo2' : 'synergies.table.sortScore') })}
        captionId="synergies-caption"
        class="synergy-table"
        wrap="table-scroll"
        region
        rows={visible}
        rowKey={(s) => s.id}
        columns={[
          { header: t('synergies.col.rank'), numeric: true, cell: (s) => number(rank.get(s.id), 0) },
          { header: t('synergies.col.score'), numeric: true, cell: (s) => number(s.score.value, 1) },
          {
            header: t('synergies.col.exchange'),
            rowHeader: true,
            class: 'exchange',
            cell: (s) => {
              const output = names?.flows.get(s.outputFlowId);
              const input = names?.flows.get(s.inputFlowId);
              return (
                <>
                  <a href={synergyHref(base, s.id)}>
                    {actorName(names, s.supplierActorId)}
                    <To />
                    {actorName(names, s.receiverActorId)}
                  </a>
                  {(output || input) && (
                    <span class="flows small muted">
                      {output?.label ?? '?'}
                      <To />
                      {input?.label ?? '?'}
                    </span>
                  )}
                  {s.sameActor && <span class="tag">{t('synergies.sameActor')}</span>}
                </>
              );
            },
          },
          {
            header: t('synergies.col.rule'),
            cell: (s) => (
              <>
                {ruleLabel(s.ruleId)}
                <span class="small muted block">{familyLabel(s.family)}</span>
              </>
            ),
          },
          { header: t('synergies.col.distance'), numeric: true, cell: (s) => figure(s.distanceKm) },
          {
            header: t('synergies.col.allocated'),
            numeric: true,
            cell: (s) =>
              s.allocation.quantity === null ? (
                <NotEstimated text={t('synergies.notAllocated')} />
              ) : (
                readableQuantity(s.allocation.quantity, s.allocation.unit)
              ),
          },
          {
            header: t('synergies.col.co2'),
            numeric: true,
            cell: (s) => {
              const co2 = co2Of(s);
              return co2 === null ? <NotEstimated /> : figure(co2);
            },
          },
          {
            header: t('synergies.col.status'),
            cell: (s) => (
              <>
                <StatusTag status={status(s).status} />
                {status(s).caseId && (
                  <a class="block small" href={`${base}/suivi/${encodeURIComponent(status(s).caseId ?? '')}`}>
                    {t('synergies.case.open')}
                    <span class="visually-hidden">
                      {' '}
                      {t('synergies.case.openOf', {
                        supplier: actorName(names, s.supplierActorId),
                        receiver: actorName(names, s.receiverActorId),
                      })}
                    </span>
                  </a>
                )}
              </>
            ),
          },
        ]}
      />
      {left > 0 && (
        <p>
          <button type="button" class="secondary" onClick={more}>
            {t('synergies.more', { n: left })}
          </button>
        </p>
      )}
    </>
  );
}

function MutualisationTable({ rows, names }: { rows: Mutualisation[]; names: Names | undefined }) {
  return (
    <DataTable
      caption={t('synergies.mut.caption')}
      captionId="mutualisations-caption"
      class="mutualisation-table"
      wrap="table-scroll"
      region
      rows={rows}
      rowKey={(m) => m.id}
      empty={t('synergies.mut.none')}
      columns={[
        {
          header: t('synergies.mut.col.category'),
          rowHeader: true,
          cell: (m) => (
            <>
              {t(`synergies.mut.category.${m.category}`)}
              <span class="small muted block">{t(`synergies.mut.kind.${m.kind}`)}</span>
            </>
          ),
        },
        {
          header: t('synergies.mut.col.resource'),
          cell: (m) => (
            <>
              {m.resourceCode ? resourceLabel(m.resourceCode) : <span class="muted">{t('synergies.mut.anyResource')}</span>}
              {m.hazardous && <span class="tag">{t('synergies.mut.hazardous')}</span>}
            </>
          ),
        },
        {
          header: t('synergies.mut.col.members'),
          cell: (m) => (
            <details>
              <summary>{t('synergies.mut.members', { count: number(m.members.length, 0), km: number(m.radiusKm, 1) })}</summary>
              <ul class="members">
                {m.members.map((member) => (
                  <li key={member.actorId}>{actorName(names, member.actorId)}</li>
                ))}
              </ul>
              <p class="small">{pick(m.explanation)}</p>
            </details>
          ),
        },
        {
          header: t('synergies.mut.col.quantity'),
          numeric: true,
          cell: (m) => (m.totalQuantity ? readableQuantity(m.totalQuantity.value, m.totalQuantity.unit) : <NotEstimated />),
        },
        {
          header: t('synergies.mut.col.saving'),
          numeric: true,
          cell: (m) => (
            <>
              {m.saving.value === null ? (
                <NotEstimated text={t('synergies.mut.notEstimated')} />
              ) : (
                readableQuantity(m.saving.value, m.saving.unit)
              )}
              {m.saving.value !== null && <span class="tag estimate">{t('synergies.estimate')}</span>}
            </>
          ),
        },
        {
          header: t('synergies.mut.col.method'),
          class: 'small',
          cell: (m) => (
            <>
              {pick(m.saving.method)}
              {m.saving.parameters.length > 0 && (
                <details>
                  <summary>{t('synergies.mut.parameters')}</summary>
                  <ul class="factors">
                    {m.saving.parameters.map((p) => {
                      const source = p.source ? mutualisationSource(p.source) : undefined;
                      return (
                        <li key={p.name}>
                          <code>{p.name}</code> : {figure(p.value)}
                          {source && (
                            <>
                              {' — '}
                              <a href={source.url}>{source.title}</a>
                            </>
                          )}
                          {p.estimate && <span class="tag estimate">{t('synergies.estimate')}</span>}
                        </li>
                      );
                    })}
                  </ul>
                </details>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

function Rejected({ analysis }: { analysis: StoredAnalysis }) {
  const counts = useMemo(() => {
    const order: readonly string[] = CHECK_NAMES;
    const byReason = new Map<CheckName, number>();
    for (const candidate of analysis.result.rejected)
      for (const reason of candidate.reasons) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    return [...byReason].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
  }, [analysis.id]);
  const total = analysis.result.rejected.length;
  return (
    <section aria-labelledby="ecartees">
      <h3 id="ecartees">{t('synergies.rejected.title')}</h3>
      {total === 0 ? (
        <p>{t('synergies.rejected.none')}</p>
      ) : (
        <details class="rejected">
          <summary>{t('synergies.rejected.summary', { count: number(total, 0) })}</summary>
          <p>{t('synergies.rejected.intro')}</p>
          <table class="rejected-table">
            <caption>{t('synergies.rejected.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('synergies.rejected.col.reason')}</th>
                <th scope="col" class="number">
                  {t('synergies.rejected.col.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map(([reason, count]) => (
                <tr key={reason}>
                  <th scope="row">{t(`synergies.check.${reason}`)}</th>
                  <td class="number">{number(count, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

/** The latest analysis: its figures, the filters, the synergies, the mutualisations, the rejected. */
export function AnalysisView({
  code,
  analysis,
  names,
  base,
  followUp,
}: {
  code: string;
  analysis: StoredAnalysis;
  names: Names | undefined;
  base: string;
  followUp?: FollowUpIndex | undefined;
}) {
  const [filters, setFilters] = useState<Filters>(() => savedFilters(code));
  const [shown, setShown] = useState(PAGE_SIZE);
  const focusRow = useRef<number | null>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const set = (change: Partial<Filters>) => {
    const next = { ...filters, ...change };
    setFilters(next);
    saveFilters(code, next);
    setShown(PAGE_SIZE);
  };
  const { synergies, mutualisations } = analysis.result;
  const rank = useMemo(() => new Map(synergies.map((s, i) => [s.id, i + 1])), [analysis.id]);
  const families = useMemo(
    () => [...new Set(synergies.map((s) => s.family))].sort((a, b) => familyLabel(a).localeCompare(familyLabel(b), language.value)),
    [analysis.id, language.value],
  );
  const texts = useMemo(() => new Map(synergies.map((s) => [s.id, synergyText(s, names)])), [analysis.id, names, language.value]);
  const mutTexts = useMemo(
    () => new Map(mutualisations.map((m) => [m.id, mutualisationText(m, names)])),
    [analysis.id, names, language.value],
  );

  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  const limit = maxKm(filters);
  const rows = useMemo(() => {
    const kept = synergies.filter((s) => {
      if (filters.family && s.family !== filters.family) return false;
      if (limit !== null && s.distanceKm > limit) return false;
      if (filters.allocatedOnly && !(s.allocation.quantity !== null && s.allocation.quantity > 0)) return false;
      if (filters.status !== 'all' && followUpOf(followUp, s).status !== filters.status) return false;
      const text = texts.get(s.id) ?? '';
      return words.every((w) => text.includes(w));
    });
    if (filters.sort === 'co2') {
      kept.sort((a, b) => {
        const ca = co2Of(a);
        const cb = co2Of(b);
        if (ca === null || cb === null) return ca === cb ? 0 : ca === null ? 1 : -1;
        return cb - ca;
      });
    }
    return kept;
  }, [analysis.id, filters, texts, followUp]);
  const mutRows = mutualisations.filter((m) => words.every((w) => (mutTexts.get(m.id) ?? '').includes(w)));

  useEffect(() => {
    if (focusRow.current === null) return;
    tableArea.current?.querySelectorAll<HTMLAnchorElement>('tbody tr th a')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [shown]);

  const showSubstitutions = filters.type !== 'mutualisation';
  const showMutualisations = filters.type !== 'substitution';
  return (
    <>
      <Meta analysis={analysis} />
      <FilterForm filters={filters} set={set} families={families} />
      <p role="status" aria-live="polite" class="filter-count">
        {showSubstitutions &&
          t('synergies.filters.count', {
            matching: number(rows.length, 0),
            total: number(synergies.length, 0),
            shown: number(Math.min(shown, rows.length), 0),
          })}
        {showSubstitutions && showMutualisations && ' '}
        {showMutualisations &&
          t('synergies.filters.countMut', { matching: number(mutRows.length, 0), total: number(mutualisations.length, 0) })}
      </p>
      {showSubstitutions && (
        <section aria-labelledby="substitutions">
          <h3 id="substitutions">{t('synergies.table.title')}</h3>
          <div ref={tableArea}>
            <SubstitutionTable
              rows={rows}
              rank={rank}
              names={names}
              base={base}
              sort={filters.sort}
              shown={shown}
              more={() => {
                focusRow.current = shown;
                setShown(shown + PAGE_SIZE);
              }}
              followUp={followUp}
            />
          </div>
        </section>
      )}
      {showMutualisations && (
        <section aria-labelledby="mutualisations">
          <h3 id="mutualisations">{t('synergies.mut.title')}</h3>
          <p>{t('synergies.mut.intro')}</p>
          <MutualisationTable rows={mutRows} names={names} />
        </section>
      )}
      <Rejected analysis={analysis} />
    </>
  );
}
