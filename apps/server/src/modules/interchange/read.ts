/**
 * Reading spreadsheets as they come from users: XLSX workbooks (xlsx-reader.ts, after a zip-bomb
 * check) and CSV files (UTF-8 with or without BOM, or Windows-1252; `;` or `,`), and JSON
 * documents (json-reader.ts). Rows come out one at a time as plain cells; nothing here knows about
 * the data model. Every malformed input ends in an `UnreadableFileError` that says where and what
 * to do, never in another exception nor in an unhandled 'error' event: these functions run in a
 * worker thread (source.ts), but must not rely on it.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Cell } from '@boucles/engine';
import { CsvError, parse } from 'csv-parse';
import { DEFAULT_LIMITS, UnreadableFileError, cellProblem, unreadableAt, withDefaults, type RawRow, type ReadLimits } from './types.js';
import { readXlsxStream } from './xlsx-reader.js';

export { DEFAULT_LIMITS, UnreadableFileError, type RawRow, type ReadLimits } from './types.js';

export type FileKind = 'xlsx' | 'csv' | 'json';

/** A file to read: its path, or its bytes (the fuzz tests read from memory). */
export type ByteSource = string | Buffer;

/** The first `n` bytes of a source (fewer when it is shorter). */
export async function headOf(source: ByteSource, n: number): Promise<Buffer> {
  if (typeof source !== 'string') return source.subarray(0, n);
  const fh = await open(source, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function* bytesOf(source: ByteSource): AsyncGenerator<Buffer> {
  if (typeof source !== 'string') {
    for (let at = 0; at < source.length; at += 1 << 16) yield source.subarray(at, at + (1 << 16));
    return;
  }
  const stream = createReadStream(source, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } finally {
    stream.destroy();
  }
}

/** Tells the kind of a file by its first bytes (a zip is an XLSX), not by its name. */
export async function sniffKind(source: ByteSource): Promise<FileKind> {
  const head = await headOf(source, 8);
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{')) return 'json';
  return 'csv';
}

/** The rows of every sheet of an XLSX workbook, streamed (see xlsx-reader.ts). */
export function readXlsx(source: ByteSource, limits: ReadLimits = DEFAULT_LIMITS, file?: string): AsyncGenerator<RawRow> {
  return readXlsxStream(source, limits, file ?? (typeof source === 'string' ? basename(source) : undefined));
}

export type CsvEncoding = 'utf-8' | 'windows-1252';

/** UTF-8 when the start of the file is valid UTF-8 (BOM or not), Windows-1252 otherwise; UTF-16 is refused. */
export async function sniffEncoding(source: ByteSource, file?: string): Promise<CsvEncoding> {
  const size = 65_536;
  const head = await headOf(source, size);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw unreadableAt(
      { file },
      'fichier CSV en UTF-16 : l’enregistrer en « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »',
      'CSV file in UTF-16: save it as "CSV UTF-8" or "CSV (semicolon delimited)"',
    );
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const line = 1 + head.subarray(0, nul).filter((b) => b === 0x0a).length;
    throw unreadableAt(
      { file, row: line },
      'ce fichier n’est pas un fichier texte CSV (il contient des octets nuls, comme un fichier UTF-16 sans marque ou un fichier binaire) : l’enregistrer en « CSV UTF-8 »',
      'this file is not a CSV text file (it holds NUL bytes, as UTF-16 without a byte-order mark or a binary file does): save it as "CSV UTF-8"',
    );
  }
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - cut)));
      return 'utf-8';
    } catch {
      if (head.length < size) break;
    }
  }
  return 'windows-1252';
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

function countLines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The sheet a CSV file holds by default: its name without extension (`flux.csv` → `flux`). */
export function sheetOfPath(path: string): string {
  return basename(path)
    .replace(/\.[^.]*$/, '')
    .toLowerCase();
}

/**
 * The rows of a CSV file as one sheet, streamed. The sheet is named after the file
 * (`flux.csv` → `flux`) unless given.
 */
export function readCsv(path: string, sheet?: string, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow> {
  return readCsvSource(path, sheet ?? sheetOfPath(path), limits, basename(path));
}

/** The rows of a CSV file or buffer as the sheet `sheet`; `file` names it in error messages. */
export async function* readCsvSource(
  source: ByteSource,
  sheet: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  file?: string,
): AsyncGenerator<RawRow> {
  const L = withDefaults(limits);
  const encoding = await sniffEncoding(source, file);
  // UTF-8 through StringDecoder, which keeps its own copy of a character cut between chunks;
  // Windows-1252 is one byte per character.
  const utf8 = new StringDecoder('utf8');
  const cp1252 = new TextDecoder('windows-1252');
  let linesSeen = 0;
  const decode = (chunk: Buffer): string => {
    const text = encoding === 'windows-1252' ? cp1252.decode(chunk) : utf8.write(chunk);
    const bad = encoding === 'utf-8' ? text.indexOf('\uFFFD') : -1;
    if (bad >= 0) throw badEncoding(linesSeen + countLines(text, bad) + 1);
    linesSeen += countLines(text);
    return text;
  };
  const badEncoding = (line: number): UnreadableFileError =>
    unreadableAt(
      { file, row: line },
      'encodage incohérent : le fichier commence en UTF-8 mais contient d’autres octets à cette ligne ; l’enregistrer en « CSV UTF-8 »',
      'inconsistent encoding: the file starts as UTF-8 but holds other bytes on this line; save it as "CSV UTF-8"',
    );
  /** What the UTF-8 decoder still holds at the end: a character cut short is an encoding error. */
  const finish = (): string => {
    if (encoding !== 'utf-8') return '';
    const tail = utf8.end();
    if (tail.includes('\uFFFD')) throw badEncoding(linesSeen + 1);
    return tail;
  };
  // The text, the byte-order mark removed; the first line is held until it is whole (or too
  // long) to choose the separator.
  let delimiter: ';' | ',' = ';';
  const pending: string[] = [];
  const chunks = bytesOf(source)[Symbol.asyncIterator]();
  let first = '';
  let done = false;
  try {
    while (!done) {
      const next = await chunks.next();
      if (next.done) {
        done = true;
        first += finish();
        break;
      }
      first += decode(next.value);
      if (/\r?\n/.test(first) || first.length > L.maxRecordLength) break;
    }
  } catch (e) {
    await chunks.return?.(undefined);
    throw e;
  }
  first = first.replace(/^\uFEFF/, '');
  const eol = first.search(/\r?\n/);
  delimiter = detectDelimiter(eol < 0 ? first.slice(0, L.maxRecordLength) : first.slice(0, eol));
  pending.push(first);
  async function* text(): AsyncGenerator<string> {
    try {
      yield* pending;
      if (done) return;
      for (;;) {
        const next = await chunks.next();
        if (next.done) break;
        yield decode(next.value);
      }
      yield finish();
    } finally {
      await chunks.return?.(undefined);
    }
  }

  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: L.maxRecordLength,
    // Given rather than discovered: csv-parse allocates a buffer at every character until it
    // has seen a line break, which made a long first line take seconds.
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  // pipeline listens to every stream's 'error' and destroys the others: an error of the source
  // (encoding) or of the parser ends the loop below with that error, never as an uncaught event.
  let sourceError: unknown;
  const input = Readable.from(text(), { objectMode: false });
  input.on('error', (e) => {
    sourceError ??= e;
  });
  pipeline(input, parser, () => {
    /* errors surface through the parser's iterator below */
  });
  let rowNo = 0;
  let kept = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNo++;
      if (record.length > L.maxColumns) {
        throw unreadableAt(
          { file, row: rowNo },
          `la ligne a ${record.length} colonnes, plus que les ${L.maxColumns} d’un tableur : vérifier le séparateur (point-virgule ou virgule) et les guillemets de cette ligne`,
          `the row has ${record.length} columns, more than a spreadsheet's ${L.maxColumns}: check the separator (semicolon or comma) and the quotes of this row`,
        );
      }
      const problems: RawRow['problems'] = [];
      const cells: Cell[] = record.map((v, i) => {
        if (v === '') return null;
        const problem = cellProblem(v, L);
        if (problem) {
          problems.push({ column: i, ...problem });
          return null;
        }
        return v;
      });
      if (rowNo > 1 && !problems.length && cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) continue;
      if (++kept > L.maxRows + 1)
        throw unreadableAt({ file }, `le fichier dépasse ${L.maxRows} lignes`, `the file has more than ${L.maxRows} rows`);
      yield { sheet, row: rowNo, cells, problems };
    }
    if (sourceError) throw sourceError;
  } catch (e) {
    const cause = sourceError ?? e;
    if (cause instanceof UnreadableFileError) throw cause;
    throw csvFailure(cause, file, rowNo, L);
  } finally {
    parser.destroy();
    input.destroy();
    // Closes the file even when the text generator never started (an error on the first line).
    await chunks.return?.(undefined);
  }
}

/** The `UnreadableFileError` of a CSV parser's error, in French and English, with its place. */
function csvFailure(e: unknown, file: string | undefined, rowNo: number, L: Required<ReadLimits>): UnreadableFileError {
  if (e instanceof CsvError) {
    const records = typeof e.records === 'number' ? e.records : rowNo;
    const row = records + 1;
    const column = typeof e.index === 'number' ? e.index + 1 : undefined;
    switch (e.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return unreadableAt(
          { file, row, column },
          'un guillemet (") ouvert dans cette cellule n’est jamais refermé, si bien que la fin du fichier serait lue comme une seule cellule : refermer le guillemet ou le retirer',
          'a quote (") opened in this cell is never closed, so the rest of the file would be read as one cell: close the quote or remove it',
        );
      case 'CSV_MAX_RECORD_SIZE':
        return unreadableAt(
          { file, row },
          `la ligne dépasse ${L.maxRecordLength} caractères (un guillemet jamais refermé, des lignes sans retour à la ligne, ou une cellule trop longue ?) : vérifier cette ligne, ou enregistrer de nouveau le fichier en « CSV UTF-8 »`,
          `the row exceeds ${L.maxRecordLength} characters (a quote never closed, lines without line breaks, or a cell too long?): check this row, or save the file again as "CSV UTF-8"`,
        );
      default:
        return unreadableAt(
          { file, row, column },
          'structure CSV incorrecte à cet endroit : vérifier les guillemets et les séparateurs de cette ligne, ou enregistrer de nouveau le fichier en « CSV UTF-8 » depuis le tableur',
          `invalid CSV structure here (${e.code}: ${e.message}): check the quotes and separators of this row, or save the file again as "CSV UTF-8" from the spreadsheet`,
        );
    }
  }
  return unreadableAt(
    { file, row: rowNo + 1 },
    'le fichier CSV n’a pas pu être lu à partir de cette ligne : l’ouvrir dans un tableur et l’enregistrer de nouveau en « CSV UTF-8 »',
    `the CSV file could not be read from this row (${(e as Error)?.message ?? String(e)}): open it in a spreadsheet and save it again as "CSV UTF-8"`,
  );
}

/** A file of an import: its path, the sheet a CSV file holds, and the name to show in messages. */
export interface ImportFile {
  path: string;
  /** For a CSV file: the sheet it holds; by default its name (`flux.csv` → `flux`). */
  sheet?: string | undefined;
  /** The file's name as the user knows it (an upload's), for messages; by default the path's last part. */
  name?: string | undefined;
}

/**
 * The rows of the files of one import, read in this thread: an XLSX workbook, or CSV files (one
 * per sheet). `rowsOfFiles` (source.ts) runs this in a worker thread.
 */
export async function* readFilesInProcess(files: readonly ImportFile[], limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow> {
  for (const f of files) {
    const name = f.name ?? basename(f.path);
    let kind: FileKind;
    try {
      kind = await sniffKind(f.path);
    } catch (e) {
      throw unreadableAt(
        { file: name },
        'le fichier n’a pas pu être ouvert : vérifier son chemin et ses droits',
        `the file could not be opened (${(e as Error).message}): check its path and permissions`,
      );
    }
    if (kind === 'xlsx') yield* readXlsx(f.path, limits, name);
    else if (kind === 'csv') yield* readCsvSource(f.path, f.sheet ?? sheetOfPath(f.name ?? f.path), limits, name);
    else {
      throw unreadableAt(
        { file: name },
        'un document territoire JSON se charge avec « boucles load » (nouveau territoire) ; l’import par lignes prend un classeur XLSX ou des CSV',
        'a JSON territory document is loaded with "boucles load" (new territory); row imports take an XLSX workbook or CSV files',
      );
    }
  }
}
