/**
 * The values of the cells an import report points at, read in the browser from the file the user
 * chose (the API's report gives sheet, row, column and message, not the value). It is a help for
 * reading the report only: any file it cannot read (too large, zip64, odd encoding) gives no
 * values, never an error.
 *
 * XLSX: the zip's central directory is read from the end of the file, and only the parts needed
 * (workbook, its relations, shared strings, the sheets with errors) are inflated, with the
 * browser's DecompressionStream, and parsed with DOMParser. CSV: decoded as the server does (UTF-8,
 * else Windows-1252; `;` or `,` found on the header line), records counted as rows (header = 1).
 */
import type { CellIssue } from './types.js';

export type CellValue = string | number | boolean | null;

/** Files and parts larger than this are not read for values (the report is shown without them). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_CSV_BYTES = 32 * 1024 * 1024;

export function cellKey(sheet: string, row: number, column: string): string {
  return `${sheet}\u0000${row}\u0000${column}`;
}

/** How the server compares headers: lower case, no accents, spaces and dashes as underscores. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s'’-]+/g, '_');
}

/** Rows of one sheet by their number; row 1 is the header. */
type SheetRows = Map<number, CellValue[]>;

/**
 * The value of each issue's cell, keyed by `cellKey`; an issue whose cell could not be found has no
 * entry. `csvSheet` is the sheet a CSV file holds.
 */
export async function readIssueValues(file: Blob, issues: readonly CellIssue[], csvSheet: string | null): Promise<Map<string, CellValue>> {
  const values = new Map<string, CellValue>();
  const wanted = issues.filter((i) => i.column !== '' && i.row > 1);
  if (wanted.length === 0) return values;
  const rowsBySheet = new Map<string, Set<number>>();
  for (const i of wanted) {
    const rows = rowsBySheet.get(i.sheet) ?? new Set<number>([1]);
    rows.add(i.row);
    rowsBySheet.set(i.sheet, rows);
  }
  try {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    let sheets: Map<string, SheetRows>;
    if (isZip) sheets = await readXlsx(file, rowsBySheet);
    else {
      if (csvSheet === null || file.size > MAX_CSV_BYTES) return values;
      const rows = rowsBySheet.get(csvSheet);
      sheets = new Map(rows ? [[csvSheet, readCsv(new Uint8Array(await file.arrayBuffer()), rows)]] : []);
    }
    for (const issue of wanted) {
      const rows = sheets.get(issue.sheet);
      const headers = rows?.get(1);
      const row = rows?.get(issue.row);
      if (!headers || !row) continue;
      const index = headers.findIndex((h) => h !== null && normaliseHeader(String(h)) === issue.column);
      if (index < 0) continue;
      values.set(cellKey(issue.sheet, issue.row, issue.column), row[index] ?? null);
    }
  } catch {
    // Not readable here: the report is shown without values.
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// XLSX

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

async function bytesOf(file: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await file.slice(start, end).arrayBuffer());
}

/** The entries of the zip's central directory, by name. */
async function zipEntries(file: Blob): Promise<Map<string, ZipEntry>> {
  const tailStart = Math.max(0, file.size - 22 - 65_535);
  const tail = await bytesOf(file, tailStart, file.size);
  let eocd = -1;
  for (let p = tail.byteLength - 22; p >= 0; p--) {
    if (tail.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = tail.getUint16(eocd + 10, true);
  const size = tail.getUint32(eocd + 12, true);
  const offset = tail.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || count === 0xffff) throw new Error('zip64 is not read here');
  const dir = await bytesOf(file, offset, offset + size);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count && p + 46 <= dir.byteLength; n++) {
    if (dir.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory');
    const nameLength = dir.getUint16(p + 28, true);
    const extraLength = dir.getUint16(p + 30, true);
    const commentLength = dir.getUint16(p + 32, true);
    const name = names.decode(new Uint8Array(dir.buffer, dir.byteOffset + p + 46, nameLength)).replace(/^\/+/, '');
    entries.set(name, {
      method: dir.getUint16(p + 10, true),
      compressedSize: dir.getUint32(p + 20, true),
      uncompressedSize: dir.getUint32(p + 24, true),
      localOffset: dir.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text of one part of the zip, inflated by the browser. */
async function partText(file: Blob, entry: ZipEntry): Promise<string> {
  if (entry.uncompressedSize > MAX_PART_BYTES) throw new Error('part too large');
  const local = await bytesOf(file, entry.localOffset, entry.localOffset + 30);
  if (local.getUint32(0, true) !== 0x04034b50) throw new Error('bad local header');
  const start = entry.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const data = file.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder('utf-8').decode(await data.arrayBuffer());
  if (entry.method !== 8 || typeof DecompressionStream === 'undefined') throw new Error('compression not supported');
  return new Response(data.stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
}

function xml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('bad XML');
  return doc;
}

/** Elements by local name, whatever their namespace prefix (`x:row` as well as `row`). */
function elements(parent: Document | Element, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS('*', name));
}

function childrenNamed(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter((c) => c.localName === name);
}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The text of a shared or inline string: its runs joined, phonetic hints left out. */
function stringText(si: Element): string {
  return elements(si, 't')
    .filter((t) => t.parentElement?.localName !== 'rPh')
    .map((t) => t.textContent ?? '')
    .join('');
}

async function readXlsx(file: Blob, rowsBySheet: Map<string, Set<number>>): Promise<Map<string, SheetRows>> {
  const entries = await zipEntries(file);
  const part = (name: string) => {
    const entry = entries.get(name);
    return entry ? partText(file, entry) : Promise.resolve(null);
  };
  const workbookText = await part('xl/workbook.xml');
  if (workbookText === null) throw new Error('not a workbook');
  const sheets = elements(xml(workbookText), 'sheet').map((s) => ({
    name: s.getAttribute('name') ?? '',
    rid: s.getAttributeNS(RELATIONSHIPS, 'id') ?? s.getAttribute('r:id') ?? '',
  }));
  const targets = new Map<string, string>();
  const relsText = await part('xl/_rels/workbook.xml.rels');
  if (relsText !== null) {
    for (const r of elements(xml(relsText), 'Relationship')) {
      const target = (r.getAttribute('Target') ?? '').replace(/^\/+/, '');
      targets.set(r.getAttribute('Id') ?? '', target.startsWith('xl/') ? target : `xl/${target}`);
    }
  }
  const sharedText = await part('xl/sharedStrings.xml');
  const strings = sharedText === null ? [] : elements(xml(sharedText), 'si').map(stringText);

  const result = new Map<string, SheetRows>();
  for (const sheet of sheets) {
    const wanted = rowsBySheet.get(sheet.name);
    if (!wanted) continue;
    const text = await part(targets.get(sheet.rid) ?? '');
    if (text === null) continue;
    const rows: SheetRows = new Map();
    let next = 1;
    for (const row of elements(xml(text), 'row')) {
      const r = Number(row.getAttribute('r'));
      const number = Number.isInteger(r) && r > 0 ? r : next;
      next = number + 1;
      if (!wanted.has(number)) continue;
      const cells: CellValue[] = [];
      for (const c of childrenNamed(row, 'c')) {
        const ref = c.getAttribute('r');
        const col = ref ? columnIndex(ref) : cells.length;
        if (col < 0 || col > 16_383) continue;
        const type = c.getAttribute('t') ?? 'n';
        const v = childrenNamed(c, 'v')[0]?.textContent ?? null;
        let value: CellValue = null;
        if (type === 'inlineStr') {
          const is = childrenNamed(c, 'is')[0];
          value = is ? stringText(is) : null;
        } else if (v !== null) {
          if (type === 's') value = strings[Number(v)] ?? null;
          else if (type === 'b') value = v === '1';
          else if (type === 'str' || type === 'e') value = v;
          else value = v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
        }
        while (cells.length < col) cells.push(null);
        cells[col] = value;
      }
      rows.set(number, cells);
    }
    result.set(sheet.name, rows);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// CSV

function decodeCsv(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Error('UTF-16');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

function delimiterOf(firstLine: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return comma > semi ? ',' : ';';
}

/** The wanted records of a CSV file by their number (the header is 1), quotes as RFC 4180 has them. */
function readCsv(bytes: Uint8Array, wanted: Set<number>): SheetRows {
  const text = decodeCsv(bytes);
  const eol = text.search(/\r?\n/);
  const delimiter = delimiterOf(eol < 0 ? text : text.slice(0, eol));
  const rows: SheetRows = new Map();
  const last = Math.max(...wanted);
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let number = 0;
  const endRecord = () => {
    record.push(field);
    number++;
    if (wanted.has(number))
      rows.set(
        number,
        record.map((v) => (v === '' ? null : v)),
      );
    record = [];
    field = '';
  };
  for (let i = 0; i < text.length && number < last; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (number < last && (field !== '' || record.length > 0)) endRecord();
  return rows;
}
