/** An import report: rows per sheet, then every error by sheet, row and column, then the warnings. */
import { pick, t } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { DataTable } from '../../../ui/DataTable.js';
import { cellKey, type CellValue } from './cellValues.js';
import { SHEET_NAMES, type CellIssue, type ImportReport } from './types.js';

const MAX_VALUE_LENGTH = 200;

/** A cell's value as the user typed it: numbers without grouping (a SIRET stays a SIRET). */
export function valueText(value: CellValue | undefined): string {
  if (value === undefined) return t('importexport.report.unknownValue');
  if (value === null || value === '') return t('importexport.report.empty');
  if (typeof value === 'boolean') return t(value ? 'importexport.yes' : 'importexport.no');
  const text = typeof value === 'number' ? number(value, 10, { grouping: false }) : value;
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/** Issues by sheet, the data sheets first in their usual order, each sorted by row. */
function bySheet(issues: readonly CellIssue[]): [string, CellIssue[]][] {
  const groups = new Map<string, CellIssue[]>();
  for (const i of issues) groups.set(i.sheet, [...(groups.get(i.sheet) ?? []), i]);
  const order = (s: string) => {
    const n = (SHEET_NAMES as readonly string[]).indexOf(s);
    return n < 0 ? SHEET_NAMES.length : n;
  };
  return [...groups.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([sheet, list]) => [sheet, [...list].sort((a, b) => a.row - b.row)]);
}

export function CountsTable({ report, phase }: { report: ImportReport; phase: 'check' | 'result' }) {
  return (
    <table class="ie-counts">
      <caption>{t(`importexport.report.counts.caption.${phase}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('importexport.report.sheet')}</th>
          <th scope="col" class="number">
            {t(`importexport.report.created.${phase}`)}
          </th>
          <th scope="col" class="number">
            {t(`importexport.report.updated.${phase}`)}
          </th>
          <th scope="col" class="number">
            {t('importexport.report.unchanged')}
          </th>
          <th scope="col" class="number">
            {t('importexport.report.rejected')}
          </th>
        </tr>
      </thead>
      <tbody>
        {SHEET_NAMES.map((sheet) => {
          const c = report.counts[sheet];
          return (
            <tr key={sheet}>
              <th scope="row">{sheet}</th>
              <td class="number">{number(c.created, 0)}</td>
              <td class="number">{number(c.updated, 0)}</td>
              <td class="number">{number(c.unchanged, 0)}</td>
              <td class={c.rejected > 0 ? 'number ie-rejected' : 'number'}>{number(c.rejected, 0)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function IssueTable({
  issues,
  values,
  withValues,
  caption,
}: {
  issues: CellIssue[];
  values: ReadonlyMap<string, CellValue>;
  withValues: boolean;
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      class="ie-issues"
      rows={issues}
      rowKey={(i, n) => `${i.row}-${i.column}-${i.code}-${n}`}
      columns={[
        { header: t('importexport.report.row'), rowHeader: true, numeric: true, cell: (i) => i.row },
        {
          header: t('importexport.report.column'),
          cell: (i) => (i.column === '' ? <span class="muted">{t('importexport.report.wholeSheet')}</span> : <code>{i.column}</code>),
        },
        withValues && {
          header: t('importexport.report.value'),
          class: 'ie-value',
          cell: (i) => (i.column === '' || i.row <= 1 ? '' : valueText(values.get(cellKey(i.sheet, i.row, i.column)))),
        },
        { header: t('importexport.report.message'), cell: (i) => pick(i.message) },
      ]}
    />
  );
}

/** The errors and warnings of a report. `values`: the cells' values read from the file, when known. */
export function ReportView({
  report,
  phase,
  values,
}: {
  report: ImportReport;
  phase: 'check' | 'result';
  values: ReadonlyMap<string, CellValue>;
}) {
  const ignoredColumns = Object.entries(report.ignoredColumns).filter(([, list]) => list.length > 0);
  return (
    <div class="ie-report">
      <CountsTable report={report} phase={phase} />
      <h4>{t('importexport.report.errors.title', { n: number(report.issueCount, 0) })}</h4>
      {report.issues.length === 0 ? (
        <p>{t('importexport.report.errors.none')}</p>
      ) : (
        <>
          {report.issueCount > report.issues.length && (
            <p class="alert alert-warn">
              {t('importexport.report.errors.truncated', { shown: number(report.issues.length, 0), total: number(report.issueCount, 0) })}
            </p>
          )}
          {bySheet(report.issues).map(([sheet, issues]) => (
            <IssueTable
              key={sheet}
              issues={issues}
              values={values}
              withValues
              caption={t('importexport.report.errors.caption', { sheet, n: number(issues.length, 0) })}
            />
          ))}
        </>
      )}
      {(report.warnings.length > 0 || report.ignoredSheets.length > 0 || ignoredColumns.length > 0) && (
        <>
          <h4>
            {t('importexport.report.warnings.title', {
              n: number(report.warnings.length + report.ignoredSheets.length + ignoredColumns.length, 0),
            })}
          </h4>
          {(report.ignoredSheets.length > 0 || ignoredColumns.length > 0) && (
            <ul class="ie-ignored">
              {report.ignoredSheets.length > 0 && (
                <li>{t('importexport.report.ignoredSheets', { list: report.ignoredSheets.join(', ') })}</li>
              )}
              {ignoredColumns.map(([sheet, list]) => (
                <li key={sheet}>{t('importexport.report.ignoredColumns', { sheet, list: list.join(', ') })}</li>
              ))}
            </ul>
          )}
          {bySheet(report.warnings).map(([sheet, issues]) => (
            <IssueTable
              key={sheet}
              issues={issues}
              values={values}
              withValues={false}
              caption={`${t('importexport.report.warnings.caption')} — ${sheet}`}
            />
          ))}
        </>
      )}
    </div>
  );
}
