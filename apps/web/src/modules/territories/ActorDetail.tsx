import './actors.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useQueries } from '@tanstack/preact-query';
import { api, ApiError, type Page } from '../../api/client.js';
import { ActorForm } from './components/ActorForm.js';
import { FlowForm } from './components/FlowForm.js';
import { NeedForm } from './components/NeedForm.js';
import { SiteForm } from './components/SiteForm.js';
import { categoryLabel, directionLabel, fateLabel, formatSiret, kindLabel, monthShort, yesNo } from './components/labels.js';
import { formatWasteCode } from './components/pickers.js';
import { resourceLabel, useCommuneNames, useHeadcountBands, useNafLabel, useResources, useUnits, type UnitsTable } from './components/reference.js';
import { deleteRecord } from './components/records.js';
import type { Actor, Flow, Need, Quantity, Site, SynergySummary } from './components/types.js';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { apiKey, useApi, type Loaded } from '../../api/query.js';
import { pick, t } from '../../app/i18n/index.js';
import { dateTime, MISSING, number, quantity } from '../../ui/format.js';
import { territoryBase, useLatestAnalysis, useTerritory, type RecordCollection } from '../../app/territory.js';
import { SynergyItems } from '../followup/components/SynergyItems.js';
import type { SynergyItem } from '../followup/components/types.js';
import { useOffer } from '../../app/session.js';

interface LatestAnalysis {
  id: string;
  createdAt: string;
  result: { synergies: SynergySummary[] };
}

/** Synergies listed before "show all": the best scores come first. */
const SYNERGIES_SHOWN = 10;

type Editing<T> = { kind: 'new' } | { kind: 'edit'; item: T } | null;

function quantityText(q: Quantity | null, units: UnitsTable | undefined): string {
  if (!q) return MISSING;
  const period = units?.periods.find((p) => p.code === q.period);
  return `${quantity(q.value, q.unit, 3)} ${period ? pick({ fr: period.labelFr, en: period.labelEn }) : q.period}`;
}

function fateText(f: Flow): string {
  if (f.direction === 'output') {
    if (!f.currentFate) return '—';
    const parts = [fateLabel(f.currentFate.mode)];
    if (f.currentFate.operationCode) parts[0] += ` (${f.currentFate.operationCode})`;
    if (f.currentFate.local !== undefined) parts.push(f.currentFate.local ? t('actors.flow.insideTerritory') : t('actors.flow.outsideTerritory'));
    if (f.currentFate.partner) parts.push(t('actors.flow.toPartner', { partner: f.currentFate.partner }));
    return parts.join(', ');
  }
  if (!f.currentOrigin) return '—';
  const parts = [f.currentOrigin.recycled ? t('actors.flow.recycledOrigin') : t('actors.flow.virginOrigin'), f.currentOrigin.local ? t('actors.flow.insideTerritory') : t('actors.flow.outsideTerritory')];
  if (f.currentOrigin.partner) parts.push(t('actors.flow.fromPartner', { partner: f.currentOrigin.partner }));
  return parts.join(', ');
}

function monthsText(months: number[] | null): string {
  if (!months) return '';
  if (months.length === 12) return t('actors.flow.allYear');
  return months.map(monthShort).join(', ');
}

/** A message after a save, focused so that keyboard and screen-reader users hear it. */
function useNotice() {
  const [text, setText] = useState<string | undefined>(undefined);
  const [n, setN] = useState(0);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [n]);
  const node = text ? (
    <p class="alert alert-ok actors-saved" role="status" tabIndex={-1} ref={ref}>
      {text}
    </p>
  ) : null;
  return {
    node,
    show(message: string | undefined) {
      setText(message);
      setN((x) => x + 1);
    },
  };
}

/** Opens a form and, when it closes without saving, gives the focus back to what opened it. */
function useEditor<T>() {
  const [editing, setEditing] = useState<Editing<T>>(null);
  const opener = useRef<HTMLElement | null>(null);
  return {
    editing,
    open(e: Editing<T>) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setEditing(e);
    },
    close(restoreFocus: boolean) {
      setEditing(null);
      const o = opener.current;
      if (restoreFocus && o) requestAnimationFrame(() => o.isConnected && o.focus());
    },
  };
}

function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="actors-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
    </section>
  );
}

function SectionStatus<T>({ state, children }: { state: Loaded<Page<T>>; children: (page: Page<T>) => ComponentChildren }) {
  return <Status state={state}>{children}</Status>;
}

/** An actor's page: its record, sites, flows, needs and the synergies of the latest analysis; each editable. */
export function ActorDetail({ code, id }: { code: string; id: string }) {
  const territory = useTerritory(code);
  const base = territoryBase(code);
  const { route } = useLocation();
  const api0 = `/api/territories/${encodeURIComponent(code)}`;
  // Facilitators edit every actor, contributors their own; only facilitators delete an actor or read whole analyses.
  const offer = useOffer(code);
  const editable = offer.editsActor(id);
  const actor = useApi<Actor>(`${api0}/actors/${encodeURIComponent(id)}`);
  const sites = useApi<Page<Site>>(`${api0}/sites?actorId=${encodeURIComponent(id)}&limit=500`);
  const flows = useApi<Page<Flow>>(`${api0}/flows?actorId=${encodeURIComponent(id)}&limit=500`);
  const needs = useApi<Page<Need>>(`${api0}/needs?actorId=${encodeURIComponent(id)}&limit=500`);
  const latest = useLatestAnalysis<LatestAnalysis>(code, { enabled: offer.facilitate });
  const units = useUnits();
  const resources = useResources();
  const bands = useHeadcountBands();
  const communes = territory.data?.communes ?? [];
  const communeNames = useCommuneNames(communes.length > 0 && communes.length <= 1000 ? communes : null);
  const nafCode = actor.data?.nafCode ?? null;
  const nafLabel = useNafLabel(nafCode);

  const actorEditor = useEditor<Actor>();
  const siteEditor = useEditor<Site>();
  const flowEditor = useEditor<Flow>();
  const needEditor = useEditor<Need>();
  const actorNotice = useNotice();
  const siteNotice = useNotice();
  const flowNotice = useNotice();
  const needNotice = useNotice();
  const [deleteError, setDeleteError] = useState<string | undefined>(undefined);

  const a = actor.data;
  const notFound = actor.error instanceof ApiError && (actor.error.status === 404 || actor.error.status === 400);
  const title = a ? a.name : notFound ? t('actors.detail.notFound') : t('nav.actors');

  async function remove(collection: RecordCollection, recordId: string, alsoGone: RecordCollection[], confirmText: string, after: () => void) {
    if (!window.confirm(confirmText)) return;
    setDeleteError(undefined);
    try {
      await deleteRecord(code, collection, recordId, alsoGone);
      after();
    } catch (e) {
      setDeleteError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Layout territory={territory.data} title={title}>
      <p>
        <a href={`${base}/acteurs`}>{t('actors.detail.back')}</a>
      </p>
      {deleteError && (
        <p class="alert alert-error" role="alert">
          {t('common.error', { message: deleteError })}
        </p>
      )}
      {notFound ? (
        <p class="alert alert-error" role="alert">
          {t('actors.detail.notFoundText')}
        </p>
      ) : (
        <Status state={actor}>
          {(actorData) => (
            <>
              <section aria-labelledby="actor-record-title">
                <h2 id="actor-record-title">{t('actors.detail.record')}</h2>
                {actorNotice.node}
                <dl class="actors-record">
                  <div>
                    <dt>{t('actors.field.siret')}</dt>
                    <dd>{actorData.siret ? formatSiret(actorData.siret) : t('actors.detail.notGiven')}</dd>
                  </div>
                  <div>
                    <dt>{t('actors.field.siren')}</dt>
                    <dd>{actorData.siren ?? t('actors.detail.notGiven')}</dd>
                  </div>
                  <div>
                    <dt>{t('actors.field.naf')}</dt>
                    <dd>
                      {actorData.nafCode ? (
                        <>
                          {actorData.nafCode}
                          {nafLabel && (
                            <>
                              {' — '}
                              <span lang={nafLabel.lang}>{nafLabel.label}</span>
                            </>
                          )}
                        </>
                      ) : (
                        t('actors.detail.notGiven')
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('actors.field.kind')}</dt>
                    <dd>{kindLabel(actorData.kind)}</dd>
                  </div>
                  <div>
                    <dt>{t('actors.field.headcount')}</dt>
                    <dd>
                      {actorData.headcountBand
                        ? (() => {
                            const b = bands?.find((x) => x.code === actorData.headcountBand);
                            return b ? pick({ fr: b.labelFr, en: b.labelEn }) : actorData.headcountBand;
                          })()
                        : t('actors.detail.notGiven')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('actors.field.ess')}</dt>
                    <dd>{yesNo(actorData.ess)}</dd>
                  </div>
                  <div>
                    <dt>{t('actors.field.contact')}</dt>
                    <dd>
                      {actorData.contact.name || actorData.contact.email || actorData.contact.phone ? (
                        <>
                          {actorData.contact.name && <span class="actors-block">{actorData.contact.name}</span>}
                          {actorData.contact.email && (
                            <span class="actors-block">
                              <a href={`mailto:${actorData.contact.email}`}>{actorData.contact.email}</a>
                            </span>
                          )}
                          {actorData.contact.phone && <span class="actors-block">{actorData.contact.phone}</span>}
                        </>
                      ) : (
                        t('actors.detail.notGiven')
                      )}
                    </dd>
                  </div>
                  {actorData.externalId && (
                    <div>
                      <dt>{t('actors.field.externalId')}</dt>
                      <dd>{actorData.externalId}</dd>
                    </div>
                  )}
                </dl>
                {actorEditor.editing ? (
                  <Panel id="actor-edit" title={t('actors.detail.editActor')}>
                    <ActorForm
                      territoryCode={code}
                      actor={actorData}
                      formId="actor-edit-form"
                      onSaved={() => {
                        actorEditor.close(false);
                        actorNotice.show(t('actors.detail.actorSaved'));
                      }}
                      onCancel={() => actorEditor.close(true)}
                    />
                  </Panel>
                ) : (
                  editable && (
                    <div class="actors-actions">
                      <button type="button" onClick={() => actorEditor.open({ kind: 'edit', item: actorData })}>
                        {t('actors.detail.editActor')}
                      </button>
                      {offer.facilitate && (
                        <button
                          type="button"
                          class="secondary actors-danger"
                          onClick={() =>
                            void remove(
                              'actors',
                              actorData.id,
                              ['sites', 'flows', 'needs'],
                              t('actors.detail.deleteActorConfirm', { name: actorData.name, sites: sites.data?.total ?? 0, flows: flows.data?.total ?? 0, needs: needs.data?.total ?? 0 }),
                              () => route(`${base}/acteurs`),
                            )
                          }
                        >
                          {t('actors.detail.deleteActor')}
                        </button>
                      )}
                    </div>
                  )
                )}
              </section>

              <section aria-labelledby="actor-sites-title">
                <h2 id="actor-sites-title">{t('actors.detail.sites', { n: sites.data?.total ?? '…' })}</h2>
                {siteNotice.node}
                <SectionStatus state={sites}>
                  {(p) =>
                    p.items.length === 0 ? (
                      <p>{t('actors.detail.noSites')}</p>
                    ) : (
                      <div class="actors-table-wrap">
                        <table class="actors-table">
                          <caption>{t('actors.detail.sitesCaption', { name: actorData.name })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('actors.site.name')}</th>
                              <th scope="col">{t('actors.site.address')}</th>
                              <th scope="col">{t('actors.site.commune')}</th>
                              <th scope="col">{t('actors.site.location')}</th>
                              <th scope="col">
                                <span class="visually-hidden">{t('actors.detail.actions')}</span>
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {p.items.map((s) => (
                              <tr key={s.id}>
                                <th scope="row">{s.name}</th>
                                <td>{s.address ?? '—'}</td>
                                <td>{communeNames?.get(s.communeCode) ? t('actors.site.communeOption', { name: communeNames.get(s.communeCode) ?? '', code: s.communeCode }) : s.communeCode}</td>
                                <td class="actors-nowrap">{s.location ? `${number(s.location.lat, 5)}, ${number(s.location.lon, 5)}` : t('actors.site.notLocated')}</td>
                                <td>
                                  {editable && (
                                    <button type="button" class="secondary actors-small" onClick={() => siteEditor.open({ kind: 'edit', item: s })}>
                                      {t('actors.detail.edit')}
                                      <span class="visually-hidden"> {s.name}</span>
                                    </button>
                                  )}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )
                  }
                </SectionStatus>
                {siteEditor.editing ? (
                  <Panel id="site-edit" title={siteEditor.editing.kind === 'new' ? t('actors.site.new') : t('actors.site.editTitle', { name: siteEditor.editing.item.name })}>
                    <SiteForm
                      key={siteEditor.editing.kind === 'new' ? 'new' : siteEditor.editing.item.id}
                      territoryCode={code}
                      communes={communes}
                      actorId={actorData.id}
                      site={siteEditor.editing.kind === 'edit' ? siteEditor.editing.item : undefined}
                      formId="site-form"
                      onSaved={(s) => {
                        siteEditor.close(false);
                        siteNotice.show(t('actors.site.saved', { name: s.name }));
                      }}
                      onCancel={() => siteEditor.close(true)}
                      onDelete={
                        siteEditor.editing.kind === 'edit'
                          ? (() => {
                              const s = siteEditor.editing.item;
                              const n = flows.data?.items.filter((f) => f.siteId === s.id).length ?? 0;
                              return () =>
                                void remove('sites', s.id, ['flows'], t('actors.site.deleteConfirm', { name: s.name, flows: n }), () => {
                                  siteEditor.close(false);
                                  siteNotice.show(t('actors.site.deleted', { name: s.name }));
                                });
                            })()
                          : undefined
                      }
                    />
                  </Panel>
                ) : (
                  editable && (
                    <p>
                      <button type="button" onClick={() => siteEditor.open({ kind: 'new' })}>
                        {t('actors.site.new')}
                      </button>
                    </p>
                  )
                )}
              </section>

              <section aria-labelledby="actor-flows-title">
                <h2 id="actor-flows-title">{t('actors.detail.flows', { n: flows.data?.total ?? '…' })}</h2>
                {flowNotice.node}
                <SectionStatus state={flows}>
                  {(p) =>
                    p.items.length === 0 ? (
                      <p>{t('actors.detail.noFlows')}</p>
                    ) : (
                      <div class="actors-table-wrap">
                        <table class="actors-table">
                          <caption>{t('actors.detail.flowsCaption', { name: actorData.name })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('actors.flow.direction')}</th>
                              <th scope="col">{t('actors.flow.resource')}</th>
                              <th scope="col">{t('actors.flow.label')}</th>
                              <th scope="col" class="number">
                                {t('actors.flow.quantity')}
                              </th>
                              <th scope="col">{t('actors.detail.fateOrOrigin')}</th>
                              {(sites.data?.items.length ?? 0) > 1 && <th scope="col">{t('actors.flow.site')}</th>}
                              <th scope="col">
                                <span class="visually-hidden">{t('actors.detail.actions')}</span>
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {p.items.map((f) => (
                              <tr key={f.id}>
                                <td>
                                  <span class={`actors-direction actors-direction-${f.direction}`}>{directionLabel(f.direction)}</span>
                                </td>
                                <td>
                                  {resourceLabel(f.resourceCode, resources)}
                                  {f.wasteCode && <span class="actors-block small muted">{t('actors.flow.wasteCodeShort', { code: formatWasteCode(f.wasteCode, f.hazardous) })}</span>}
                                  {f.hazardous && <span class="actors-block small actors-hazard">{t('actors.flow.hazardousYes')}</span>}
                                </td>
                                <th scope="row">
                                  {f.label}
                                  {f.monthsAvailable && <span class="actors-block small muted">{monthsText(f.monthsAvailable)}</span>}
                                  {f.quality.temperatureC !== undefined && <span class="actors-block small muted">{t('actors.flow.temperatureValue', { t: number(f.quality.temperatureC, 1) })}</span>}
                                </th>
                                <td class="number">{quantityText(f.quantity, units)}</td>
                                <td>{fateText(f)}</td>
                                {(sites.data?.items.length ?? 0) > 1 && <td>{sites.data?.items.find((s) => s.id === f.siteId)?.name ?? '—'}</td>}
                                <td>
                                  {editable && (
                                    <button type="button" class="secondary actors-small" onClick={() => flowEditor.open({ kind: 'edit', item: f })}>
                                      {t('actors.detail.edit')}
                                      <span class="visually-hidden"> {f.label}</span>
                                    </button>
                                  )}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )
                  }
                </SectionStatus>
                {flowEditor.editing ? (
                  <Panel id="flow-edit" title={flowEditor.editing.kind === 'new' ? t('actors.flow.new') : t('actors.flow.editTitle', { label: flowEditor.editing.item.label })}>
                    {(sites.data?.items.length ?? 0) === 0 ? (
                      <>
                        <p class="alert alert-warn">{t('actors.flow.needsSite')}</p>
                        <button type="button" class="secondary" onClick={() => flowEditor.close(true)}>
                          {t('actors.form.cancel')}
                        </button>
                      </>
                    ) : (
                      <FlowForm
                        key={flowEditor.editing.kind === 'new' ? 'new' : flowEditor.editing.item.id}
                        territoryCode={code}
                        sites={sites.data?.items ?? []}
                        flow={flowEditor.editing.kind === 'edit' ? flowEditor.editing.item : undefined}
                        formId="flow-form"
                        onSaved={(f) => {
                          flowEditor.close(false);
                          flowNotice.show(t('actors.flow.saved', { label: f.label }));
                        }}
                        onCancel={() => flowEditor.close(true)}
                        onDelete={
                          flowEditor.editing.kind === 'edit'
                            ? (() => {
                                const f = flowEditor.editing.item;
                                return () =>
                                  void remove('flows', f.id, [], t('actors.flow.deleteConfirm', { label: f.label }), () => {
                                    flowEditor.close(false);
                                    flowNotice.show(t('actors.flow.deleted', { label: f.label }));
                                  });
                              })()
                            : undefined
                        }
                      />
                    )}
                  </Panel>
                ) : (
                  editable && (
                    <p>
                      <button type="button" onClick={() => flowEditor.open({ kind: 'new' })}>
                        {t('actors.flow.new')}
                      </button>
                    </p>
                  )
                )}
              </section>

              <section aria-labelledby="actor-needs-title">
                <h2 id="actor-needs-title">{t('actors.detail.needs', { n: needs.data?.total ?? '…' })}</h2>
                {needNotice.node}
                <SectionStatus state={needs}>
                  {(p) =>
                    p.items.length === 0 ? (
                      <p>{t('actors.detail.noNeeds')}</p>
                    ) : (
                      <div class="actors-table-wrap">
                        <table class="actors-table">
                          <caption>{t('actors.detail.needsCaption', { name: actorData.name })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('actors.need.category')}</th>
                              <th scope="col">{t('actors.need.description')}</th>
                              <th scope="col">{t('actors.flow.resource')}</th>
                              <th scope="col" class="number">
                                {t('actors.flow.quantity')}
                              </th>
                              <th scope="col">
                                <span class="visually-hidden">{t('actors.detail.actions')}</span>
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {p.items.map((n) => (
                              <tr key={n.id}>
                                <td>{categoryLabel(n.category)}</td>
                                <th scope="row">{n.description}</th>
                                <td>{n.resourceCode ? resourceLabel(n.resourceCode, resources) : '—'}</td>
                                <td class="number">{quantityText(n.quantity, units)}</td>
                                <td>
                                  {editable && (
                                    <button type="button" class="secondary actors-small" onClick={() => needEditor.open({ kind: 'edit', item: n })}>
                                      {t('actors.detail.edit')}
                                      <span class="visually-hidden"> {categoryLabel(n.category)}</span>
                                    </button>
                                  )}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )
                  }
                </SectionStatus>
                {needEditor.editing ? (
                  <Panel id="need-edit" title={needEditor.editing.kind === 'new' ? t('actors.need.new') : t('actors.need.editTitle')}>
                    <NeedForm
                      key={needEditor.editing.kind === 'new' ? 'new' : needEditor.editing.item.id}
                      territoryCode={code}
                      actorId={actorData.id}
                      need={needEditor.editing.kind === 'edit' ? needEditor.editing.item : undefined}
                      formId="need-form"
                      onSaved={() => {
                        needEditor.close(false);
                        needNotice.show(t('actors.need.saved'));
                      }}
                      onCancel={() => needEditor.close(true)}
                      onDelete={
                        needEditor.editing.kind === 'edit'
                          ? (() => {
                              const n = needEditor.editing.item;
                              return () =>
                                void remove('needs', n.id, [], t('actors.need.deleteConfirm'), () => {
                                  needEditor.close(false);
                                  needNotice.show(t('actors.need.deleted'));
                                });
                            })()
                          : undefined
                      }
                    />
                  </Panel>
                ) : (
                  editable && (
                    <p>
                      <button type="button" onClick={() => needEditor.open({ kind: 'new' })}>
                        {t('actors.need.new')}
                      </button>
                    </p>
                  )
                )}
              </section>

              {offer.facilitate ? <ActorSynergies code={code} actor={actorData} latest={latest} flows={flows.data?.items ?? []} /> : <ProposedToActor code={code} actor={actorData} />}
            </>
          )}
        </Status>
      )}
    </Layout>
  );
}

function ActorSynergies({ code, actor, latest, flows }: { code: string; actor: Actor; latest: Loaded<LatestAnalysis | null>; flows: readonly Flow[] }) {
  const base = territoryBase(code);
  const mine = (latest.data?.result.synergies ?? []).filter((s) => s.supplierActorId === actor.id || s.receiverActorId === actor.id);
  const others = [...new Set(mine.map((s) => (s.supplierActorId === actor.id ? s.receiverActorId : s.supplierActorId)))].filter((x) => x !== actor.id);
  // The partners' names, each from its actor's record (one that cannot be read stays unnamed).
  const names = useQueries({
    queries: others.map((other) => {
      const path = `/api/territories/${encodeURIComponent(code)}/actors/${encodeURIComponent(other)}`;
      return { queryKey: apiKey(path), queryFn: () => api<Actor>(path) };
    }),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.name] as const] : []))),
  });
  const flowLabel = (id: string) => flows.find((f) => f.id === id)?.label ?? '—';
  const [all, setAll] = useState(false);
  const shown = all ? mine : mine.slice(0, SYNERGIES_SHOWN);
  return (
    <section aria-labelledby="actor-synergies-title">
      <h2 id="actor-synergies-title">{t('actors.syn.title')}</h2>
      <Status state={latest}>
        {(run) =>
          run === null ? (
            <p>
              {t('actors.syn.noAnalysis')} <a href={`${base}/synergies`}>{t('actors.syn.runAnalysis')}</a>
            </p>
          ) : (
            <>
              <p class="muted">{t('actors.syn.fromAnalysis', { date: dateTime(run.createdAt) })}</p>
              {mine.length === 0 ? (
                <p>{t('actors.syn.none')}</p>
              ) : (
                <div class="actors-table-wrap">
                  <table class="actors-table">
                    <caption>{all || mine.length <= SYNERGIES_SHOWN ? t('actors.syn.caption', { name: actor.name, n: mine.length }) : t('actors.syn.captionBest', { name: actor.name, shown: SYNERGIES_SHOWN, n: mine.length })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('actors.syn.role')}</th>
                        <th scope="col">{t('actors.syn.flow')}</th>
                        <th scope="col">{t('actors.syn.partner')}</th>
                        <th scope="col" class="number">
                          {t('actors.syn.distance')}
                        </th>
                        <th scope="col" class="number">
                          {t('actors.syn.allocated')}
                        </th>
                        <th scope="col" class="number">
                          {t('actors.syn.score')}
                        </th>
                        <th scope="col">{t('actors.syn.detail')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((s) => {
                        const supplier = s.supplierActorId === actor.id;
                        const other = supplier ? s.receiverActorId : s.supplierActorId;
                        const partner = s.sameActor ? t('actors.syn.sameActor') : (names.get(other) ?? '…');
                        return (
                          <tr key={s.id}>
                            <td>{s.sameActor ? t('actors.syn.internal') : supplier ? t('actors.syn.supplier') : t('actors.syn.receiver')}</td>
                            <th scope="row">{flowLabel(supplier ? s.outputFlowId : s.inputFlowId)}</th>
                            <td>{partner}</td>
                            <td class="number">{t('actors.syn.km', { km: number(s.distanceKm, 1) })}</td>
                            <td class="number">{s.allocation.quantity === null ? t('actors.syn.notAllocated') : quantity(s.allocation.quantity, s.allocation.unit)}</td>
                            <td class="number">{number(s.score.value, 0)}</td>
                            <td>
                              <a href={`${base}/synergies/${encodeURIComponent(s.id)}`}>
                                {t('actors.syn.open')}
                                <span class="visually-hidden"> {t('actors.syn.openWith', { partner, flow: flowLabel(supplier ? s.outputFlowId : s.inputFlowId) })}</span>
                              </a>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                  {mine.length > SYNERGIES_SHOWN && (
                    <p>
                      <button type="button" class="secondary" aria-expanded={all ? 'true' : 'false'} onClick={() => setAll((x) => !x)}>
                        {all ? t('actors.syn.showFewer', { n: SYNERGIES_SHOWN }) : t('actors.syn.showAll', { n: mine.length })}
                      </button>
                    </p>
                  )}
                </div>
              )}
            </>
          )
        }
      </Status>
    </section>
  );
}

/** For a contributor: the synergies proposed to this actor, the other party anonymous until both consent. */
function ProposedToActor({ code, actor }: { code: string; actor: Actor }) {
  const list = useApi<{ items: SynergyItem[]; total: number }>(`/api/territories/${encodeURIComponent(code)}/synergies`);
  const mine = (list.data?.items ?? []).filter((s) => s.supplier.actorId === actor.id || s.receiver.actorId === actor.id);
  return (
    <section aria-labelledby="actor-synergies-title">
      <h2 id="actor-synergies-title">{t('actors.syn.title')}</h2>
      <Status state={list}>
        {() =>
          mine.length === 0 ? (
            <p>{t('actors.syn.none')}</p>
          ) : (
            <SynergyItems items={mine} base={territoryBase(code)} caption={t('actors.syn.captionProposed', { name: actor.name, n: mine.length })} facilitate={false} />
          )
        }
      </Status>
    </section>
  );
}
