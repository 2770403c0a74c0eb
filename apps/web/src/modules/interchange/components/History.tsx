/** The territory's latest imports (dry runs included), newest first, with their rejected-rows files. */
import { DataTable } from '../../../ui/DataTable.js';
import { Status } from '../../../ui/Status.js';
import type { Loaded } from '../../../api/query.js';
import { t } from '../../../app/i18n/index.js';
import { dateTime, MISSING, number } from '../../../ui/format.js';
import { SHEET_NAMES, isMode, type ImportRun } from './types.js';

function sum(run: ImportRun, key: 'created' | 'updated' | 'rejected'): number {
  const counts = run.report?.counts;
  if (!counts) return 0;
  return SHEET_NAMES.reduce((s, sheet) => s + (counts[sheet]?.[key] ?? 0), 0);
}

export function History({ code, state }: { code: string; state: Loaded<{ items: ImportRun[] }> }) {
  return (
    <Status state={state}>
      {({ items }) => (
        // Scrolls sideways on narrow screens: focusable and named, so that the keyboard can scroll it.
        <DataTable
          caption={t('importexport.history.caption')}
          captionId="ie-history-caption"
          class="ie-history"
          wrap="ie-table-scroll"
          region
          rows={items}
          rowKey={(run) => run.id}
          empty={t('importexport.history.none')}
          columns={[
            {
              header: t('importexport.history.date'),
              rowHeader: true,
              cell: (run) => <time dateTime={run.createdAt}>{dateTime(run.createdAt)}</time>,
            },
            {
              header: t('importexport.history.file'),
              class: 'ie-filename',
              cell: (run) => run.fileName ?? <span class="muted">{t('importexport.history.unnamed')}</span>,
            },
            { header: t('importexport.history.mode'), cell: (run) => (isMode(run.mode) ? t(`importexport.mode.${run.mode}`) : run.mode) },
            { header: t('importexport.history.written'), cell: (run) => t(run.written ? 'importexport.yes' : 'importexport.no') },
            { header: t('importexport.history.created'), numeric: true, cell: (run) => number(sum(run, 'created'), 0) },
            { header: t('importexport.history.updated'), numeric: true, cell: (run) => number(sum(run, 'updated'), 0) },
            { header: t('importexport.history.rejected'), numeric: true, cell: (run) => number(sum(run, 'rejected'), 0) },
            { header: t('importexport.history.errors'), numeric: true, cell: (run) => number(run.report?.issueCount ?? 0, 0) },
            {
              header: t('importexport.history.rejectedFile'),
              cell: (run) =>
                run.hasRejectedFile ? (
                  <a
                    href={`/api/territories/${encodeURIComponent(code)}/imports/${encodeURIComponent(run.id)}/rejets.xlsx`}
                    download="rejets.xlsx"
                  >
                    {t('importexport.history.download')}
                    <span class="visually-hidden"> — {t('importexport.history.downloadOf', { date: dateTime(run.createdAt) })}</span>
                  </a>
                ) : (
                  MISSING
                ),
            },
          ]}
        />
      )}
    </Status>
  );
}
