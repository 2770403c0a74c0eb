import './followup.css';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { messageOf, Notice, NO_NOTICE, notice, type NoticeState } from '../../ui/fields.js';
import { statusLabel } from './components/parts.js';
import { openCase } from './components/cases.js';
import { SynergyItems } from './components/SynergyItems.js';
import { ABANDON_REASONS, STATUSES, STEPS, type Pipeline, type Status, type SynergyItem } from './components/types.js';
import { Layout } from '../../app/Layout.js';
import { Status as LoadStatus } from '../../ui/Status.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { number, percent } from '../../ui/format.js';
import { useOffer } from '../../app/session.js';
import { territoryBase, useTerritory } from '../../app/territory.js';

function PipelineView({ pipeline }: { pipeline: Pipeline }) {
  const max = Math.max(1, ...STATUSES.map((s) => pipeline.counts[s] ?? 0));
  const reached = pipeline.reached;
  const reasons = ABANDON_REASONS.filter((r) => (pipeline.abandonReasons[r] ?? 0) > 0);
  return (
    <>
      <div class="followup-conversion figure">
        <p class="followup-conversion-label" id="conversion-label">
          {t('followup.conversion')}
        </p>
        <p class="followup-conversion-value" aria-describedby="conversion-label conversion-hint">
          {percent(pipeline.conversion.detectedToImplemented)}
        </p>
        <p class="small muted" id="conversion-hint">
          {t('followup.conversion.hint')}
        </p>
      </div>
      <table class="followup-pipeline">
        <caption>{t('followup.pipeline.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followup.pipeline.step')}</th>
            <th scope="col" class="number">
              {t('followup.pipeline.now')}
            </th>
            {reached && (
              <th scope="col" class="number">
                {t('followup.pipeline.reached')}
              </th>
            )}
            <th scope="col" aria-hidden="true" class="followup-bar-col" />
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((s) => {
            const n = pipeline.counts[s] ?? 0;
            return (
              <tr key={s} class={`followup-step-${s}`}>
                <th scope="row">{statusLabel(s)}</th>
                <td class="number" data-status={s}>
                  {number(n, 0)}
                </td>
                {reached && <td class="number">{s === 'abandoned' ? '—' : number(reached[s] ?? 0, 0)}</td>}
                <td aria-hidden="true" class="followup-bar-col">
                  <span class={`followup-bar status-bar-${s}`} style={{ width: `${(100 * n) / max}%` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('followup.reasons.title')}</h3>
      {reasons.length === 0 ? (
        <p>{t('followup.reasons.none')}</p>
      ) : (
        <table class="followup-reasons">
          <caption>{t('followup.reasons.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followup.reasons.reason')}</th>
              <th scope="col" class="number">
                {t('followup.reasons.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r}>
                <th scope="row">{t(`followup.reason.${r}`)}</th>
                <td class="number">{number(pipeline.abandonReasons[r] ?? 0, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** /t/:code/suivi: the pipeline from detection to implementation, then the synergies by status. */
export function FollowUp({ code }: { code: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  const base = territoryBase(code);
  const { path, query, route } = useLocation();
  const status = STATUSES.find((s) => s === query.statut) ?? '';
  const apiBase = `/api/territories/${encodeURIComponent(code)}`;
  const pipeline = useApi<Pipeline>(`${apiBase}/pipeline`);
  const list = useApi<{ items: SynergyItem[]; total: number }>(`${apiBase}/synergies${status ? `?status=${status}` : ''}`);
  const [opening, setOpening] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);

  async function open(item: SynergyItem) {
    setOpening(item.id);
    try {
      const created = await openCase(code, item.id);
      route(`${base}/suivi/${encodeURIComponent(created.id)}`);
    } catch (e) {
      setMessage((m) => notice(m, 'error', t('common.error', { message: messageOf(e) })));
      setOpening(undefined);
    }
  }

  const count = list.data ? list.data.total : undefined;
  return (
    <Layout territory={territory.data} title={t('followup.title')}>
      <LoadStatus state={territory}>
        {() => (
          <>
            <p class="lead">
              {offer.facilitate
                ? t('followup.intro.facilitator')
                : offer.standing === 'contribute'
                  ? t('followup.intro.contributor')
                  : t('followup.intro.reader')}
            </p>
            <section aria-labelledby="pipeline-title">
              <h2 id="pipeline-title">{t('followup.pipeline.title')}</h2>
              <LoadStatus state={pipeline}>{(p) => <PipelineView pipeline={p} />}</LoadStatus>
            </section>
            <section aria-labelledby="followup-list-title">
              <h2 id="followup-list-title">{t('followup.list.title')}</h2>
              <form class="followup-filters" role="search" aria-label={t('followup.filter.label')} onSubmit={(e) => e.preventDefault()}>
                <label for="followup-status">{t('followup.filter.status')}</label>
                <select
                  id="followup-status"
                  value={status}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    route(v ? `${path}?statut=${v}` : path, true);
                  }}
                >
                  <option value="">{t('followup.filter.all')}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(s)}
                    </option>
                  ))}
                </select>
              </form>
              <p role="status" aria-live="polite" class="followup-count">
                {list.loading
                  ? t('common.loading')
                  : count === undefined
                    ? ''
                    : count === 0
                      ? t('followup.list.none')
                      : t('followup.list.count', { n: number(count, 0) })}
              </p>
              <Notice {...message} />
              <LoadStatus state={list}>
                {(l) =>
                  // While another status loads, the rows of the previous one are not shown under the new caption.
                  list.loading || l.items.length === 0 ? null : (
                    <SynergyItems
                      items={l.items}
                      base={base}
                      caption={
                        status ? t('followup.list.captionStatus', { status: statusLabel(status as Status) }) : t('followup.list.caption')
                      }
                      facilitate={offer.facilitate}
                      opening={opening}
                      onOpenCase={offer.facilitate ? (item) => void open(item) : undefined}
                    />
                  )
                }
              </LoadStatus>
              {offer.facilitate && <p class="small muted">{t('followup.steps', { steps: STEPS.map(statusLabel).join(' → ') })}</p>}
            </section>
          </>
        )}
      </LoadStatus>
    </Layout>
  );
}
