/** The tables of the metabolism page: the Sankey's links, the indicators, the scenario's comparison. */
import type { ComponentChildren } from 'preact';
import { pick, t } from '../../i18n/index.js';
import { familyLabel, share, signed, unitLabel, value, withUnit } from './format.js';
import type { Indicator, IndicatorChange, SankeyGraph } from './types.js';

/**
 * A table that may be wider than a small screen: it scrolls inside a region that is labelled by the
 * table's caption and takes the keyboard focus, so it can be scrolled without a mouse.
 */
export function TableWrap({ captionId, children }: { captionId: string; children: ComponentChildren }) {
  return (
    <div class="metabolism-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}

/** The links of the Sankey diagram, in words: the chart's accessible equivalent. */
export function SankeyTable({ graph, caption, id }: { graph: SankeyGraph; caption: string; id: string }) {
  const names = new Map(graph.nodes.map((n) => [n.id, pick(n.name)]));
  const unit = unitLabel(graph.unit);
  return (
    <TableWrap captionId={`${id}-caption`}>
      <table id={id} class="metabolism-flows">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metabolism.flows.source')}</th>
            <th scope="col">{t('metabolism.flows.target')}</th>
            <th scope="col">{t('metabolism.flows.family')}</th>
            <th scope="col" class="number">
              {t('metabolism.flows.quantity')}
            </th>
            <th scope="col">{t('metabolism.flows.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {graph.links.map((l) => (
            <tr key={`${l.source}>${l.target}`}>
              <td>{names.get(l.source) ?? l.source}</td>
              <td>{names.get(l.target) ?? l.target}</td>
              <td>{l.family ? familyLabel(l.family) : t('metabolism.flows.noFamily')}</td>
              <td class="number">{value(l.value, graph.unit)}</td>
              <td>{unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The indicators of a layer (or of one family of it), each with its definition and formula one click away. */
export function IndicatorTable({ indicators, caption }: { indicators: Indicator[]; caption: string }) {
  return (
    <TableWrap captionId="metabolism-indicators-caption">
      <table class="metabolism-indicators">
        <caption id="metabolism-indicators-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metabolism.indicators.name')}</th>
            <th scope="col" class="number">
              {t('metabolism.indicators.value')}
            </th>
            <th scope="col">{t('metabolism.indicators.needs')}</th>
            <th scope="col" class="number">
              {t('metabolism.indicators.coverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={`${i.id}/${i.family ?? ''}`}>
              <th scope="row">
                <details class="metabolism-definition">
                  <summary>{pick(i.name)}</summary>
                  <p>{pick(i.definition)}</p>
                  <p class="small">
                    {t('metabolism.indicators.formula')} <code>{i.formula}</code>
                  </p>
                </details>
              </th>
              <td class="number">
                {i.value === null ? (
                  <>
                    <span>{t('metabolism.indicators.notComputed')}</span>
                    {i.missing && <span class="metabolism-missing">{pick(i.missing)}</span>}
                  </>
                ) : (
                  withUnit(i.value, i.unit)
                )}
              </td>
              <td>
                <span class={`metabolism-needs metabolism-needs-${i.needs}`}>{t(`metabolism.needs.${i.needs}`)}</span>
              </td>
              <td class="number">{i.coverage === undefined ? t('metabolism.indicators.coverageNa') : share(i.coverage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Each indicator before and after the synergies, with the change and its sign. */
export function ComparisonTable({ rows, caption }: { rows: IndicatorChange[]; caption: string }) {
  return (
    <TableWrap captionId="metabolism-comparison-caption">
      <table class="metabolism-comparison">
        <caption id="metabolism-comparison-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metabolism.comparison.indicator')}</th>
            <th scope="col" class="number">
              {t('metabolism.comparison.before')}
            </th>
            <th scope="col" class="number">
              {t('metabolism.comparison.after')}
            </th>
            <th scope="col" class="number">
              {t('metabolism.comparison.change')}
            </th>
            <th scope="col">{t('metabolism.comparison.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-indicator={r.id}>
              <th scope="row">{pick(r.name)}</th>
              <td class="number">{value(r.before, r.unit)}</td>
              <td class="number">{value(r.after, r.unit)}</td>
              <td class="number">
                {signed(r.delta, r.unit)}
              </td>
              <td>{unitLabel(r.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
