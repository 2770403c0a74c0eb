/**
 * Writes one sheet of the spreadsheet layout (`SHEETS`) as CSV, the way French Excel opens it with
 * a double click:
 *
 * - `;` as separator (French Excel's list separator: `,` is the decimal mark);
 * - UTF-8 with a byte-order mark (without it Excel reads the file as Windows-1252 and garbles accents);
 * - CRLF line ends and RFC 4180 quoting: a field is quoted when it holds `;`, `"`, CR or LF, or
 *   starts or ends with a space (which a reader could trim); quotes inside are doubled;
 * - numbers with a decimal COMMA (`120,5`), again because French Excel reads `120.5` as a text or a
 *   date. Numbers are written in full, without thousands separators or exponent, so the importer
 *   (`parseNumber`, which takes both marks) reads them back exactly;
 * - `null` as an empty field; booleans (should a caller hand any) as `oui` / `non`.
 *
 * Formula injection ("CSV injection"): a spreadsheet opening the file runs a field that starts with
 * `=`, `+`, `-` or `@` (also tab and CR, which some programs skip before a formula) as a formula.
 * Exports contain text typed by third parties (names, labels, descriptions), so a TEXT field
 * starting with one of these characters gets a leading apostrophe, as OWASP recommends: Excel and
 * LibreOffice then show it as text (apostrophe included). Only strings are guarded: numbers such as -3 are written as
 * `-3` and stay numbers, which cannot run anything. The apostrophe is part of the value for other
 * readers; a re-import of the file gets the text with it (e.g. `'-20 % de déchets`), which is the
 * price of safety, and identifiers and enumeration values never start with these characters.
 */
import { sheetSpec } from '@boucles/engine';
import type { Cell, SheetName } from '@boucles/engine';

export const CSV_SEPARATOR = ';';
const BOM = '\ufeff';
const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

/** The text of a number with a decimal comma, never in exponent notation: 1234.5 → "1234,5", 1e21 → "1000000000000000000000". */
export function frenchNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  let text = String(n);
  if (/e/i.test(text)) {
    // String() switches to exponent notation beyond 1e21 and below 1e-6; write the digits out.
    text = Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/\.?0+$/, '');
    if (text === '-0' || text === '') text = '0';
  }
  return text.replace('.', ',');
}

/** The text of one field, guarded against formula injection and quoted when needed. */
export function csvField(cell: Cell | undefined): string {
  let text: string;
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') text = frenchNumber(cell);
  else if (typeof cell === 'boolean') text = cell ? 'oui' : 'non';
  else text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: readonly (Cell | undefined)[]): string {
  return fields.map(csvField).join(CSV_SEPARATOR) + CRLF;
}

/**
 * One sheet as CSV for export: ';' separator, UTF-8 with BOM, CRLF line ends, RFC 4180 quoting
 * (quote fields containing ; " CR LF or leading/trailing spaces), header row = French headers
 * (+ extra column). Numbers written with a decimal COMMA (French Excel). null → empty. Each row
 * gives the sheet's columns in order, then the extra column's value when there is one.
 */
export function sheetToCsv(sheet: SheetName, rows: Iterable<Cell[]>, extraColumn?: { header: string }): Buffer {
  const spec = sheetSpec(sheet);
  const width = spec.columns.length + (extraColumn ? 1 : 0);
  const parts: string[] = [BOM, csvLine([...spec.columns.map((c) => c.header), ...(extraColumn ? [extraColumn.header] : [])])];
  for (const row of rows) {
    const fields: (Cell | undefined)[] = [];
    for (let i = 0; i < width; i++) fields.push(row[i]);
    parts.push(csvLine(fields));
  }
  return Buffer.from(parts.join(''), 'utf8');
}

/** A plain table (headers and rows) as CSV, in the same French-Excel dialect as the sheets. */
export function tableToCsv(table: { columns: readonly string[]; rows: readonly (readonly Cell[])[] }): Buffer {
  const parts: string[] = [BOM, csvLine(table.columns)];
  for (const row of table.rows) parts.push(csvLine(table.columns.map((_, i) => row[i])));
  return Buffer.from(parts.join(''), 'utf8');
}
