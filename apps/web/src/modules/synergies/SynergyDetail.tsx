import './synergies.css';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { resourceLabel, useResources } from '../../api/reference.js';
import {
  followUpOf,
  openCase,
  PartyName,
  partyText,
  quantityText,
  StatusTag,
  useFollowUpIndex,
  type FollowUpIndex,
  type SynergyItem,
} from '../followup/index.js';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { useLatest, useParties, type Parties } from './components/data.js';
import { ruleLabel } from './components/reference.js';
import { Allocation, Checks, Impacts, Score } from './components/SynergyParts.js';
import type { ActorName, StoredAnalysis, Synergy } from './components/types.js';
import { useApi } from '../../api/query.js';
import { pick, t } from '../../app/i18n/index.js';
import { figure, number } from '../../ui/format.js';
import { useOffer } from '../../app/session.js';
import { territoryBase, useTerritory } from '../../app/territory.js';
import { familyLabel } from '../../ui/synergy-format.js';

/** The synergy's follow-up: its status, and the way to its case (opened here when there is none). */
function FollowUpAction({
  code,
  synergy,
  base,
  followUp,
}: {
  code: string;
  synergy: Synergy;
  base: string;
  followUp: FollowUpIndex | undefined;
}) {
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const current = followUpOf(followUp, synergy);
  if (!followUp) return null;
  async function open() {
    setBusy(true);
    setError(undefined);
    try {
      const created = await openCase(code, synergy.id);
      route(`${base}/suivi/${encodeURIComponent(created.id)}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="suivi">
      <h2 id="suivi">{t('synergies.case.title')}</h2>
      {current.caseId ? (
        <p>
          <StatusTag status={current.status} />{' '}
          <a href={`${base}/suivi/${encodeURIComponent(current.caseId)}`}>{t('synergies.case.open')}</a>
        </p>
      ) : (
        <p>
          {t('synergies.case.none')}{' '}
          <button type="button" class="secondary" disabled={busy} onClick={() => void open()}>
            {busy ? t('synergies.case.starting') : t('synergies.case.start')}
          </button>
        </p>
      )}
      {error && (
        <p class="alert alert-error" role="alert">
          {t('common.error', { message: error })}
        </p>
      )}
    </section>
  );
}

function Detail({
  code,
  analysis,
  synergy,
  parties,
  base,
  followUp,
}: {
  code: string;
  analysis: StoredAnalysis;
  synergy: Synergy;
  parties: Parties | undefined;
  base: string;
  followUp: FollowUpIndex | undefined;
}) {
  const rank = analysis.result.synergies.indexOf(synergy) + 1;
  const actor = (a: ActorName | null | undefined, id: string) =>
    a ? (
      <a href={`${base}/acteurs/${encodeURIComponent(id)}`}>{a.name}</a>
    ) : (
      <span class="muted">{parties ? t('synergies.unknownActor') : t('common.loading')}</span>
    );
  return (
    <>
      <section aria-labelledby="en-bref">
        <h2 id="en-bref">{t('synergies.detail.summary')}</h2>
        <dl class="synergy-facts">
          <div>
            <dt>{t('synergies.detail.supplier')}</dt>
            <dd>{actor(parties?.supplier, synergy.supplierActorId)}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.output')}</dt>
            <dd>{parties?.output?.label ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.receiver')}</dt>
            <dd>
              {actor(parties?.receiver, synergy.receiverActorId)}
              {synergy.sameActor && <span class="tag">{t('synergies.sameActor')}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('synergies.detail.input')}</dt>
            <dd>{parties?.input?.label ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.rule')}</dt>
            <dd>
              {ruleLabel(synergy.ruleId)} <code class="small">{synergy.ruleId}</code>
            </dd>
          </div>
          <div>
            <dt>{t('synergies.detail.family')}</dt>
            <dd>{familyLabel(synergy.family)}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.distance')}</dt>
            <dd>{t('synergies.detail.km', { km: figure(synergy.distanceKm) })}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.score')}</dt>
            <dd>
              {t('synergies.detail.scoreValue', {
                value: number(synergy.score.value, 1),
                rank: number(rank, 0),
                count: number(analysis.result.synergies.length, 0),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('synergies.detail.status')}</dt>
            <dd>
              <StatusTag status={followUpOf(followUp, synergy).status} />
            </dd>
          </div>
        </dl>
      </section>
      <FollowUpAction code={code} synergy={synergy} base={base} followUp={followUp} />
      <section aria-labelledby="explication">
        <h2 id="explication">{t('synergies.detail.explanation')}</h2>
        <p class="explanation">{pick(synergy.explanation)}</p>
      </section>
      <Checks synergy={synergy} />
      <Impacts synergy={synergy} />
      <Allocation synergy={synergy} objective={analysis.objective} />
      <Score synergy={synergy} analysis={analysis} />
    </>
  );
}

/** For contributors and readers: the synergy as the server lets them see it, the other party described. */
function VisibleSynergyDetail({ code, id }: { code: string; id: string }) {
  const territory = useTerritory(code);
  const base = territoryBase(code);
  const resources = useResources();
  const list = useApi<{ items: SynergyItem[] }>(`/api/territories/${encodeURIComponent(code)}/synergies`);
  const item = list.data?.items.find((s) => s.id === id);
  const title = item
    ? t('synergies.detail.title', { supplier: partyText(item.supplier), receiver: partyText(item.receiver) })
    : list.data
      ? t('synergies.visible.notFoundTitle')
      : t('synergies.detail.titleLoading');
  return (
    <Layout territory={territory.data} title={title}>
      <p>
        <a href={`${base}/synergies`}>
          <span aria-hidden="true">← </span>
          {t('synergies.detail.back')}
        </a>
      </p>
      <Status state={list}>
        {() =>
          !item ? (
            <p class="alert alert-warn">{t('synergies.visible.notFound')}</p>
          ) : (
            <section aria-labelledby="en-bref">
              <h2 id="en-bref">{t('synergies.detail.summary')}</h2>
              <dl class="synergy-facts">
                <div>
                  <dt>{t('synergies.detail.supplier')}</dt>
                  <dd>
                    <PartyName party={item.supplier} />
                  </dd>
                </div>
                <div>
                  <dt>{t('synergies.detail.receiver')}</dt>
                  <dd>
                    <PartyName party={item.receiver} />
                  </dd>
                </div>
                <div>
                  <dt>{t('followup.col.resource')}</dt>
                  <dd>{item.resourceCode ? resourceLabel(item.resourceCode, resources) : '—'}</dd>
                </div>
                {item.family && (
                  <div>
                    <dt>{t('synergies.detail.family')}</dt>
                    <dd>{familyLabel(item.family)}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('followup.col.quantity')}</dt>
                  <dd>{quantityText(item.quantity)}</dd>
                </div>
                <div>
                  <dt>{t('synergies.detail.distance')}</dt>
                  <dd>{t('synergies.detail.km', { km: figure(item.distanceKm) })}</dd>
                </div>
                <div>
                  <dt>{t('followup.col.co2')}</dt>
                  <dd>{item.impacts.co2eAvoidedT === null ? '—' : number(item.impacts.co2eAvoidedT, 1)}</dd>
                </div>
                <div>
                  <dt>{t('synergies.detail.status')}</dt>
                  <dd>
                    <StatusTag status={item.status} />
                  </dd>
                </div>
              </dl>
              {item.caseId && (
                <p>
                  <a href={`${base}/suivi/${encodeURIComponent(item.caseId)}`}>{t('synergies.visible.case')}</a>
                </p>
              )}
            </section>
          )
        }
      </Status>
    </Layout>
  );
}

/** One synergy: the whole analysis for facilitators, what the server discloses for the others. */
export function SynergyDetail({ code, id }: { code: string; id: string }) {
  const offer = useOffer(code);
  return offer.facilitate ? <AnalysedSynergyDetail code={code} id={id} /> : <VisibleSynergyDetail code={code} id={id} />;
}

/** One synergy of the latest analysis: why it matches, what was checked, its impacts and score. */
function AnalysedSynergyDetail({ code, id }: { code: string; id: string }) {
  const territory = useTerritory(code);
  const followUp = useFollowUpIndex(code);
  const base = territoryBase(code);
  const latest = useLatest(code);
  const synergy = latest.data?.result.synergies.find((s) => s.id === id);
  const p = useParties(code, synergy);
  const title =
    synergy && p
      ? t('synergies.detail.title', {
          supplier: p.supplier?.name ?? t('synergies.unknownActor'),
          receiver: p.receiver?.name ?? t('synergies.unknownActor'),
        })
      : t('synergies.detail.titleLoading');
  return (
    <Layout territory={territory.data} title={title}>
      <p>
        <a href={`${base}/synergies`}>
          <span aria-hidden="true">← </span>
          {t('synergies.detail.back')}
        </a>
      </p>
      <Status state={latest}>
        {(analysis) =>
          analysis === null ? (
            <p>{t('synergies.detail.noAnalysis')}</p>
          ) : !synergy ? (
            <p class="alert alert-warn">{t('synergies.detail.notFound')}</p>
          ) : (
            <Detail code={code} analysis={analysis} synergy={synergy} parties={p} base={base} followUp={followUp.index} />
          )
        }
      </Status>
    </Layout>
  );
}
