/** The parts of a synergy's page: its checks, impacts, allocation and score. */
import { pick, t } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { CheckBadge } from './CheckBadge.js';
import { NotEstimated } from './AnalysisView.js';
import { readableQuantity, unitLabel } from '../../../ui/synergy-format.js';
import { CHECK_NAMES, IMPACT_NAMES, SCORE_COMPONENTS, type StoredAnalysis, type Synergy } from './types.js';

function Estimate() {
  return <span class="tag estimate">{t('synergies.estimate')}</span>;
}

export function Checks({ synergy }: { synergy: Synergy }) {
  return (
    <section aria-labelledby="verifications">
      <h2 id="verifications">{t('synergies.detail.checks')}</h2>
      <p>{t('synergies.detail.checksIntro')}</p>
      <div class="table-scroll" role="region" aria-labelledby="checks-caption" tabIndex={0}>
        <table class="checks-table">
          <caption id="checks-caption">{t('synergies.detail.checksCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('synergies.detail.col.check')}</th>
              <th scope="col">{t('synergies.detail.col.status')}</th>
              <th scope="col">{t('synergies.detail.col.detail')}</th>
              <th scope="col">{t('synergies.detail.col.question')}</th>
            </tr>
          </thead>
          <tbody>
            {CHECK_NAMES.map((name) => {
              const check = synergy.checks[name];
              if (!check) return null;
              return (
                <tr key={name}>
                  <th scope="row">{t(`synergies.check.${name}`)}</th>
                  <td>
                    <CheckBadge status={check.status} />
                  </td>
                  <td>{pick(check.detail)}</td>
                  <td>{check.question ? pick(check.question) : <span class="muted">{t('synergies.detail.noQuestion')}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Impacts({ synergy }: { synergy: Synergy }) {
  const { basis, mode, figures } = synergy.impacts;
  const modeText = t(`synergies.mode.${mode}`);
  return (
    <section aria-labelledby="impacts">
      <h2 id="impacts">{t('synergies.detail.impacts')}</h2>
      <p>
        {basis.quantity === null
          ? t('synergies.detail.basis.unknown', { mode: modeText })
          : t(`synergies.detail.basis.${basis.kind}`, {
              quantity: `${readableQuantity(basis.quantity, basis.unit)}${t('synergies.unit.perYear')}`,
              mode: modeText,
            })}
      </p>
      <p class="alert alert-warn">{t('synergies.detail.impactsIntro')}</p>
      <div class="table-scroll" role="region" aria-labelledby="impacts-caption" tabIndex={0}>
        <table class="impacts-table">
          <caption id="impacts-caption">{t('synergies.detail.impactsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('synergies.detail.col.indicator')}</th>
              <th scope="col" class="number">
                {t('synergies.detail.col.value')}
              </th>
              <th scope="col">{t('synergies.detail.col.method')}</th>
              <th scope="col">{t('synergies.detail.col.factors')}</th>
            </tr>
          </thead>
          <tbody>
            {IMPACT_NAMES.map((name) => {
              const f = figures[name];
              if (!f) return null;
              return (
                <tr key={name}>
                  <th scope="row">{t(`synergies.impact.${name}`)}</th>
                  <td class="number">
                    {f.value === null ? (
                      <NotEstimated />
                    ) : (
                      <>
                        <span class="nowrap">{readableQuantity(f.value, f.unit)}</span> <Estimate />
                      </>
                    )}
                  </td>
                  <td class="small">{pick(f.method)}</td>
                  <td class="small">
                    {f.factors.length === 0 ? (
                      <span class="muted">{t('synergies.detail.noFactor')}</span>
                    ) : (
                      <ul class="factors">
                        {f.factors.map((factor) => (
                          <li key={factor.name}>
                            <code>{factor.name}</code> :{' '}
                            {factor.value === null ? (
                              <em>{t('synergies.detail.factorMissing')}</em>
                            ) : (
                              `${number(factor.value, 4)} ${unitLabel(factor.unit)}`
                            )}
                            {' — '}
                            {factor.source ? (
                              <a href={factor.source.url}>{factor.source.title}</a>
                            ) : (
                              <span class="muted">{t('synergies.detail.noSource')}</span>
                            )}
                            {factor.estimate && <Estimate />}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Allocation({ synergy, objective }: { synergy: Synergy; objective: 'co2' | 'cost' }) {
  const a = synergy.allocation;
  return (
    <section aria-labelledby="allocation">
      <h2 id="allocation">{t('synergies.detail.allocation')}</h2>
      {a.quantity === null ? (
        <p>{pick(a.reason)}</p>
      ) : (
        <>
          <p>
            {a.quantity === 0
              ? t('synergies.detail.allocatedZero')
              : t('synergies.detail.allocated', { quantity: `${readableQuantity(a.quantity, a.unit)}${t('synergies.unit.perYear')}` })}
          </p>
          <p>
            {a.benefitPerUnit === null
              ? t('synergies.detail.benefitUnknown')
              : t('synergies.detail.benefit', {
                  value: `${number(a.benefitPerUnit, 2)} ${objective === 'co2' ? 'kg CO2e' : '€'}/${unitLabel(a.unit)}`,
                })}
          </p>
        </>
      )}
    </section>
  );
}

export function Score({ synergy, analysis }: { synergy: Synergy; analysis: StoredAnalysis }) {
  const weights = analysis.result.weights;
  return (
    <section aria-labelledby="score">
      <h2 id="score">{t('synergies.detail.score')}</h2>
      <p>{t('synergies.detail.scoreIntro', { value: number(synergy.score.value, 1) })}</p>
      <table class="score-table">
        <caption>{t('synergies.detail.scoreCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('synergies.detail.col.component')}</th>
            <th scope="col" class="number">
              {t('synergies.detail.col.componentValue')}
            </th>
            <th scope="col" class="number">
              {t('synergies.detail.col.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {SCORE_COMPONENTS.map((c) => (
            <tr key={c}>
              <th scope="row">{t(`synergies.component.${c}`)}</th>
              <td class="number">{number(synergy.score.components[c], 2)}</td>
              <td class="number">{number(weights[c], 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
