/** The territory's latest imports (dry runs included), newest first, with their rejected-rows files. */
import { Status } from '../../../ui/Status.js';
import type { Loaded } from '../../../api/query.js';
import { t } from '../../../app/i18n/index.js';
import { dateTime, number } from '../../../ui/format.js';
import { SHEET_NAMES, isMode, type ImportRun } from './types.js';

function sum(run: ImportRun, key: 'created' | 'updated' | 'rejected'): number {
  const counts = run.report?.counts;
  if (!counts) return 0;
  return SHEET_NAMES.reduce((s, sheet) => s + (counts[sheet]?.[key] ?? 0), 0);
}

export function History({ code, state }: { code: string; state: Loaded<{ items: ImportRun[] }> }) {
  return (
    <Status state={state}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t('importexport.history.none')}</p>
        ) : (
          // Scrolls sideways on narrow screens: focusable and named, so that the keyboard can scroll it.
          <div class="ie-table-scroll" role="region" aria-labelledby="ie-history-caption" tabIndex={0}>
            <table class="ie-history">
              <caption id="ie-history-caption">{t('importexport.history.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importexport.history.date')}</th>
                  <th scope="col">{t('importexport.history.file')}</th>
                  <th scope="col">{t('importexport.history.mode')}</th>
                  <th scope="col">{t('importexport.history.written')}</th>
                  <th scope="col" class="number">
                    {t('importexport.history.created')}
                  </th>
                  <th scope="col" class="number">
                    {t('importexport.history.updated')}
                  </th>
                  <th scope="col" class="number">
                    {t('importexport.history.rejected')}
                  </th>
                  <th scope="col" class="number">
                    {t('importexport.history.errors')}
                  </th>
                  <th scope="col">{t('importexport.history.rejectedFile')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((run) => {
                  const date = dateTime(run.createdAt);
                  return (
                    <tr key={run.id}>
                      <th scope="row">
                        <time dateTime={run.createdAt}>{date}</time>
                      </th>
                      <td class="ie-filename">{run.fileName ?? <span class="muted">{t('importexport.history.unnamed')}</span>}</td>
                      <td>{isMode(run.mode) ? t(`importexport.mode.${run.mode}`) : run.mode}</td>
                      <td>{t(run.written ? 'importexport.yes' : 'importexport.no')}</td>
                      <td class="number">{number(sum(run, 'created'), 0)}</td>
                      <td class="number">{number(sum(run, 'updated'), 0)}</td>
                      <td class="number">{number(sum(run, 'rejected'), 0)}</td>
                      <td class="number">{number(run.report?.issueCount ?? 0, 0)}</td>
                      <td>
                        {run.hasRejectedFile ? (
                          <a href={`/api/territories/${encodeURIComponent(code)}/imports/${encodeURIComponent(run.id)}/rejets.xlsx`} download="rejets.xlsx">
                            {t('importexport.history.download')}
                            <span class="visually-hidden"> — {t('importexport.history.downloadOf', { date })}</span>
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      }
    </Status>
  );
}
