/**
 * Writes territories as XLSX workbooks in the spreadsheet layout of the engine (`SHEETS`): one sheet
 * per collection (`acteurs`, `sites`, `flux`, `besoins`, in that order), one header row with the
 * French headers exactly as `ColumnSpec.header`, one element per row.
 *
 * - `buildWorkbook` builds a whole workbook in memory: the downloadable template (with a `lisez-moi`
 *   sheet, notes on the headers, drop-down lists and an example row) or a small export.
 * - `writeWorkbookFile` streams a large export to a file, row by row, without holding it in memory.
 *
 * Every workbook carries the marker `boucles-tableur v1` in its document properties (keywords);
 * the template also shows it in cell A2 of `lisez-moi`, so a reader can tell the format version.
 * Cells are written as values, never as formulas: a text such as `=1+1` stays a text in XLSX, so
 * the formula-injection guard of the CSV export is not needed here.
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { SHEETS, TABULAR_FORMAT_VERSION } from '@boucles/engine';
import type { Cell, ColumnSpec, SheetName, SheetSpec } from '@boucles/engine';

export interface WorkbookLists {
  resourceCodes: { code: string; labelFr: string }[];
  units: string[];
}

export interface WorkbookOptions {
  /** true for the downloadable template: header comments (cell notes) explaining each column in French (from ColumnSpec.help.fr, adding "obligatoire" for required ones), drop-down validation lists, and the example row of each sheet (ColumnSpec.example) when no rows are given. */
  template: boolean;
  lists: WorkbookLists;
  /** An extra last column, e.g. { header: 'erreurs' } for the file of rejected rows. */
  extraColumn?: { header: string };
}

/** What a reader looks for to recognise the format: workbook keywords, and cell A2 of `lisez-moi` in the template. */
export const WORKBOOK_FORMAT_MARKER = `boucles-tableur v${TABULAR_FORMAT_VERSION}`;
export const README_SHEET = 'lisez-moi';
export const LISTS_SHEET = 'listes';
/** Drop-down lists cover the data rows 2 to this row (further when more rows are written). */
export const LAST_VALIDATED_ROW = 1000;

const TEXT_FORMAT = '@';
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
/** Excel's limit on the error message of a data validation. */
const MAX_VALIDATION_MESSAGE = 255;

/**
 * Columns stored as text (number format `@`), so that Excel keeps what is typed as typed: leading
 * zeros of identifiers (SIRET, code_commune `01001`, code_dechet `030105`, tranche_effectif `03`,
 * code_naf), identifiers such as `001`, months such as `1-12` (which Excel would turn into a date)
 * and telephone numbers starting with `+`. Only number columns keep the General format.
 */
function isTextColumn(col: ColumnSpec): boolean {
  return col.type !== 'number' && col.type !== 'integer';
}

/** Width of identifiers made only of digits, to restore leading zeros lost when a number was handed over. */
const DIGIT_WIDTHS: Readonly<Record<string, number>> = { siret: 14, code_commune: 5, code_dechet: 6, tranche_effectif: 2 };

/** The value written for a cell of a column (undefined column: the extra one). */
function sheetValue(col: ColumnSpec | undefined, cell: Cell | undefined): string | number | boolean | null {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  if (!col) return typeof cell === 'string' ? cell : String(cell);
  if (col.type === 'boolean' && typeof cell === 'boolean') return cell ? 'oui' : 'non';
  if (isTextColumn(col) && typeof cell === 'number') {
    const width = DIGIT_WIDTHS[col.header];
    const text = String(cell);
    return width !== undefined && Number.isInteger(cell) && cell >= 0 ? text.padStart(width, '0') : text;
  }
  return cell;
}

/** The values of a row, with `undefined` (no cell at all) for blank ones. */
function rowValues(spec: SheetSpec, cells: readonly Cell[], extra: boolean): (string | number | boolean | undefined)[] {
  const count = spec.columns.length + (extra ? 1 : 0);
  const values: (string | number | boolean | undefined)[] = [];
  for (let i = 0; i < count; i++) values.push(sheetValue(spec.columns[i], cells[i]) ?? undefined);
  return values;
}

function headers(spec: SheetSpec, extraColumn: { header: string } | undefined): string[] {
  return [...spec.columns.map((c) => c.header), ...(extraColumn ? [extraColumn.header] : [])];
}

function textLength(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return String(value).length;
}

/** Column widths from the header, the example and the first rows. */
function columnWidths(spec: SheetSpec, extraColumn: { header: string } | undefined, sample: readonly (readonly Cell[])[]): number[] {
  return headers(spec, extraColumn).map((header, i) => {
    let longest = header.length + 2;
    const col = spec.columns[i];
    if (col) longest = Math.max(longest, textLength(col.example) + 2);
    else longest = Math.max(longest, 40); // the extra column holds messages
    for (const row of sample.slice(0, 100)) longest = Math.max(longest, textLength(row[i]) + 2);
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest));
  });
}

function columnDefinitions(
  spec: SheetSpec,
  extraColumn: { header: string } | undefined,
  sample: readonly (readonly Cell[])[],
): Partial<ExcelJS.Column>[] {
  const widths = columnWidths(spec, extraColumn, sample);
  return widths.map((width, i) => {
    const col = spec.columns[i];
    const text = !col || isTextColumn(col);
    return text ? { width, style: { numFmt: TEXT_FORMAT } } : { width };
  });
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

function noteText(col: ColumnSpec): string {
  return col.required ? `${col.help.fr}\n(obligatoire)` : col.help.fr;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Excel column letters of a 1-based column number. */
function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** ExcelJS 4.4 has `worksheet.dataValidations.add(range, validation)`, missing from its type declarations. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** The list ranges of the `listes` sheet, by what they list: `resources`, `units`, or an enum column's header. */
type ListRanges = Map<string, string>;

/** Fills the hidden `listes` sheet: resource codes (A) and labels (B), units (C), then one column per enumeration. */
function addListsSheet(workbook: ExcelJS.Workbook, lists: WorkbookLists): ListRanges {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  const ranges: ListRanges = new Map();
  const put = (column: number, header: string, values: readonly string[]): string | undefined => {
    sheet.getCell(1, column).value = header;
    values.forEach((v, i) => {
      sheet.getCell(i + 2, column).value = v;
    });
    if (values.length === 0) return undefined;
    const letter = columnLetter(column);
    return `${LISTS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`;
  };
  const resources = put(
    1,
    'code_ressource',
    lists.resourceCodes.map((r) => r.code),
  );
  put(
    2,
    'libelle_ressource',
    lists.resourceCodes.map((r) => r.labelFr),
  );
  if (resources) ranges.set('resources', resources);
  const units = put(3, 'unite', lists.units);
  if (units) ranges.set('units', units);
  sheet.getColumn(1).width = 40;
  sheet.getColumn(2).width = 50;
  let column = 4;
  for (const spec of SHEETS) {
    for (const col of spec.columns) {
      if (col.type !== 'enum' || ranges.has(col.header)) continue;
      const range = put(
        column++,
        col.header,
        (col.values ?? []).map((v) => v.fr),
      );
      if (range) ranges.set(col.header, range);
    }
  }
  sheet.getRow(1).font = { bold: true };
  return ranges;
}

/** The drop-down list of a column in the template, if it has one. */
function validationOf(col: ColumnSpec, ranges: ListRanges): ExcelJS.DataValidation | undefined {
  if (col.type === 'enum') {
    const range = ranges.get(col.header);
    if (!range) return undefined;
    const allowed = (col.values ?? []).map((v) => v.fr).join(', ');
    return {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Valeur non prévue',
      error: truncate(`Choisissez une valeur de la liste : ${allowed}`, MAX_VALIDATION_MESSAGE),
    };
  }
  if (col.type === 'boolean') {
    return {
      type: 'list',
      allowBlank: true,
      formulae: ['"oui,non"'],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Valeur non prévue',
      error: 'Répondez oui ou non.',
    };
  }
  const list = col.header === 'code_ressource' ? ranges.get('resources') : col.header === 'unite' ? ranges.get('units') : undefined;
  if (!list) return undefined;
  // A warning only: the lists are those of today, and the import checks the value anyway.
  return {
    type: 'list',
    allowBlank: true,
    formulae: [list],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: col.header === 'unite' ? 'Unité inconnue' : 'Code de ressource inconnu',
    error:
      col.header === 'unite'
        ? "Cette unité n'est pas dans la liste : l'import la refusera probablement."
        : "Ce code n'est pas dans la taxonomie des ressources (feuille masquée listes) : l'import le refusera probablement.",
  };
}

const SHEET_PURPOSE: Readonly<Record<SheetName, string>> = {
  acteurs:
    "les structures du territoire (entreprises, structures de l'ESS, organismes publics, associations, exploitations agricoles) : une ligne par acteur.",
  sites: "les lieux d'activité des acteurs, avec leur commune (code INSEE) et leurs coordonnées : une ligne par site.",
  flux: 'ce que chaque site rejette ou cède (sortant) et ce dont il a besoin (entrant) : matières, déchets, énergie, eau… une ligne par flux.',
  besoins:
    "ce qu'un acteur pourrait mutualiser avec d'autres (collecte des déchets, achats, équipements, services, compétences, logistique) : une ligne par besoin.",
};

/** The `lisez-moi` sheet of the template: a short French explanation of the workbook. */
function addReadmeSheet(workbook: ExcelJS.Workbook, lists: WorkbookLists): void {
  const sheet = workbook.addWorksheet(README_SHEET, { properties: { tabColor: { argb: 'FF2E7D32' } } });
  sheet.getColumn(1).width = 110;
  const lines: { text: string; kind?: 'title' | 'section' }[] = [
    { text: 'Boucles — tableur du territoire', kind: 'title' },
    { text: `Format : ${WORKBOOK_FORMAT_MARKER} (version ${TABULAR_FORMAT_VERSION} du format tableur de Boucles)` },
    { text: '' },
    { text: 'Les feuilles', kind: 'section' },
    ...SHEETS.map((s) => ({ text: `• ${s.name} : ${SHEET_PURPOSE[s.name]}` })),
    { text: '' },
    { text: 'Les colonnes', kind: 'section' },
    {
      text: "• La première ligne de chaque feuille porte les noms des colonnes : ne les renommez pas. Les colonnes ajoutées sont ignorées à l'import.",
    },
    { text: "• Passez la souris sur un en-tête pour lire l'explication de la colonne ; les colonnes obligatoires y sont signalées." },
    { text: '• Les listes déroulantes donnent les valeurs possibles (type, sens, période, devenir actuel, oui/non…).' },
    { text: "• La ligne 2 de chaque feuille est un exemple : remplacez-la ou supprimez-la avant l'import." },
    { text: '' },
    { text: 'Les identifiants relient les feuilles', kind: 'section' },
    {
      text: "• La colonne acteur des feuilles sites et besoins reprend l'id_acteur d'une ligne de la feuille acteurs, ou à défaut son SIRET (ou celui d'un acteur déjà enregistré).",
    },
    { text: "• La colonne id_site de la feuille flux reprend l'id_site d'une ligne de la feuille sites (ou d'un site déjà enregistré)." },
    {
      text: '• Les codes (SIRET, code_commune, code_dechet, code_naf, tranche_effectif) sont en format texte : gardez les zéros en tête (ex. 01001).',
    },
    { text: '' },
    { text: 'Quantités, unités et mois', kind: 'section' },
    { text: `• Unités : ${lists.units.join(', ')}. Les nombres s'écrivent avec une virgule ou un point décimal (120,5).` },
    { text: '• Période de la quantité : an, mois, semaine, jour ou ponctuel.' },
    {
      text: "• Mois disponibles : 1-12 (toute l'année), 1;2;3 (janvier à mars), oct-mars (d'octobre à mars, à cheval sur deux années), janv;fev. Vide = non précisé.",
    },
    { text: '• Codes de ressource : voir la liste déroulante de la colonne code_ressource (taxonomie des ressources de Boucles).' },
    { text: '' },
    { text: 'Ré-importer le fichier', kind: 'section' },
    {
      text: "• Le fichier peut être ré-importé autant de fois que nécessaire : une ligne met à jour l'élément qui a le même identifiant (id_acteur ou SIRET, id_site, id_flux, id_besoin) au lieu d'en créer un autre.",
    },
    { text: '• Les lignes refusées sont rendues dans un fichier avec une colonne erreurs : corrigez-les et ré-importez ce fichier.' },
  ];
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (line.kind === 'title') cell.font = { bold: true, size: 14 };
    if (line.kind === 'section') cell.font = { bold: true };
  });
}

function setProperties(workbook: ExcelJS.Workbook): void {
  workbook.creator = 'Boucles';
  workbook.lastModifiedBy = 'Boucles';
  workbook.keywords = WORKBOOK_FORMAT_MARKER;
  workbook.description = `Tableur du territoire Boucles, ${WORKBOOK_FORMAT_MARKER}`;
}

/**
 * Builds an XLSX workbook in the layout of SHEETS (sheet order acteurs, sites, flux, besoins; one
 * header row; French headers exactly as ColumnSpec.header). Every sheet has a bold, frozen header
 * row and column widths fitted to its content. With `template`, the workbook also opens on a
 * `lisez-moi` sheet, ends with the very hidden `listes` sheet, and has notes on the headers,
 * drop-down lists on the data rows and the example row of each sheet given no rows.
 */
export async function buildWorkbook(rows: Partial<Record<SheetName, Cell[][]>>, options: WorkbookOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  setProperties(workbook);
  if (options.template) addReadmeSheet(workbook, options.lists);
  const sheets = SHEETS.map((spec) => ({ spec, sheet: workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] }) }));
  const ranges = options.template ? addListsSheet(workbook, options.lists) : new Map<string, string>();
  const extra = options.extraColumn !== undefined;

  for (const { spec, sheet } of sheets) {
    const given = rows[spec.name] ?? [];
    const example = options.template && given.length === 0;
    const data: readonly (readonly Cell[])[] = example ? [spec.columns.map((c) => c.example)] : given;
    sheet.columns = columnDefinitions(spec, options.extraColumn, data);

    const header = sheet.getRow(1);
    header.values = headers(spec, options.extraColumn);
    styleHeaderRow(header);
    if (options.template) {
      spec.columns.forEach((col, i) => {
        header.getCell(i + 1).note = noteText(col);
      });
    }

    data.forEach((cells, i) => {
      const row = sheet.getRow(i + 2);
      row.values = rowValues(spec, cells, extra);
      if (example) row.font = { italic: true, color: { argb: 'FF6B6B6B' } };
    });

    if (options.template) {
      const last = Math.max(LAST_VALIDATED_ROW, data.length + 1);
      spec.columns.forEach((col, i) => {
        const validation = validationOf(col, ranges);
        if (!validation) return;
        const letter = columnLetter(i + 1);
        // One range per column (ExcelJS writes it as one <dataValidation sqref="E2:E1000">), rather
        // than a validation per cell, which would create 1000 empty styled rows.
        (sheet as unknown as WithDataValidations).dataValidations.add(`${letter}2:${letter}${last}`, validation);
      });
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

/** Rows written between two pauses, so that the zip stream can drain into the file. */
const ROWS_PER_PAUSE = 1000;
/**
 * Cell styles shared by every cell of the streamed rows. ExcelJS caches a style's id by object
 * identity; the style it builds for each new cell is a fresh object, whose id it would compute
 * again by rendering its XML — which doubled the time of a 100,000-row export.
 */
const TEXT_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: TEXT_FORMAT });
const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * Streams a large workbook to a file path with ExcelJS's streaming writer
 * (stream.xlsx.WorkbookWriter), for exports of 100,000+ rows without holding them in memory. rows
 * is an async iterable per sheet. Same layout (bold frozen header row, text format on identifier
 * columns, widths from the header and example); no comments or validation. Sheets are written in
 * the order given.
 */
export async function writeWorkbookFile(
  path: string,
  sheets: { name: SheetName; rows: AsyncIterable<Cell[]> | Iterable<Cell[]> }[],
  extraColumn?: { header: string },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  setProperties(workbook);
  const extra = extraColumn !== undefined;
  for (const { name, rows } of sheets) {
    const spec = SHEETS.find((s) => s.name === name);
    if (!spec) throw new RangeError(`unknown sheet ${name}`);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columnDefinitions(spec, extraColumn, []);
    const header = sheet.addRow(headers(spec, extraColumn));
    styleHeaderRow(header);
    header.commit();
    const styles = headers(spec, extraColumn).map((_, i) => {
      const col = spec.columns[i];
      return !col || isTextColumn(col) ? TEXT_STYLE : PLAIN_STYLE;
    });
    let count = 0;
    for await (const cells of rows) {
      const row = sheet.addRow(rowValues(spec, cells, extra));
      row.eachCell((cell, column) => {
        cell.style = styles[column - 1] ?? PLAIN_STYLE;
      });
      row.commit();
      if (++count % ROWS_PER_PAUSE === 0) await nextTick();
    }
    sheet.commit();
  }
  await workbook.commit();
}
