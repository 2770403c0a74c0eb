import './actors.css';
import { useQueries } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ApiError, type Page } from '../../api/client.js';
import { ActorForm } from './components/ActorForm.js';
import { FlowForm } from './components/FlowForm.js';
import { NeedForm } from './components/NeedForm.js';
import { SiteForm } from './components/SiteForm.js';
import { categoryLabel, directionLabel, fateLabel, formatSiret, kindLabel, monthShort, yesNo } from './components/labels.js';
import { formatWasteCode, useNafLabel } from './components/pickers.js';
import { resourceLabel, useCommuneNames, useHeadcountBands, useResources, useUnits, type UnitsTable } from '../../api/reference.js';
import { deleteRecord } from './components/records.js';
import type { Actor, Flow, Need, Quantity, Site, SynergySummary } from './components/types.js';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { DataTable } from '../../ui/DataTable.js';
import { messageOf, Notice, NO_NOTICE, notice, type NoticeState } from '../../ui/fields.js';
import { Panel, RecordSection, useEditor } from '../../ui/RecordSection.js';
import { apiKey, useApi, type Loaded } from '../../api/query.js';
import { pick, t } from '../../app/i18n/index.js';
import { dateTime, MISSING, number, quantity } from '../../ui/format.js';
import { territoryBase, useLatestAnalysis, useTerritory } from '../../app/territory.js';
import { SynergyItems, type SynergyItem } from '../followup/index.js';
import { useOffer } from '../../app/session.js';

interface LatestAnalysis {
  id: string;
  createdAt: string;
  result: { synergies: SynergySummary[] };
}

/** Synergies listed before "show all": the best scores come first. */
const SYNERGIES_SHOWN = 10;

function quantityText(q: Quantity | null, units: UnitsTable | undefined): string {
  if (!q) return MISSING;
  const period = units?.periods.find((p) => p.code === q.period);
  return `${quantity(q.value, q.unit, 3)} ${period ? pick({ fr: period.labelFr, en: period.labelEn }) : q.period}`;
}

function fateText(f: Flow): string {
  if (f.direction === 'output') {
    if (!f.currentFate) return MISSING;
    const parts = [fateLabel(f.currentFate.mode)];
    if (f.currentFate.operationCode) parts[0] += ` (${f.currentFate.operationCode})`;
    if (f.currentFate.local !== undefined)
      parts.push(f.currentFate.local ? t('actors.flow.insideTerritory') : t('actors.flow.outsideTerritory'));
    if (f.currentFate.partner) parts.push(t('actors.flow.toPartner', { partner: f.currentFate.partner }));
    return parts.join(', ');
  }
  if (!f.currentOrigin) return MISSING;
  const parts = [
    f.currentOrigin.recycled ? t('actors.flow.recycledOrigin') : t('actors.flow.virginOrigin'),
    f.currentOrigin.local ? t('actors.flow.insideTerritory') : t('actors.flow.outsideTerritory'),
  ];
  if (f.currentOrigin.partner) parts.push(t('actors.flow.fromPartner', { partner: f.currentOrigin.partner }));
  return parts.join(', ');
}

function monthsText(months: number[] | null): string {
  if (!months) return '';
  if (months.length === 12) return t('actors.flow.allYear');
  return months.map(monthShort).join(', ');
}

/** An actor's page: its record, sites, flows, needs and the synergies of the latest analysis; each editable. */
export function ActorDetail({ code, id }: { code: string; id: string }) {
  const territory = useTerritory(code);
  const base = territoryBase(code);
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
  const communes = territory.data?.communes ?? [];
  const communeNames = useCommuneNames(communes.length > 0 && communes.length <= 1000 ? communes : null);

  const a = actor.data;
  const notFound = actor.error instanceof ApiError && (actor.error.status === 404 || actor.error.status === 400);
  const title = a ? a.name : notFound ? t('actors.detail.notFound') : t('nav.actors');
  const siteList = sites.data?.items ?? [];
  const tables = { tableClass: 'actors-table', wrapClass: 'actors-table-wrap' };

  return (
    <Layout territory={territory.data} title={title}>
      <p>
        <a href={`${base}/acteurs`}>{t('actors.detail.back')}</a>
      </p>
      {notFound ? (
        <p class="alert alert-error" role="alert">
          {t('actors.detail.notFoundText')}
        </p>
      ) : (
        <Status state={actor}>
          {(actorData) => (
            <>
              <ActorRecord
                code={code}
                actor={actorData}
                editable={editable}
                deletable={offer.facilitate}
                counts={{ sites: sites.data?.total ?? 0, flows: flows.data?.total ?? 0, needs: needs.data?.total ?? 0 }}
              />

              <RecordSection<Site>
                headingId="actor-sites-title"
                title={t('actors.detail.sites', { n: sites.data?.total ?? '…' })}
                state={sites}
                caption={t('actors.detail.sitesCaption', { name: actorData.name })}
                empty={t('actors.detail.noSites')}
                {...tables}
                columns={[
                  { header: t('actors.site.name'), rowHeader: true, cell: (s) => s.name },
                  { header: t('actors.site.address'), cell: (s) => s.address ?? MISSING },
                  {
                    header: t('actors.site.commune'),
                    cell: (s) => {
                      const name = communeNames?.get(s.communeCode);
                      return name ? t('actors.site.communeOption', { name, code: s.communeCode }) : s.communeCode;
                    },
                  },
                  {
                    header: t('actors.site.location'),
                    class: 'actors-nowrap',
                    cell: (s) => (s.location ? `${number(s.location.lat, 5)}, ${number(s.location.lon, 5)}` : t('actors.site.notLocated')),
                  },
                ]}
                editable={editable}
                rowName={(s) => s.name}
                editorId="site-edit"
                editorTitle={(s) => (s ? t('actors.site.editTitle', { name: s.name }) : t('actors.site.new'))}
                addLabel={t('actors.site.new')}
                form={({ item, saved, cancel, remove }) => (
                  <SiteForm
                    territoryCode={code}
                    communes={communes}
                    actorId={actorData.id}
                    site={item}
                    formId="site-form"
                    onSaved={(s) => saved(t('actors.site.saved', { name: s.name }))}
                    onCancel={cancel}
                    onDelete={remove}
                  />
                )}
                remove={{
                  confirm: (s) =>
                    t('actors.site.deleteConfirm', { name: s.name, flows: flows.data?.items.filter((f) => f.siteId === s.id).length ?? 0 }),
                  run: (s) => deleteRecord(code, 'sites', s.id, ['flows']),
                  done: (s) => t('actors.site.deleted', { name: s.name }),
                }}
              />

              <RecordSection<Flow>
                headingId="actor-flows-title"
                title={t('actors.detail.flows', { n: flows.data?.total ?? '…' })}
                state={flows}
                caption={t('actors.detail.flowsCaption', { name: actorData.name })}
                empty={t('actors.detail.noFlows')}
                {...tables}
                columns={[
                  {
                    header: t('actors.flow.direction'),
                    cell: (f) => <span class={`actors-direction actors-direction-${f.direction}`}>{directionLabel(f.direction)}</span>,
                  },
                  {
                    header: t('actors.flow.resource'),
                    cell: (f) => (
                      <>
                        {resourceLabel(f.resourceCode, resources)}
                        {f.wasteCode && (
                          <span class="actors-block small muted">
                            {t('actors.flow.wasteCodeShort', { code: formatWasteCode(f.wasteCode, f.hazardous ?? undefined) })}
                          </span>
                        )}
                        {f.hazardous && <span class="actors-block small actors-hazard">{t('actors.flow.hazardousYes')}</span>}
                      </>
                    ),
                  },
                  {
                    header: t('actors.flow.label'),
                    rowHeader: true,
                    cell: (f) => (
                      <>
                        {f.label}
                        {f.monthsAvailable && <span class="actors-block small muted">{monthsText(f.monthsAvailable)}</span>}
                        {f.quality.temperatureC !== undefined && (
                          <span class="actors-block small muted">
                            {t('actors.flow.temperatureValue', { t: number(f.quality.temperatureC, 1) })}
                          </span>
                        )}
                      </>
                    ),
                  },
                  { header: t('actors.flow.quantity'), numeric: true, cell: (f) => quantityText(f.quantity, units) },
                  { header: t('actors.detail.fateOrOrigin'), cell: fateText },
                  siteList.length > 1 && {
                    header: t('actors.flow.site'),
                    cell: (f) => siteList.find((s) => s.id === f.siteId)?.name ?? MISSING,
                  },
                ]}
                editable={editable}
                rowName={(f) => f.label}
                editorId="flow-edit"
                editorTitle={(f) => (f ? t('actors.flow.editTitle', { label: f.label }) : t('actors.flow.new'))}
                addLabel={t('actors.flow.new')}
                form={({ item, saved, cancel, remove }) =>
                  siteList.length === 0 ? (
                    <>
                      <p class="alert alert-warn">{t('actors.flow.needsSite')}</p>
                      <button type="button" class="secondary" onClick={cancel}>
                        {t('actors.form.cancel')}
                      </button>
                    </>
                  ) : (
                    <FlowForm
                      territoryCode={code}
                      sites={siteList}
                      flow={item}
                      formId="flow-form"
                      onSaved={(f) => saved(t('actors.flow.saved', { label: f.label }))}
                      onCancel={cancel}
                      onDelete={remove}
                    />
                  )
                }
                remove={{
                  confirm: (f) => t('actors.flow.deleteConfirm', { label: f.label }),
                  run: (f) => deleteRecord(code, 'flows', f.id),
                  done: (f) => t('actors.flow.deleted', { label: f.label }),
                }}
              />

              <RecordSection<Need>
                headingId="actor-needs-title"
                title={t('actors.detail.needs', { n: needs.data?.total ?? '…' })}
                state={needs}
                caption={t('actors.detail.needsCaption', { name: actorData.name })}
                empty={t('actors.detail.noNeeds')}
                {...tables}
                columns={[
                  { header: t('actors.need.category'), cell: (n) => categoryLabel(n.category) },
                  { header: t('actors.need.description'), rowHeader: true, cell: (n) => n.description },
                  { header: t('actors.flow.resource'), cell: (n) => (n.resourceCode ? resourceLabel(n.resourceCode, resources) : MISSING) },
                  { header: t('actors.flow.quantity'), numeric: true, cell: (n) => quantityText(n.quantity, units) },
                ]}
                editable={editable}
                rowName={(n) => categoryLabel(n.category)}
                editorId="need-edit"
                editorTitle={(n) => (n ? t('actors.need.editTitle') : t('actors.need.new'))}
                addLabel={t('actors.need.new')}
                form={({ item, saved, cancel, remove }) => (
                  <NeedForm
                    territoryCode={code}
                    actorId={actorData.id}
                    need={item}
                    formId="need-form"
                    onSaved={() => saved(t('actors.need.saved'))}
                    onCancel={cancel}
                    onDelete={remove}
                  />
                )}
                remove={{
                  confirm: () => t('actors.need.deleteConfirm'),
                  run: (n) => deleteRecord(code, 'needs', n.id),
                  done: () => t('actors.need.deleted'),
                }}
              />

              {offer.facilitate ? (
                <ActorSynergies code={code} actor={actorData} latest={latest} flows={flows.data?.items ?? []} />
              ) : (
                <ProposedToActor code={code} actor={actorData} />
              )}
            </>
          )}
        </Status>
      )}
    </Layout>
  );
}

/** The actor's record: what is known of it, edited in place; deleted (with its sites, flows and needs) by a facilitator. */
function ActorRecord({
  code,
  actor,
  editable,
  deletable,
  counts,
}: {
  code: string;
  actor: Actor;
  editable: boolean;
  deletable: boolean;
  counts: { sites: number; flows: number; needs: number };
}) {
  const { route } = useLocation();
  const editor = useEditor<Actor>();
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const bands = useHeadcountBands();
  const nafLabel = useNafLabel(actor.nafCode ?? null);
  const notGiven = t('actors.detail.notGiven');
  const band = actor.headcountBand ? bands?.find((b) => b.code === actor.headcountBand) : undefined;
  const { contact } = actor;

  async function remove() {
    if (!window.confirm(t('actors.detail.deleteActorConfirm', { name: actor.name, ...counts }))) return;
    setFailure(undefined);
    try {
      await deleteRecord(code, 'actors', actor.id, ['sites', 'flows', 'needs']);
      route(`${territoryBase(code)}/acteurs`);
    } catch (e) {
      setFailure(messageOf(e));
    }
  }

  return (
    <section aria-labelledby="actor-record-title">
      <h2 id="actor-record-title">{t('actors.detail.record')}</h2>
      <Notice {...message} />
      {failure && (
        <p class="alert alert-error" role="alert">
          {t('common.error', { message: failure })}
        </p>
      )}
      <dl class="actors-record">
        <div>
          <dt>{t('actors.field.siret')}</dt>
          <dd>{actor.siret ? formatSiret(actor.siret) : notGiven}</dd>
        </div>
        <div>
          <dt>{t('actors.field.siren')}</dt>
          <dd>{actor.siren ?? notGiven}</dd>
        </div>
        <div>
          <dt>{t('actors.field.naf')}</dt>
          <dd>
            {actor.nafCode ? (
              <>
                {actor.nafCode}
                {nafLabel && (
                  <>
                    {' — '}
                    <span lang={nafLabel.lang}>{nafLabel.label}</span>
                  </>
                )}
              </>
            ) : (
              notGiven
            )}
          </dd>
        </div>
        <div>
          <dt>{t('actors.field.kind')}</dt>
          <dd>{kindLabel(actor.kind)}</dd>
        </div>
        <div>
          <dt>{t('actors.field.headcount')}</dt>
          <dd>{actor.headcountBand ? (band ? pick({ fr: band.labelFr, en: band.labelEn }) : actor.headcountBand) : notGiven}</dd>
        </div>
        <div>
          <dt>{t('actors.field.ess')}</dt>
          <dd>{yesNo(actor.ess)}</dd>
        </div>
        <div>
          <dt>{t('actors.field.contact')}</dt>
          <dd>
            {contact.name || contact.email || contact.phone ? (
              <>
                {contact.name && <span class="actors-block">{contact.name}</span>}
                {contact.email && (
                  <span class="actors-block">
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </span>
                )}
                {contact.phone && <span class="actors-block">{contact.phone}</span>}
              </>
            ) : (
              notGiven
            )}
          </dd>
        </div>
        {actor.externalId && (
          <div>
            <dt>{t('actors.field.externalId')}</dt>
            <dd>{actor.externalId}</dd>
          </div>
        )}
      </dl>
      {editor.editing ? (
        <Panel id="actor-edit" title={t('actors.detail.editActor')}>
          <ActorForm
            territoryCode={code}
            actor={actor}
            formId="actor-edit-form"
            onSaved={() => {
              editor.close(false);
              setMessage((m) => notice(m, 'ok', t('actors.detail.actorSaved')));
            }}
            onCancel={() => editor.close(true)}
          />
        </Panel>
      ) : (
        editable && (
          <div class="actors-actions">
            <button type="button" onClick={() => editor.open(actor)}>
              {t('actors.detail.editActor')}
            </button>
            {deletable && (
              <button type="button" class="secondary actors-danger" onClick={() => void remove()}>
                {t('actors.detail.deleteActor')}
              </button>
            )}
          </div>
        )
      )}
    </section>
  );
}

function ActorSynergies({
  code,
  actor,
  latest,
  flows,
}: {
  code: string;
  actor: Actor;
  latest: Loaded<LatestAnalysis | null>;
  flows: readonly Flow[];
}) {
  const base = territoryBase(code);
  const mine = (latest.data?.result.synergies ?? []).filter((s) => s.supplierActorId === actor.id || s.receiverActorId === actor.id);
  const others = [...new Set(mine.map((s) => (s.supplierActorId === actor.id ? s.receiverActorId : s.supplierActorId)))].filter(
    (x) => x !== actor.id,
  );
  // The partners' names, each from its actor's record (one that cannot be read stays unnamed).
  const names = useQueries({
    queries: others.map((other) => {
      const path = `/api/territories/${encodeURIComponent(code)}/actors/${encodeURIComponent(other)}`;
      return { queryKey: apiKey(path), queryFn: () => api<Actor>(path) };
    }),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.name] as const] : []))),
  });
  const flowLabel = (id: string) => flows.find((f) => f.id === id)?.label ?? MISSING;
  const [all, setAll] = useState(false);
  const shown = all ? mine : mine.slice(0, SYNERGIES_SHOWN);
  const supplies = (s: SynergySummary) => s.supplierActorId === actor.id;
  const partner = (s: SynergySummary) =>
    s.sameActor ? t('actors.syn.sameActor') : (names.get(supplies(s) ? s.receiverActorId : s.supplierActorId) ?? '…');
  const ownFlow = (s: SynergySummary) => flowLabel(supplies(s) ? s.outputFlowId : s.inputFlowId);
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
              <DataTable
                caption={
                  all || mine.length <= SYNERGIES_SHOWN
                    ? t('actors.syn.caption', { name: actor.name, n: mine.length })
                    : t('actors.syn.captionBest', { name: actor.name, shown: SYNERGIES_SHOWN, n: mine.length })
                }
                class="actors-table"
                wrap="actors-table-wrap"
                rows={shown}
                rowKey={(s) => s.id}
                empty={t('actors.syn.none')}
                columns={[
                  {
                    header: t('actors.syn.role'),
                    cell: (s) =>
                      s.sameActor ? t('actors.syn.internal') : supplies(s) ? t('actors.syn.supplier') : t('actors.syn.receiver'),
                  },
                  { header: t('actors.syn.flow'), rowHeader: true, cell: ownFlow },
                  { header: t('actors.syn.partner'), cell: partner },
                  { header: t('actors.syn.distance'), numeric: true, cell: (s) => t('actors.syn.km', { km: number(s.distanceKm, 1) }) },
                  {
                    header: t('actors.syn.allocated'),
                    numeric: true,
                    cell: (s) =>
                      s.allocation.quantity === null ? t('actors.syn.notAllocated') : quantity(s.allocation.quantity, s.allocation.unit),
                  },
                  { header: t('actors.syn.score'), numeric: true, cell: (s) => number(s.score.value, 0) },
                  {
                    header: t('actors.syn.detail'),
                    cell: (s) => (
                      <a href={`${base}/synergies/${encodeURIComponent(s.id)}`}>
                        {t('actors.syn.open')}
                        <span class="visually-hidden"> {t('actors.syn.openWith', { partner: partner(s), flow: ownFlow(s) })}</span>
                      </a>
                    ),
                  },
                ]}
                footer={
                  mine.length > SYNERGIES_SHOWN && (
                    <p>
                      <button type="button" class="secondary" aria-expanded={all ? 'true' : 'false'} onClick={() => setAll((x) => !x)}>
                        {all ? t('actors.syn.showFewer', { n: SYNERGIES_SHOWN }) : t('actors.syn.showAll', { n: mine.length })}
                      </button>
                    </p>
                  )
                }
              />
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
            <SynergyItems
              items={mine}
              base={territoryBase(code)}
              caption={t('actors.syn.captionProposed', { name: actor.name, n: mine.length })}
              facilitate={false}
            />
          )
        }
      </Status>
    </section>
  );
}
