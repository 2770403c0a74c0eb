/**
 * Interdependencies with another territory: the flows crossing the two boundaries, as each side
 * declares them, with the gap and the dependency of the destination on the origin; the same table
 * as CSV or XLSX for a negotiation. The other territory is chosen in a form (no change of content
 * on a mere selection). Below the facilitators of both territories, figures are withheld as on the
 * rest of the page (« s », with the answer's own disclosure notice).
 */
import { useState } from 'preact/hooks';
import type { Territory } from '../../../api/client.js';
import { Status } from '../../../ui/Status.js';
import { useApi } from '../../../api/query.js';
import { t } from '../../../app/i18n/index.js';
import { quantity } from '../../../ui/format.js';
import { familyLabel, layerLabel, signed, unitLabel, withUnit } from './format.js';
import { DisclosureNotice, Fig, RulesContext, rulesOf } from './secret.js';
import { TableWrap } from './tables.js';
import { rowReason, type InterdependencyResponse } from './types.js';

export function Interdependencies({ code }: { code: string }) {
  const territories = useApi<{ items: Territory[] }>('/api/territories');
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState<string | null>(null);
  const pair = other ? `${encodeURIComponent(code)},${encodeURIComponent(other)}` : null;
  const result = useApi<InterdependencyResponse>(pair ? `/api/interdependencies?territories=${pair}` : null);
  const others = territories.data?.items.filter((x) => x.code !== code) ?? [];

  function submit(e: Event) {
    e.preventDefault();
    setOther(choice || null);
  }

  return (
    <section aria-labelledby="metabolism-interdependencies" class="metabolism-section">
      <h2 id="metabolism-interdependencies">{t('metabolism.inter.title')}</h2>
      <p>{t('metabolism.inter.intro')}</p>
      <Status state={territories}>
        {() =>
          others.length === 0 ? (
            <p class="muted">{t('metabolism.inter.noOther')}</p>
          ) : (
            <form class="metabolism-inter-form" onSubmit={submit}>
              <div>
                <label for="metabolism-other">{t('metabolism.inter.other')}</label>
                <select id="metabolism-other" value={choice} onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">{t('metabolism.inter.choose')}</option>
                  {others.map((x) => (
                    <option key={x.code} value={x.code}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t('metabolism.inter.show')}</button>
            </form>
          )
        }
      </Status>
      <p role="status" class="visually-hidden">
        {pair && !result.loading && result.data ? t('metabolism.inter.count', { n: result.data.rows.length }) : ''}
      </p>
      {pair && other && (
        <div>
          <Status state={result}>
            {(data) => {
              const names = new Map(data.territories.map((x) => [x.code, x.name]));
              const otherName = names.get(other) ?? other;
              return (
                <RulesContext.Provider value={rulesOf(data.disclosure)}>
                  {data.disclosure && <DisclosureNotice report={data.disclosure} id="metabolism-inter-secret" scope="inter" />}
                  {data.rows.length === 0 ? (
                    <p class="alert alert-warn">{t('metabolism.inter.none', { other: otherName })}</p>
                  ) : (
                    <TableWrap captionId="metabolism-inter-caption">
                      <table class="metabolism-inter">
                        <caption id="metabolism-inter-caption">{t('metabolism.inter.caption', { other: otherName })}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('metabolism.inter.from')}</th>
                            <th scope="col">{t('metabolism.inter.to')}</th>
                            <th scope="col">{t('metabolism.inter.layer')}</th>
                            <th scope="col">{t('metabolism.inter.family')}</th>
                            <th scope="col" class="number">
                              {t('metabolism.inter.bySource')}
                            </th>
                            <th scope="col" class="number">
                              {t('metabolism.inter.byDestination')}
                            </th>
                            <th scope="col" class="number">
                              {t('metabolism.inter.gap')}
                            </th>
                            <th scope="col" class="number">
                              {t('metabolism.inter.dependency')}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {data.rows.map((r) => (
                            <tr
                              key={`${r.from}>${r.to}/${r.layer}/${r.family ?? ''}`}
                              class={r.family === null ? 'metabolism-row-total' : undefined}
                            >
                              <td>{names.get(r.from) ?? r.from}</td>
                              <td>{names.get(r.to) ?? r.to}</td>
                              <td>{layerLabel(r.layer)}</td>
                              <td>{familyLabel(r.family)}</td>
                              <td class="number">
                                <Fig reason={rowReason(r, 'declaredBySource')}>{withUnit(r.declaredBySource, r.unit)}</Fig>
                              </td>
                              <td class="number">
                                <Fig reason={rowReason(r, 'declaredByDestination')}>{withUnit(r.declaredByDestination, r.unit)}</Fig>
                              </td>
                              <td class="number">
                                <Fig reason={rowReason(r, 'gap')}>{`${signed(r.gap, r.unit)}\u00a0${unitLabel(r.unit)}`}</Fig>
                              </td>
                              <td class="number">
                                <Fig reason={rowReason(r, 'dependency')}>
                                  {r.dependency === null ? t('metabolism.inter.noInputs') : quantity(r.dependency, '%')}
                                </Fig>
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableWrap>
                  )}
                  <p class="small muted">{t('metabolism.inter.notes')}</p>
                  {/* The exports hold every figure: for the facilitators of both territories only (who get no disclosure report). */}
                  {!data.disclosure && (
                    <ul class="metabolism-downloads">
                      <li>
                        <a href={`/api/interdependencies/export?territories=${pair}&format=csv`} download>
                          {t('metabolism.inter.csv')}
                        </a>
                      </li>
                      <li>
                        <a href={`/api/interdependencies/export?territories=${pair}&format=xlsx`} download>
                          {t('metabolism.inter.xlsx')}
                        </a>
                      </li>
                    </ul>
                  )}
                </RulesContext.Provider>
              );
            }}
          </Status>
        </div>
      )}
    </section>
  );
}
