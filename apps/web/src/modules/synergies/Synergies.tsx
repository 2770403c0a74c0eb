import './synergies.css';
import { SynergyItems, useFollowUpIndex, type SynergyItem } from '../followup/index.js';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { AnalysisView } from './components/AnalysisView.js';
import { useLatest, useNames } from './components/data.js';
import { RunAnalysis } from './components/RunAnalysis.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { number } from '../../ui/format.js';
import { useOffer } from '../../app/session.js';
import { territoryBase, useTerritory } from '../../app/territory.js';

/**
 * For contributors and readers: the synergies the server lets them see (those proposed to the
 * contributor's actors; anonymised ones for readers), counterparts described until both consent.
 */
function VisibleSynergies({ code }: { code: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  const list = useApi<{ items: SynergyItem[]; total: number }>(`/api/territories/${encodeURIComponent(code)}/synergies`);
  const contributor = offer.standing === 'contribute';
  return (
    <Layout territory={territory.data} title={contributor ? t('synergies.proposed.title') : t('synergies.title')}>
      <Status state={territory}>
        {() => (
          <>
            <p class="lead">{contributor ? t('synergies.proposed.intro') : t('synergies.anonymised.intro')}</p>
            <p role="status" class="synergies-count">
              {list.data
                ? list.data.total === 0
                  ? t('synergies.proposed.none')
                  : t('synergies.proposed.count', { n: number(list.data.total, 0) })
                : ''}
            </p>
            <Status state={list}>
              {(l) =>
                l.items.length === 0 ? null : (
                  <SynergyItems
                    items={l.items}
                    base={territoryBase(code)}
                    caption={contributor ? t('synergies.proposed.caption') : t('synergies.anonymised.caption')}
                    facilitate={false}
                  />
                )
              }
            </Status>
          </>
        )}
      </Status>
    </Layout>
  );
}

/** The territory's synergies: facilitators run an analysis, then read, filter and sort the latest one's; others see theirs. */
export function Synergies({ code }: { code: string }) {
  const offer = useOffer(code);
  return offer.facilitate ? <AnalysedSynergies code={code} /> : <VisibleSynergies code={code} />;
}

function AnalysedSynergies({ code }: { code: string }) {
  const territory = useTerritory(code);
  const latest = useLatest(code);
  const names = useNames(code);
  const followUp = useFollowUpIndex(code);
  const base = territoryBase(code);

  return (
    <Layout territory={territory.data} title={t('synergies.title')}>
      <Status state={territory}>
        {() => (
          <>
            <p class="lead">{t('synergies.intro')}</p>
            <RunAnalysis code={code} />
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
                    <AnalysisView code={code} analysis={analysis} names={names.data} base={base} followUp={followUp.index} />
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
