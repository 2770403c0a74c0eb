import type { Page } from '../../api/client.js';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { dateTime, number, percent, quantity } from '../../ui/format.js';
import { territoryBase, useTerritory, type AnalysisRun } from '../../app/territory.js';
import type { Pipeline } from '../followup/index.js';
import { me, ownActors, useOffer, type Offer } from '../../app/session.js';

interface Indicator {
  id: string;
  layer: string;
  family?: string;
  value: number | null;
}

/** The follow-up's figures: what anyone with a role in the territory may see. */
function PipelineFigures({ pipeline }: { pipeline: Pipeline | undefined }) {
  return (
    <>
      <div class="figure">
        <dt>{t('home.pipeline.active')}</dt>
        <dd>{pipeline ? number(pipeline.counts.proposed + pipeline.counts.in_discussion + pipeline.counts.being_implemented, 0) : '—'}</dd>
      </div>
      <div class="figure">
        <dt>{t('home.pipeline.implemented')}</dt>
        <dd>{pipeline ? number(pipeline.counts.implemented, 0) : '—'}</dd>
      </div>
      <div class="figure">
        <dt>{t('home.pipeline.conversion')}</dt>
        <dd>{pipeline ? percent(pipeline.conversion.detectedToImplemented) : '—'}</dd>
      </div>
    </>
  );
}

/** The home page of a contributor (their actors and what is proposed to them) or a reader (aggregates and follow-up). */
function NarrowHome({ code, offer, pipeline }: { code: string; offer: Offer; pipeline: Pipeline | undefined }) {
  const base = territoryBase(code);
  const mine = ownActors(me.value, code);
  return (
    <>
      {offer.standing === 'contribute' && (
        <section aria-labelledby="mes-acteurs">
          <h2 id="mes-acteurs">{t('home.mine')}</h2>
          <p>{t('home.mine.intro')}</p>
          <ul class="card-list">
            {mine.map((a) => (
              <li key={a.id} class="card">
                <a href={`${base}/acteurs/${encodeURIComponent(a.id)}`}>{a.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="chiffres">
        <h2 id="chiffres">{t('home.figures')}</h2>
        <dl class="figures">
          <PipelineFigures pipeline={pipeline} />
        </dl>
      </section>
      <section aria-labelledby="suite">
        <h2 id="suite">{t('home.next')}</h2>
        <ul class="next-steps">
          <li>
            <a href={`${base}/synergies`}>{offer.standing === 'contribute' ? t('home.next.proposed') : t('home.next.synergies')}</a>
          </li>
          <li>
            <a href={`${base}/suivi`}>{t('home.next.followup')}</a>
          </li>
          {offer.seesMetabolism && (
            <li>
              <a href={`${base}/metabolisme`}>{t('home.next.metabolism')}</a>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}

export function Home({ code }: { code: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  const pipeline = useApi<Pipeline>(`/api/territories/${encodeURIComponent(code)}/pipeline`);
  if (!offer.facilitate) {
    return (
      <Layout territory={territory.data} title={territory.data ? territory.data.name : t('home.title')}>
        <Status state={territory}>{() => <NarrowHome code={code} offer={offer} pipeline={pipeline.data} />}</Status>
      </Layout>
    );
  }
  return <FacilitatorHome code={code} territory={territory} pipeline={pipeline.data} />;
}

/** Everything of the territory at a glance, for its facilitators and administrators. */
function FacilitatorHome({
  code,
  territory,
  pipeline,
}: {
  code: string;
  territory: ReturnType<typeof useTerritory>;
  pipeline: Pipeline | undefined;
}) {
  const base = territoryBase(code);
  const actors = useApi<Page<unknown>>(`/api/territories/${encodeURIComponent(code)}/actors?limit=1`);
  const flows = useApi<Page<unknown>>(`/api/territories/${encodeURIComponent(code)}/flows?limit=1`);
  const analyses = useApi<{ items: AnalysisRun[] }>(`/api/territories/${encodeURIComponent(code)}/analyses`);
  const metabolism = useApi<{ indicators: Indicator[] }>(`/api/territories/${encodeURIComponent(code)}/metabolism`);
  const latest = analyses.data?.items[0];
  const closure = metabolism.data?.indicators.find(
    (i) => i.id === 'local_loop_closure' && i.layer === 'material' && i.family === undefined,
  )?.value;
  return (
    <Layout territory={territory.data} title={territory.data ? territory.data.name : t('home.title')}>
      <Status state={territory}>
        {() => (
          <>
            <section aria-labelledby="chiffres">
              <h2 id="chiffres">{t('home.figures')}</h2>
              <dl class="figures">
                <div class="figure">
                  <dt>{t('home.actors')}</dt>
                  <dd>{number(actors.data?.total, 0)}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.flows')}</dt>
                  <dd>{number(flows.data?.total, 0)}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.synergies')}</dt>
                  <dd>{latest ? number(latest.summary.proposed, 0) : <span class="small">{t('home.synergiesNone')}</span>}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.tonnes')}</dt>
                  <dd>{latest ? number(latest.summary.allocatedTonnes, 0) : '—'}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.co2')}</dt>
                  <dd>{latest ? number(latest.summary.co2eAvoidedTonnes, 0) : '—'}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.closure')}</dt>
                  <dd>{quantity(closure, '%')}</dd>
                </div>
                <PipelineFigures pipeline={pipeline} />
              </dl>
              {latest && <p class="muted">{t('home.lastAnalysis', { date: dateTime(latest.createdAt) })}</p>}
            </section>
            <section aria-labelledby="suite">
              <h2 id="suite">{t('home.next')}</h2>
              <ul class="next-steps">
                <li>
                  <a href={`${base}/synergies`}>{t('home.next.analyse')}</a>
                </li>
                <li>
                  <a href={`${base}/suivi`}>{t('home.next.followup')}</a>
                </li>
                <li>
                  <a href={`${base}/import`}>{t('home.next.import')}</a>
                </li>
                <li>
                  <a href={`${base}/metabolisme`}>{t('home.next.metabolism')}</a>
                </li>
                <li>
                  <a href={`${base}/carte`}>{t('home.next.map')}</a>
                </li>
              </ul>
            </section>
          </>
        )}
      </Status>
    </Layout>
  );
}
