import type { Page } from '../api.js';
import { Layout } from '../components/Layout.js';
import { Status } from '../components/Status.js';
import { useApi } from '../hooks.js';
import { language, num, t } from '../i18n/index.js';
import { territoryBase, useTerritory, type AnalysisRun } from '../territory.js';

interface Indicator {
  id: string;
  layer: string;
  family?: string;
  value: number | null;
}

export function Home({ code }: { code: string }) {
  const territory = useTerritory(code);
  const base = territoryBase(code);
  const actors = useApi<Page<unknown>>(`/api/territories/${encodeURIComponent(code)}/actors?limit=1`);
  const flows = useApi<Page<unknown>>(`/api/territories/${encodeURIComponent(code)}/flows?limit=1`);
  const analyses = useApi<{ items: AnalysisRun[] }>(`/api/territories/${encodeURIComponent(code)}/analyses`);
  const metabolism = useApi<{ indicators: Indicator[] }>(`/api/territories/${encodeURIComponent(code)}/metabolism`);
  const latest = analyses.data?.items[0];
  const closure = metabolism.data?.indicators.find((i) => i.id === 'local_loop_closure' && i.layer === 'material' && i.family === undefined)?.value;
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
                  <dd>{num(actors.data?.total, 0)}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.flows')}</dt>
                  <dd>{num(flows.data?.total, 0)}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.synergies')}</dt>
                  <dd>{latest ? num(latest.summary.proposed, 0) : <span class="small">{t('home.synergiesNone')}</span>}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.tonnes')}</dt>
                  <dd>{latest ? num(latest.summary.allocatedTonnes, 0) : '—'}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.co2')}</dt>
                  <dd>{latest ? num(latest.summary.co2eAvoidedTonnes, 0) : '—'}</dd>
                </div>
                <div class="figure">
                  <dt>{t('home.closure')}</dt>
                  <dd>{closure === undefined || closure === null ? '—' : `${num(closure)} %`}</dd>
                </div>
              </dl>
              {latest && <p class="muted">{t('home.lastAnalysis', { date: new Date(latest.createdAt).toLocaleString(language.value === 'fr' ? 'fr-FR' : 'en-GB') })}</p>}
            </section>
            <section aria-labelledby="suite">
              <h2 id="suite">{t('home.next')}</h2>
              <ul class="next-steps">
                <li>
                  <a href={`${base}/synergies`}>{t('home.next.analyse')}</a>
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
