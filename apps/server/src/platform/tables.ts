/** Plain tables (accounts, indicators, interdependencies) as an XLSX workbook, one sheet each. */
import type { Cell } from '@boucles/engine';
import ExcelJS from 'exceljs';

export interface Table {
  /** The sheet's name (31 characters at most, as Excel requires). */
  name: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** Text that a spreadsheet would run as a formula is written as text, never as a formula. */
export async function tablesToWorkbook(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Boucles';
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.name.slice(0, 31));
    sheet.addRow([...t.columns]).font = { bold: true };
    for (const row of t.rows) sheet.addRow(t.columns.map((_, i) => row[i] ?? null));
    sheet.columns.forEach((c, i) => (c.width = Math.min(60, Math.max(12, (t.columns[i] ?? '').length + 2))));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
