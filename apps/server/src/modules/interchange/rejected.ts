/**
 * The file of rejected rows that a valid-rows import gives back: the rows as the user wrote them,
 * under the user's own headers, with a last column `erreurs` saying what to correct. Once
 * corrected, the file can be imported again as it is.
 */
import type { Cell, SheetName } from '@boucles/engine';
import ExcelJS from 'exceljs';
import type { ImportReport } from './report.js';
import { csvField } from '../../platform/csv.js';

export const ERRORS_HEADER = 'erreurs';

/** Excel's last column is the 16,384th (XFD). */
const MAX_COLUMNS = 16_384;

/**
 * The columns of a sheet that go into the file, leaving room for `erreurs`: all of them, unless
 * that is too wide for a spreadsheet; then the columns empty in the header and in every rejected
 * row go first (nothing is lost), then, if need be, the last ones (the import read nothing from
 * them: a column beyond the template's is ignored).
 */
function keptColumns(sheet: NonNullable<ImportReport['rejected'][SheetName]>): number[] {
  const all = sheet.headers.map((_, i) => i);
  if (all.length < MAX_COLUMNS) return all;
  const used = all.filter(
    (i) =>
      (sheet.headers[i] ?? '') !== '' ||
      sheet.rows.some((r) => {
        const c = r.cells[i];
        return c !== null && c !== undefined && c !== '';
      }),
  );
  return used.slice(0, MAX_COLUMNS - 1);
}

export async function rejectedWorkbook(rejected: ImportReport['rejected']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Boucles';
  for (const name of ['acteurs', 'sites', 'flux', 'besoins'] as SheetName[]) {
    const sheet = rejected[name];
    if (!sheet) continue;
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const kept = keptColumns(sheet);
    const headers = [...kept.map((i) => sheet.headers[i] ?? ''), ERRORS_HEADER];
    ws.addRow(headers).font = { bold: true };
    for (const r of sheet.rows) {
      const cells: Cell[] = kept.map((i) => r.cells[i] ?? null);
      ws.addRow([...cells, r.errors]);
    }
    ws.columns.forEach((c) => (c.width = 18));
    const last = ws.getColumn(headers.length);
    last.width = 80;
    last.alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One CSV per rejected sheet: `;`, UTF-8 with BOM, as Excel in French opens it. */
export function rejectedCsv(rejected: ImportReport['rejected'], sheet: SheetName): Buffer | undefined {
  const s = rejected[sheet];
  if (!s) return undefined;
  const lines = [[...s.headers, ERRORS_HEADER].map(csvField).join(';')];
  for (const r of s.rows) lines.push([...s.headers.map((_, i) => r.cells[i] ?? null), r.errors].map(csvField).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
