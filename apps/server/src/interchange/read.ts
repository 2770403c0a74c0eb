/**
 * Reading spreadsheets as they come from users: XLSX workbooks (streamed with ExcelJS, after a
 * zip-bomb check) and CSV files (UTF-8 with or without BOM, or Windows-1252; `;` or `,`).
 * Rows come out one at a time as plain cells; nothing here knows about the data model.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Cell } from '@boucles/engine';
import { parse } from 'csv-parse';
import { DEFAULT_LIMITS, UnreadableFileError, type RawRow, type ReadLimits } from './types.js';
import { readXlsxStream } from './xlsx-reader.js';

export { DEFAULT_LIMITS, UnreadableFileError, type RawRow, type ReadLimits } from './types.js';

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

/** The rows of every sheet of an XLSX workbook, streamed (see xlsx-reader.ts). */
export function readXlsx(path: string, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow> {
  return readXlsxStream(path, limits);
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
  // UTF-8 through StringDecoder, which keeps its own copy of a character cut between chunks;
  // Windows-1252 is one byte per character.
  const utf8 = new StringDecoder('utf8');
  const cp1252 = new TextDecoder('windows-1252');
  const decode = (chunk: Buffer): string => {
    if (encoding === 'windows-1252') return cp1252.decode(chunk);
    const text = utf8.write(chunk);
    if (text.includes('\uFFFD')) throw new TypeError('invalid UTF-8');
    return text;
  };
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  let buffered = '';
  let parser: ReturnType<typeof parse> | undefined;
  let lineNo = 0;
  const chunks = async function* (): AsyncGenerator<string> {
    for await (const chunk of source as AsyncIterable<Buffer>) yield decode(chunk);
    if (encoding === 'utf-8') yield utf8.end();
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
