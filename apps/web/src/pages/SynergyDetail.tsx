import '../styles/synergies.css';
import { Layout } from '../components/Layout.js';
import { Status } from '../components/Status.js';
import { loadActor, loadFlow, loadLatest, useLoader } from '../components/synergies/data.js';
import { figure } from '../components/synergies/format.js';
import { ruleLabel } from '../components/synergies/reference.js';
import { Allocation, Checks, Impacts, Score } from '../components/synergies/SynergyParts.js';
import type { ActorName, FlowLabel, StoredAnalysis, Synergy } from '../components/synergies/types.js';
import { num, pick, t } from '../i18n/index.js';
import { territoryBase, useTerritory } from '../territory.js';

interface Parties {
  supplier: ActorName | null;
  receiver: ActorName | null;
  output: FlowLabel | null;
  input: FlowLabel | null;
}

/** A party that cannot be read (deleted since the analysis) is shown as unknown, not as an error. */
const orNull = <T,>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

function Detail({ analysis, synergy, parties, base }: { analysis: StoredAnalysis; synergy: Synergy; parties: Parties | undefined; base: string }) {
  const rank = analysis.result.synergies.indexOf(synergy) + 1;
  const actor = (a: ActorName | null | undefined, id: string) =>
    a ? <a href={`${base}/acteurs/${encodeURIComponent(id)}`}>{a.name}</a> : <span class="muted">{parties ? t('synergies.unknownActor') : t('common.loading')}</span>;
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
            <dd>{t(`synergies.family.${synergy.family}`)}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.distance')}</dt>
            <dd>{t('synergies.detail.km', { km: figure(synergy.distanceKm) })}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.score')}</dt>
            <dd>{t('synergies.detail.scoreValue', { value: num(synergy.score.value, 1), rank: num(rank, 0), count: num(analysis.result.synergies.length, 0) })}</dd>
          </div>
          <div>
            <dt>{t('synergies.detail.status')}</dt>
            <dd>{t('synergies.status.detected')}</dd>
          </div>
        </dl>
      </section>
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

/** One synergy of the latest analysis: why it matches, what was checked, its impacts and score. */
export function SynergyDetail({ code, id }: { code: string; id: string }) {
  const territory = useTerritory(code);
  const base = territoryBase(code);
  const latest = useLoader((fresh) => loadLatest(code, fresh), `latest:${code}`);
  const synergy = latest.data?.result.synergies.find((s) => s.id === id);
  const parties = useLoader<Parties>(
    synergy
      ? () =>
          Promise.all([
            orNull(loadActor(code, synergy.supplierActorId)),
            orNull(loadActor(code, synergy.receiverActorId)),
            orNull(loadFlow(code, synergy.outputFlowId)),
            orNull(loadFlow(code, synergy.inputFlowId)),
          ]).then(([supplier, receiver, output, input]) => ({ supplier, receiver, output, input }))
      : null,
    `parties:${code}:${synergy?.id ?? ''}`,
  );
  const p = parties.data;
  const title =
    synergy && p
      ? t('synergies.detail.title', { supplier: p.supplier?.name ?? t('synergies.unknownActor'), receiver: p.receiver?.name ?? t('synergies.unknownActor') })
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
            <Detail analysis={analysis} synergy={synergy} parties={p} base={base} />
          )
        }
      </Status>
    </Layout>
  );
}
