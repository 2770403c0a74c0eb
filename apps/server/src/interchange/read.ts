/**
 * Reading spreadsheets as they come from users: XLSX workbooks (streamed with ExcelJS, after a
 * zip-bomb check) and CSV files (UTF-8 with or without BOM, or Windows-1252; `;` or `,`).
 * Rows come out one at a time as plain cells; nothing here knows about the data model.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Cell } from '@boucles/engine';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

export interface RawRow {
  sheet: string;
  /** The row number as the spreadsheet shows it: the header is row 1. */
  row: number;
  cells: Cell[];
  /** Cells that could not be read (a formula without a stored value, an error value). */
  problems: { column: number; fr: string; en: string }[];
}

export interface ReadLimits {
  /** Largest total uncompressed size of an XLSX's parts, in bytes (zip-bomb guard). */
  maxUncompressedBytes: number;
  /** Most data rows read in one sheet. */
  maxRows: number;
  /** Longest cell, in characters (Excel's own limit is 32,767). */
  maxCellLength: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxRows: 1_000_000,
  maxCellLength: 32_767,
};

/** A file that cannot be read at all: the whole import stops with this message. */
export class UnreadableFileError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UnreadableFileError';
  }
}

export type FileKind = 'xlsx' | 'csv' | 'json';

/** Tells the kind of a file by its first bytes (a zip is an XLSX), not by its name. */
export async function sniffKind(path: string): Promise<FileKind> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
    const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('{')) return 'json';
    return 'csv';
  } finally {
    await fh.close();
  }
}

/**
 * Decompresses every part of the zip once, counting bytes, and refuses it past the limit. The
 * declared sizes are checked first (cheap), then the real ones: yauzl refuses parts whose real
 * size differs from the declared one, so a lying header cannot slip through.
 */
export async function checkZip(path: string, maxUncompressedBytes: number): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
      err || !z ? reject(new UnreadableFileError(`fichier XLSX illisible (archive zip invalide ou tronquée) : ${err?.message ?? ''}`, `unreadable XLSX file (invalid or truncated zip): ${err?.message ?? ''}`)) : resolve(z),
    ),
  );
  let declared = 0;
  let actual = 0;
  const tooBig = (): UnreadableFileError =>
    new UnreadableFileError(
      `fichier refusé : son contenu décompressé dépasse ${Math.round(maxUncompressedBytes / 1048576)} Mo (limite BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB)`,
      `file refused: its uncompressed content exceeds ${Math.round(maxUncompressedBytes / 1048576)} MB (limit BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB)`,
    );
  await new Promise<void>((resolve, reject) => {
    const fail = (e: unknown): void => {
      zip.close();
      reject(e instanceof UnreadableFileError ? e : new UnreadableFileError(`fichier XLSX illisible : ${(e as Error).message}`, `unreadable XLSX file: ${(e as Error).message}`));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > maxUncompressedBytes) return fail(tooBig());
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err ?? new Error('no stream'));
        stream.on('data', (chunk: Buffer) => {
          actual += chunk.length;
          if (actual > maxUncompressedBytes) {
            stream.destroy();
            fail(tooBig());
          }
        });
        stream.on('error', fail);
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

type ExcelValue = ExcelJS.CellValue;

function excelCell(value: ExcelValue, limits: ReadLimits): { cell: Cell; problem?: { fr: string; en: string } } {
  if (value === null || value === undefined) return { cell: null };
  if (typeof value === 'string') return { cell: value.length > limits.maxCellLength ? value.slice(0, limits.maxCellLength) : value };
  if (typeof value === 'number' || typeof value === 'boolean') return { cell: value };
  if (value instanceof Date) return { cell: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { cell: value.richText.map((r) => r.text).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
        return { cell: null, problem: { fr: 'formule sans valeur enregistrée : recalculer et enregistrer le fichier dans Excel, ou coller la valeur', en: 'formula without a stored value: recalculate and save the file in Excel, or paste the value' } };
      }
      return excelCell(result as ExcelValue, limits);
    }
    if ('error' in value) return { cell: null, problem: { fr: `valeur d'erreur Excel ${String(value.error)}`, en: `Excel error value ${String(value.error)}` } };
    if ('text' in value && typeof value.text === 'string') return { cell: value.text };
  }
  return { cell: null, problem: { fr: 'cellule illisible', en: 'unreadable cell' } };
}

/** The rows of every sheet of an XLSX workbook, streamed. */
export async function* readXlsx(path: string, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow> {
  await checkZip(path, limits.maxUncompressedBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const sheet = (worksheet as unknown as { name?: string }).name ?? '';
      let count = 0;
      for await (const row of worksheet) {
        const values = (row.values ?? []) as ExcelValue[];
        const cells: Cell[] = [];
        const problems: RawRow['problems'] = [];
        for (let c = 1; c < values.length; c++) {
          const { cell, problem } = excelCell(values[c], limits);
          cells.push(cell);
          if (problem) problems.push({ column: c - 1, ...problem });
        }
        if (row.number > 1 && cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) continue;
        if (++count > limits.maxRows + 1) {
          throw new UnreadableFileError(`la feuille ${sheet} dépasse ${limits.maxRows} lignes`, `sheet ${sheet} has more than ${limits.maxRows} rows`);
        }
        yield { sheet, row: row.number, cells, problems };
      }
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`fichier XLSX illisible : ${(e as Error).message}`, `unreadable XLSX file: ${(e as Error).message}`);
  }
}

export type CsvEncoding = 'utf-8' | 'windows-1252';

/** UTF-8 when the start of the file is valid UTF-8 (BOM or not), Windows-1252 otherwise; UTF-16 is refused. */
export async function sniffEncoding(path: string): Promise<CsvEncoding> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      throw new UnreadableFileError(
        'fichier CSV en UTF-16 : l’enregistrer en « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »',
        'CSV file in UTF-16: save it as "CSV UTF-8" or "CSV (semicolon delimited)"',
      );
    }
    if (head.includes(0)) throw new UnreadableFileError('ce fichier n’est pas un fichier texte CSV', 'this file is not a CSV text file');
    // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes.
    for (let cut = 0; cut <= 3; cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - cut)));
        return 'utf-8';
      } catch {
        if (bytesRead < buf.length) break;
      }
    }
    return 'windows-1252';
  } finally {
    await fh.close();
  }
}

function detectDelimiter(firstLine: string): ';' | ',' {
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

/**
 * The rows of a CSV file as one sheet, streamed. The sheet is named after the file
 * (`flux.csv` → `flux`) unless given.
 */
export async function* readCsv(path: string, sheet?: string, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow> {
  const encoding = await sniffEncoding(path);
  const name = sheet ?? basename(path).replace(/\.[^.]*$/, '').toLowerCase();
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  let buffered = '';
  let parser: ReturnType<typeof parse> | undefined;
  let lineNo = 0;
  const chunks = async function* (): AsyncGenerator<string> {
    for await (const chunk of source as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  };
  try {
    for await (let text of chunks()) {
      if (!parser) {
        buffered += text;
        const eol = buffered.search(/\r?\n/);
        if (eol < 0 && buffered.length < 1 << 20) continue;
        text = buffered.replace(/^\uFEFF/, '');
        buffered = '';
        parser = parse({
          delimiter: detectDelimiter(eol < 0 ? text : text.slice(0, eol)),
          relax_column_count: true,
          relax_quotes: true,
          skip_empty_lines: false,
          max_record_size: limits.maxCellLength * 50,
        });
      }
      parser.write(text);
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        lineNo++;
        const cells: Cell[] = record.map((v) => (v === '' ? null : v.length > limits.maxCellLength ? v.slice(0, limits.maxCellLength) : v));
        if (lineNo > 1 && cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) continue;
        if (lineNo > limits.maxRows + 1) throw new UnreadableFileError(`le fichier dépasse ${limits.maxRows} lignes`, `the file has more than ${limits.maxRows} rows`);
        yield { sheet: name, row: lineNo, cells, problems: [] };
      }
    }
    if (parser) {
      parser.end();
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        lineNo++;
        const cells: Cell[] = record.map((v) => (v === '' ? null : v));
        if (lineNo > 1 && cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) continue;
        yield { sheet: name, row: lineNo, cells, problems: [] };
      }
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    if (e instanceof TypeError && encoding === 'utf-8') {
      throw new UnreadableFileError(
        `encodage incohérent vers la ligne ${lineNo + 1} : le fichier commence en UTF-8 mais contient d’autres octets ; l’enregistrer en « CSV UTF-8 »`,
        `inconsistent encoding near line ${lineNo + 1}: the file starts as UTF-8 but holds other bytes; save it as "CSV UTF-8"`,
      );
    }
    throw new UnreadableFileError(`fichier CSV illisible vers la ligne ${lineNo + 1} : ${(e as Error).message}`, `unreadable CSV file near line ${lineNo + 1}: ${(e as Error).message}`);
  } finally {
    source.destroy();
  }
}
