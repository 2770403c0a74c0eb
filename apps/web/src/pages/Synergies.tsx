import '../styles/synergies.css';
import { Layout } from '../components/Layout.js';
import { Status } from '../components/Status.js';
import { AnalysisView } from '../components/synergies/AnalysisView.js';
import { loadLatest, loadNames, useLoader } from '../components/synergies/data.js';
import { RunAnalysis } from '../components/synergies/RunAnalysis.js';
import { t } from '../i18n/index.js';
import { territoryBase, useTerritory } from '../territory.js';

/** The territory's synergies: run an analysis, then read, filter and sort the latest one's. */
export function Synergies({ code }: { code: string }) {
  const territory = useTerritory(code);
  const latest = useLoader((fresh) => loadLatest(code, fresh), `latest:${code}`);
  const names = useLoader((fresh) => loadNames(code, fresh), `names:${code}`);
  const base = territoryBase(code);

  async function analysed() {
    // The run is stored: load its result (and the names, in case actors changed) before saying it is done.
    await Promise.all([loadLatest(code, true), loadNames(code, true)]);
    latest.reload();
    names.reload();
  }

  return (
    <Layout territory={territory.data} title={t('synergies.title')}>
      <Status state={territory}>
        {() => (
          <>
            <p class="lead">{t('synergies.intro')}</p>
            <RunAnalysis code={code} onDone={analysed} />
            <section aria-labelledby="derniere">
              <h2 id="derniere">{t('synergies.latest.title')}</h2>
              <Status state={latest}>
                {(analysis) =>
                  analysis === null ? (
                    <p>{t('synergies.latest.none')}</p>
                  ) : names.data === undefined && !names.error ? (
                    <p class="muted" role="status">
                      {t('common.loading')}
                    </p>
                  ) : (
                    <AnalysisView code={code} analysis={analysis} names={names.data} base={base} />
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
