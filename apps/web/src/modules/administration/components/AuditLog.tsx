/**
 * The territory's audit log, newest first, a page at a time: when, who (the account's e-mail
 * today, « compte supprimé » once it is gone, or the API key), what was done to which record, and
 * the details the server keeps (IDs and counts, never a name or an address). The whole log is one
 * CSV download away.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../../../api/query.js';
import { t } from '../../../app/i18n/index.js';
import { dateTime, number } from '../../../ui/format.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Status } from '../../../ui/Status.js';
import { labelOr } from './common.js';

export interface AuditEvent {
  id: number;
  at: string;
  userId: string | null;
  userEmail: string | null;
  apiKeyId: string | null;
  territoryCode: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

interface AuditPage {
  items: AuditEvent[];
  total: number;
  limit: number;
  offset: number;
}

export const AUDIT_PAGE = 20;

function Who({ e }: { e: AuditEvent }) {
  if (e.userEmail) return <>{e.userEmail}</>;
  if (e.userId) return <span class="muted">{t('admin.audit.deleted')}</span>;
  if (e.apiKeyId) return <span>{t('admin.audit.apiKey')}</span>;
  return <span class="muted">{t('admin.audit.system')}</span>;
}

function detailValue(v: unknown): string {
  if (v === null || v === undefined) return t('admin.audit.none');
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return number(v, 2);
  return JSON.stringify(v);
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <ul class="admin-details">
      {entries.map(([k, v]) => (
        <li key={k}>
          <span class="admin-details-key">{k}</span>
          {t('admin.colon')}
          <code>{detailValue(v)}</code>
        </li>
      ))}
    </ul>
  );
}

export function AuditLog({ code, revision }: { code: string; revision: number }) {
  const [offset, setOffset] = useState(0);
  const params = new URLSearchParams({ territory: code, limit: String(AUDIT_PAGE), offset: String(offset) });
  const log = useApi<AuditPage>(`/api/audit?${params.toString()}`);
  const first = useRef(true);
  // Something was done elsewhere on the page (which refreshes the log): back to the newest events, which show it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setOffset(0);
  }, [revision]);

  const page = log.data;
  const from = page && page.total > 0 ? page.offset + 1 : 0;
  const to = page ? page.offset + page.items.length : 0;

  return (
    <section aria-labelledby="admin-audit" class="admin-section">
      <h2 id="admin-audit">{t('admin.audit.title')}</h2>
      <p>{t('admin.audit.intro')}</p>
      <p>
        <a href={`/api/audit/export?territory=${encodeURIComponent(code)}`} download>
          {t('admin.audit.csv')}
        </a>
      </p>
      <p role="status" class="admin-range">
        {page
          ? page.total === 0
            ? t('admin.audit.empty')
            : t('admin.audit.range', { from: number(from, 0), to: number(to, 0), total: number(page.total, 0) })
          : ''}
      </p>
      <Status state={log}>
        {({ items, total }) =>
          total === 0 ? null : (
            <>
              <DataTable
                caption={t('admin.audit.caption', { from: number(from, 0), to: number(to, 0), total: number(total, 0) })}
                captionId="admin-audit-caption"
                class="access-table admin-audit"
                wrap="access-table-wrap"
                region
                rows={items}
                rowKey={(e) => e.id}
                rowProps={(e) => ({ 'data-action': e.action, 'data-entity': e.entity })}
                columns={[
                  { header: t('admin.audit.at'), class: 'admin-nowrap', cell: (e) => <time dateTime={e.at}>{dateTime(e.at)}</time> },
                  { header: t('admin.audit.user'), cell: (e) => <Who e={e} /> },
                  {
                    header: t('admin.audit.action'),
                    cell: (e) => labelOr(`admin.audit.action.${e.action}.${e.entity}`, labelOr(`admin.audit.action.${e.action}`, e.action)),
                  },
                  { header: t('admin.audit.entity'), cell: (e) => labelOr(`admin.audit.entity.${e.entity}`, e.entity) },
                  { header: t('admin.audit.entityId'), cell: (e) => (e.entityId ? <code class="admin-id">{e.entityId}</code> : '') },
                  { header: t('admin.audit.details'), cell: (e) => <Details details={e.details} /> },
                ]}
              />
              {total > AUDIT_PAGE && (
                <nav class="admin-pager" aria-label={t('admin.audit.pages')}>
                  {/* aria-disabled, not disabled: the button keeps the focus when the last page is reached. */}
                  <button
                    type="button"
                    class="secondary"
                    aria-disabled={offset === 0 ? 'true' : undefined}
                    onClick={() => !log.loading && offset > 0 && setOffset(Math.max(0, offset - AUDIT_PAGE))}
                  >
                    {t('admin.audit.newer')}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-disabled={to >= total ? 'true' : undefined}
                    onClick={() => !log.loading && to < total && setOffset(offset + AUDIT_PAGE)}
                  >
                    {t('admin.audit.older')}
                  </button>
                </nav>
              )}
            </>
          )
        }
      </Status>
    </section>
  );
}
