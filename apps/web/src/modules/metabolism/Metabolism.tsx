/**
 * The territory's metabolism: for one layer at a time (materials t, energy MWh, water m³), the mass
 * balance, the Sankey diagram with its table equivalent, the indicators with their definitions; the
 * scenario "with the synergies detected" (the latest analysis's allocated synergies implemented)
 * with each indicator before and after; the exports; the interdependencies with another territory.
 * The computations are the engine's (docs/metabolism.md); this page shows them.
 *
 * Below the facilitators (contributors, readers), the API withholds the figures that would give an
 * actor's away (disclosure control, docs/metabolism.md §9): they are shown « s » with their reason,
 * under a notice that sums up the answer's report; the scenario's synergies are counted, not listed.
 */
import './metabolism.css';
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { Interdependencies } from './components/Interdependencies.js';
import { LayerTabs } from './components/LayerTabs.js';
import { SankeyChart } from './components/SankeyChart.js';
import { ComparisonTable, IndicatorTable, nodesCarryValues, SankeyNodeTable, SankeyTable } from './components/tables.js';
import { familyLabel, layerLabel, unitLabel, withUnit } from './components/format.js';
import { DisclosureNotice, Fig, RulesContext, rulesOf, secretText, type Rules } from './components/secret.js';
import {
  FAMILIES,
  isCounted,
  LAYERS,
  type Amount,
  type Family,
  type Indicator,
  type IndicatorChange,
  type Layer,
  type LayerBalance,
  type MetabolismResponse,
  type Scenario,
} from './components/types.js';
import { useApi } from '../../api/query.js';
import { pick, t } from '../../app/i18n/index.js';
import { dateTime, number } from '../../ui/format.js';
import { territoryBase, useTerritory, type AnalysisRun } from '../../app/territory.js';
import { useOffer } from '../../app/session.js';

const inPerimeter = (family: Family | '') => (i: Pick<Indicator | IndicatorChange, 'family'>) =>
  family === '' ? i.family === undefined : i.family === family;

/** Counts of the same message (flows not counted, synergies skipped), most frequent first. */
function grouped(items: { message: { fr: string; en: string } }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const text = pick(item.message);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** An amount in words, for a chart's summary: with its unit, or « s » and why. */
function amountText(amount: Amount, unit: string, rules: Rules): string {
  return amount.suppressed ? secretText(amount.suppressed, rules) : withUnit(amount.value, unit);
}

function Balance({ balance }: { balance: LayerBalance }) {
  const unit = balance.unit;
  const figures = (
    <dl class="metabolism-balance-figures">
      <div>
        <dt>{t('metabolism.balance.entering')}</dt>
        <dd>
          <Fig reason={balance.entering.suppressed}>{withUnit(balance.entering.value, unit)}</Fig>
        </dd>
      </div>
      <div>
        <dt>{t('metabolism.balance.leaving')}</dt>
        <dd>
          <Fig reason={balance.leaving.suppressed}>{withUnit(balance.leaving.value, unit)}</Fig>
        </dd>
      </div>
      <div>
        <dt>{t('metabolism.balance.imbalance')}</dt>
        <dd>
          <Fig reason={balance.imbalance.suppressed}>{withUnit(balance.imbalance.value, unit)}</Fig>
        </dd>
      </div>
    </dl>
  );
  return (
    <section aria-labelledby="metabolism-balance" class="metabolism-section">
      <h2 id="metabolism-balance">{t('metabolism.balance.title', { layer: layerLabel(balance.layer) })}</h2>
      {balance.exceedsTolerance === null ? (
        // The imbalance is withheld: its size, its sign, even whether it exceeds the tolerance would give a withheld figure away.
        <div class="alert alert-info metabolism-balance">
          <p>
            <strong>{t('metabolism.balance.withheld')}</strong>
          </p>
        </div>
      ) : balance.exceedsTolerance ? (
        <div class="alert alert-warn metabolism-balance" role="status">
          <p>
            <strong>{t('metabolism.balance.warning', { tolerance: number(balance.tolerance * 100, 1) })}</strong>
          </p>
          <p>{pick(balance.message)}</p>
        </div>
      ) : (
        <div class="alert alert-ok metabolism-balance">
          <p>
            <strong>{t('metabolism.balance.ok', { tolerance: number(balance.tolerance * 100, 1) })}</strong>
          </p>
          <p>{pick(balance.message)}</p>
        </div>
      )}
      {figures}
      <p class="small muted">{t('metabolism.balance.note')}</p>
    </section>
  );
}

function ScenarioSummary({ scenario }: { scenario: Scenario }) {
  if (isCounted(scenario)) {
    // Disclosure control: the synergies are counted, not listed (their flows and quantities are the actors').
    return (
      <p>
        {t('metabolism.scenario.appliedCount', {
          date: dateTime(scenario.analysisCreatedAt),
          applied: scenario.appliedCount,
          skipped: scenario.skippedCount,
        })}{' '}
        <a href="#metabolism-comparison">{t('metabolism.scenario.toComparison')}</a>
      </p>
    );
  }
  const skipped = grouped(scenario.skipped);
  const byLayer = LAYERS.map((l) => [l, scenario.applied.filter((a) => a.layer === l).length] as const).filter(([, n]) => n > 0);
  return (
    <>
      <p>
        {t('metabolism.scenario.applied', {
          date: dateTime(scenario.analysisCreatedAt),
          applied: scenario.applied.length,
          layers: byLayer.map(([l, n]) => t('metabolism.scenario.layerCount', { layer: layerLabel(l), n })).join(', ') || '—',
        })}{' '}
        <a href="#metabolism-comparison">{t('metabolism.scenario.toComparison')}</a>
      </p>
      {skipped.length > 0 && (
        <details class="metabolism-details">
          <summary>{t('metabolism.scenario.skipped', { n: scenario.skipped.length })}</summary>
          <ul>
            {skipped.map(([text, n]) => (
              <li key={text}>{t('metabolism.countedMessage', { n, message: text })}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function Metabolism({ code }: { code: string }) {
  const territory = useTerritory(code);
  const territoryApi = `/api/territories/${encodeURIComponent(code)}`;
  const [layer, setLayer] = useState<Layer>('material');
  const [family, setFamily] = useState<Family | ''>('');
  const [withScenario, setWithScenario] = useState(false);
  // The exports and the list of analyses are the facilitators' (every figure); contributors and readers see the
  // accounts and the scenario of the latest analysis with small groups withheld.
  const offer = useOffer(code);
  const current = useApi<MetabolismResponse>(`${territoryApi}/metabolism`);
  const analyses = useApi<{ items: AnalysisRun[] }>(offer.facilitate ? `${territoryApi}/analyses` : null);
  const scenarioOffered = !offer.facilitate || analyses.data !== undefined;
  const scenarioState = useApi<MetabolismResponse>(withScenario ? `${territoryApi}/metabolism?scenario=latest` : null);
  const noAnalysis = analyses.data?.items.length === 0 || (scenarioState.error instanceof ApiError && scenarioState.error.status === 404);
  const scenario = withScenario && !scenarioState.loading ? (scenarioState.data?.scenario ?? null) : null;
  const synergiesPage = `${territoryBase(code)}/synergies`;

  return (
    <Layout territory={territory.data} title={t('metabolism.title')}>
      <Status state={current}>
        {(data) => {
          const balance = data.massBalance[layer];
          const graph = scenario ? scenario.sankey[layer] : data.sankey[layer];
          const unit = unitLabel(graph.unit);
          const state = scenario ? t('metabolism.state.after') : t('metabolism.state.current');
          const flowsCaption = t('metabolism.flows.caption', { layer: layerLabel(layer), unit, state });
          const perimeter = family === '' ? t('metabolism.family.all') : familyLabel(family);
          const indicators = data.indicators.filter((i) => i.layer === layer).filter(inPerimeter(family));
          const comparison = scenario ? scenario.comparison.filter((c) => c.layer === layer).filter(inPerimeter(family)) : [];
          const notCounted = grouped(data.accounts.notCounted);
          const flowsNotCounted = data.accounts.notCountedFlows ?? 0;
          const rules = rulesOf(data.disclosure);
          const withheldLinks = graph.links.filter((l) => l.suppressed).length;
          return (
            <RulesContext.Provider value={rules}>
              <p class="metabolism-intro">{t('metabolism.intro')}</p>
              {data.disclosure && <DisclosureNotice report={data.disclosure} id="metabolism-secret" scope="metabolism" />}
              {(notCounted.length > 0 || flowsNotCounted > 0) && (
                <details class="metabolism-details">
                  <summary>{t('metabolism.notCounted', { n: data.accounts.notCounted.length + flowsNotCounted })}</summary>
                  <ul>
                    {notCounted.map(([text, n]) => (
                      <li key={text}>{t('metabolism.countedMessage', { n, message: text })}</li>
                    ))}
                    {flowsNotCounted > 0 && <li>{t('metabolism.notCountedFlows', { n: flowsNotCounted })}</li>}
                  </ul>
                </details>
              )}

              {offer.seesMetabolism && (
                <section aria-labelledby="metabolism-scenario" class="metabolism-section metabolism-scenario">
                  <h2 id="metabolism-scenario">{t('metabolism.scenario.title')}</h2>
                  <p>{t('metabolism.scenario.intro')}</p>
                  {noAnalysis && offer.facilitate ? (
                    <p class="metabolism-note">
                      {t('metabolism.scenario.none')} <a href={synergiesPage}>{t('metabolism.scenario.toSynergies')}</a>
                    </p>
                  ) : scenarioOffered ? (
                    <>
                      <button
                        type="button"
                        class="metabolism-toggle"
                        aria-pressed={withScenario}
                        onClick={() => setWithScenario(!withScenario)}
                      >
                        <span class="metabolism-toggle-box" aria-hidden="true">
                          {withScenario ? '✓' : ''}
                        </span>
                        {t('metabolism.scenario.toggle')}
                      </button>
                      {analyses.data?.items[0] && (
                        <p class="small muted">{t('metabolism.scenario.latest', { date: dateTime(analyses.data.items[0].createdAt) })}</p>
                      )}
                    </>
                  ) : (
                    <Status state={analyses}>{() => null}</Status>
                  )}
                  {withScenario && scenarioState.error && !noAnalysis && (
                    <p class="alert alert-error" role="alert">
                      {t('common.error', { message: scenarioState.error.message })}
                    </p>
                  )}
                  <div role="status" class="metabolism-scenario-status">
                    {withScenario && scenarioState.loading && <p class="muted">{t('metabolism.scenario.loading')}</p>}
                    {withScenario && noAnalysis && !offer.facilitate && <p class="metabolism-note">{t('metabolism.scenario.noneYet')}</p>}
                    {scenario && <ScenarioSummary scenario={scenario} />}
                  </div>
                </section>
              )}

              <LayerTabs layer={layer} onChange={setLayer}>
                <Balance balance={balance} />

                <section aria-labelledby="metabolism-flows" class="metabolism-section">
                  <h2 id="metabolism-flows">{t('metabolism.flows.title', { layer: layerLabel(layer), unit })}</h2>
                  <p>
                    <span class={scenario ? 'metabolism-state metabolism-state-after' : 'metabolism-state'}>{state}</span>{' '}
                    {t('metabolism.flows.intro')}
                  </p>
                  <div class="metabolism-sankey">
                    <SankeyChart
                      graph={graph}
                      label={`${t('metabolism.sankey.label', {
                        layer: layerLabel(layer),
                        unit,
                        state,
                        links: graph.links.length,
                        entering: amountText(balance.entering, graph.unit, rules),
                        leaving: amountText(balance.leaving, graph.unit, rules),
                        caption: flowsCaption,
                      })}${withheldLinks > 0 ? ` ${t('metabolism.sankey.withheld', { n: withheldLinks })}` : ''}`}
                      empty={t('metabolism.sankey.empty', { caption: flowsCaption })}
                    />
                    {withheldLinks > 0 && (
                      <p class="small muted metabolism-sankey-gaps">{t('metabolism.sankey.gaps', { n: withheldLinks })}</p>
                    )}
                    <SankeyTable graph={graph} caption={flowsCaption} id="metabolism-flows-table" />
                    {nodesCarryValues(graph) && (
                      <SankeyNodeTable
                        graph={graph}
                        caption={t('metabolism.nodes.caption', { layer: layerLabel(layer), unit, state })}
                        id="metabolism-nodes-table"
                      />
                    )}
                  </div>
                </section>

                <section aria-labelledby="metabolism-indicators" class="metabolism-section">
                  <h2 id="metabolism-indicators">{t('metabolism.indicators.title')}</h2>
                  <div class="metabolism-perimeter">
                    <label for="metabolism-family">{t('metabolism.perimeter.label')}</label>
                    <select
                      id="metabolism-family"
                      value={family}
                      onChange={(e) => setFamily((e.currentTarget as HTMLSelectElement).value as Family | '')}
                    >
                      <option value="">{t('metabolism.family.all')}</option>
                      {FAMILIES.map((f) => (
                        <option key={f} value={f}>
                          {familyLabel(f)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <p class="small muted">{t('metabolism.indicators.intro')}</p>
                  <IndicatorTable
                    indicators={indicators}
                    caption={t('metabolism.indicators.caption', { layer: layerLabel(layer), perimeter })}
                  />
                </section>

                {scenario && (
                  <section aria-labelledby="metabolism-comparison" class="metabolism-section">
                    <h2 id="metabolism-comparison" tabIndex={-1}>
                      {t('metabolism.comparison.title')}
                    </h2>
                    <p class="small muted">{t('metabolism.comparison.intro')}</p>
                    <ComparisonTable
                      rows={comparison}
                      caption={t('metabolism.comparison.caption', {
                        layer: layerLabel(layer),
                        perimeter,
                        date: dateTime(scenario.analysisCreatedAt),
                      })}
                    />
                  </section>
                )}
              </LayerTabs>

              {offer.facilitate && (
                <section aria-labelledby="metabolism-exports" class="metabolism-section">
                  <h2 id="metabolism-exports">{t('metabolism.exports.title')}</h2>
                  <p class="small muted">{t('metabolism.exports.intro')}</p>
                  <ul class="metabolism-downloads">
                    <li>
                      <a href={`${territoryApi}/metabolism/export?format=csv&table=comptes`} download>
                        {t('metabolism.exports.accountsCsv')}
                      </a>
                    </li>
                    <li>
                      <a href={`${territoryApi}/metabolism/export?format=csv&table=indicateurs`} download>
                        {t('metabolism.exports.indicatorsCsv')}
                      </a>
                    </li>
                    <li>
                      <a href={`${territoryApi}/metabolism/export?format=xlsx`} download>
                        {t('metabolism.exports.xlsx')}
                      </a>
                    </li>
                  </ul>
                </section>
              )}

              <Interdependencies code={code} />
            </RulesContext.Provider>
          );
        }}
      </Status>
    </Layout>
  );
}
