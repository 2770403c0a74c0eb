/**
 * The tables of the metabolism page: the Sankey's links (and, when figures are withheld, its
 * nodes' values), the indicators, the scenario's comparison. A withheld figure is « s » (Fig).
 */
import type { ComponentChildren } from 'preact';
import { pick, t } from '../../../app/i18n/index.js';
import { familyLabel, signed, unitLabel, value, withUnit } from './format.js';
import { percent } from '../../../ui/format.js';
import { Fig, Secret } from './secret.js';
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
              <td class="number">
                <Fig reason={l.suppressed}>{value(l.value, graph.unit)}</Fig>
              </td>
              <td>{unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** True when the API gives the nodes' values (figures withheld: they cannot be summed from the links). */
export function nodesCarryValues(graph: SankeyGraph): boolean {
  return graph.nodes.some((n) => n.value !== undefined);
}

/**
 * The nodes of the diagram with the values the API gives them: with links withheld, the chart
 * draws each node at its own value, which the links table alone would not tell.
 */
export function SankeyNodeTable({ graph, caption, id }: { graph: SankeyGraph; caption: string; id: string }) {
  const unit = unitLabel(graph.unit);
  return (
    <TableWrap captionId={`${id}-caption`}>
      <table id={id} class="metabolism-nodes">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metabolism.nodes.name')}</th>
            <th scope="col" class="number">
              {t('metabolism.flows.quantity')}
            </th>
            <th scope="col">{t('metabolism.flows.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {graph.nodes.map((n) => (
            <tr key={n.id}>
              <th scope="row">{pick(n.name)}</th>
              <td class="number">
                <Fig reason={n.suppressed}>{value(n.value, graph.unit)}</Fig>
              </td>
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
                {i.suppressed?.value ? (
                  <Secret reason={i.suppressed.value} />
                ) : i.value === null ? (
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
              <td class="number">
                <Fig reason={i.suppressed?.coverage}>
                  {i.coverage === undefined ? t('metabolism.indicators.coverageNa') : percent(i.coverage, 0)}
                </Fig>
              </td>
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
              <td class="number">
                <Fig reason={r.suppressed?.before}>{value(r.before, r.unit)}</Fig>
              </td>
              <td class="number">
                <Fig reason={r.suppressed?.after}>{value(r.after, r.unit)}</Fig>
              </td>
              <td class="number">
                <Fig reason={r.suppressed?.delta}>{signed(r.delta, r.unit)}</Fig>
              </td>
              <td>{unitLabel(r.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
