/**
 * A streaming reader of XLSX workbooks: yauzl opens the zip (and checks each part's real size
 * against its header), saxes parses the XML as it is inflated. Shared strings are read first
 * whatever their place in the archive, and every inflated byte is counted against a limit, so a
 * zip bomb stops early. Only values are read: no styles, no formulas' text (their last computed
 * value is used).
 *
 * We do not use ExcelJS's streaming reader here: it decodes each chunk of XML on its own and
 * garbles a UTF-8 character cut at a chunk boundary (« cassées » read as « cass��es »); a test
 * reads 20,000 accented rows back to guard against that.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Cell } from '@boucles/engine';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { UnreadableFileError, type RawRow, type ReadLimits } from './types.js';

type Problem = RawRow['problems'][number];

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false }, (err, zip) =>
      err || !zip
        ? reject(new UnreadableFileError(`fichier XLSX illisible (archive zip invalide ou tronquée) : ${err?.message ?? ''}`, `unreadable XLSX file (invalid or truncated zip): ${err?.message ?? ''}`))
        : resolve(zip),
    ),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(e.fileName.replace(/^\/+/, ''), e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

class Budget {
  private used = 0;
  constructor(private readonly max: number) {}
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.max) {
      const mb = Math.round(this.max / 1048576);
      throw new UnreadableFileError(
        `fichier refusé : son contenu décompressé dépasse ${mb} Mo (limite BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB)`,
        `file refused: its uncompressed content exceeds ${mb} MB (limit BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB)`,
      );
    }
  }
}

/** Inflates one part and hands its text to `onText` in order, decoding UTF-8 across chunk boundaries. */
async function* textOf(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget): AsyncGenerator<string> {
  if (entry.uncompressedSize > 0) budget.take(0); // sizes are counted as they are inflated
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
  );
  // StringDecoder keeps its own copy of a character cut at the end of a chunk; TextDecoder in
  // stream mode garbled such characters here (the inflater's chunks share memory).
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      yield decoder.write(chunk);
    }
    yield decoder.end();
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

/** Parses a part with saxes, calling the handlers; yields between chunks so rows can be consumed as they come. */
async function readXml(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, on: { open?(tag: SaxesTagPlain): void; text?(t: string): void; close?(tag: SaxesTagPlain): void }): Promise<void> {
  for await (const _ of parseXml(zip, entry, budget, on)) {
    /* drain */
  }
}

async function* parseXml(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, on: { open?(tag: SaxesTagPlain): void; text?(t: string): void; close?(tag: SaxesTagPlain): void }): AsyncGenerator<void> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  if (on.open) parser.on('opentag', on.open);
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', on.close);
  for await (const text of textOf(zip, entry, budget)) {
    parser.write(text);
    if (error) throw error;
    yield;
  }
  parser.close();
  if (error) throw error;
}

/** Column index (0-based) of a cell reference such as `AB12`. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
}

function resolveTarget(target: string): string {
  const t = target.replace(/^\/+/, '');
  return t.startsWith('xl/') ? t : `xl/${t}`;
}

export async function* readXlsxStream(path: string, limits: ReadLimits): AsyncGenerator<RawRow> {
  const zip = await openZip(path);
  const budget = new Budget(limits.maxUncompressedBytes);
  try {
    const entries = await listEntries(zip);
    const declared = [...entries.values()].reduce((s, e) => s + e.uncompressedSize, 0);
    if (declared > limits.maxUncompressedBytes) budget.take(declared);
    const workbook = entries.get('xl/workbook.xml');
    if (!workbook) throw new UnreadableFileError('ce fichier n’est pas un classeur XLSX (pas de xl/workbook.xml)', 'this file is not an XLSX workbook (no xl/workbook.xml)');

    // Sheet names and their parts, in workbook order.
    const sheets: { name: string; rid: string }[] = [];
    await readXml(zip, workbook, budget, {
      open(tag) {
        if (tag.name === 'sheet') sheets.push({ name: attr(tag, 'name') ?? '', rid: attr(tag, 'r:id') ?? '' });
      },
    });
    const targets = new Map<string, string>();
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    if (rels) {
      await readXml(zip, rels, budget, {
        open(tag) {
          if (tag.name === 'Relationship') targets.set(attr(tag, 'Id') ?? '', resolveTarget(attr(tag, 'Target') ?? ''));
        },
      });
    }

    // Shared strings: the text of each <si>, runs joined, phonetic hints left out.
    const strings: string[] = [];
    const shared = entries.get('xl/sharedStrings.xml');
    if (shared) {
      let current: string[] | null = null;
      let inText = false;
      let phonetic = 0;
      await readXml(zip, shared, budget, {
        open(tag) {
          if (tag.name === 'si') current = [];
          else if (tag.name === 'rPh') phonetic++;
          else if (tag.name === 't' && phonetic === 0) inText = true;
        },
        text(t) {
          if (inText && current) current.push(t);
        },
        close(tag) {
          if (tag.name === 't') inText = false;
          else if (tag.name === 'rPh') phonetic--;
          else if (tag.name === 'si') {
            const text = (current ?? []).join('');
            strings.push(text.length > limits.maxCellLength ? text.slice(0, limits.maxCellLength) : text);
            current = null;
          }
        },
      });
    }

    for (const sheet of sheets) {
      const entry = entries.get(targets.get(sheet.rid) ?? '');
      if (!entry) continue;
      const ready: RawRow[] = [];
      let rowNumber = 0;
      let nextRow = 1;
      let cells: Cell[] = [];
      let problems: Problem[] = [];
      let col = 0;
      let type = 'n';
      let hasFormula = false;
      let value: string[] | null = null;
      let inValue = false;
      let count = 0;
      const handlers = {
        open(tag: SaxesTagPlain) {
          switch (tag.name) {
            case 'row': {
              const r = Number(attr(tag, 'r'));
              rowNumber = Number.isInteger(r) && r > 0 ? r : nextRow;
              nextRow = rowNumber + 1;
              cells = [];
              problems = [];
              break;
            }
            case 'c': {
              const ref = attr(tag, 'r');
              col = ref ? columnIndex(ref) : cells.length;
              type = attr(tag, 't') ?? 'n';
              hasFormula = false;
              value = null;
              break;
            }
            case 'f':
              hasFormula = true;
              break;
            case 'v':
            case 't':
              inValue = true;
              value ??= [];
              break;
          }
        },
        text(t: string) {
          if (inValue && value) value.push(t);
        },
        close(tag: SaxesTagPlain) {
          switch (tag.name) {
            case 'v':
            case 't':
              inValue = false;
              break;
            case 'c': {
              if (col < 0 || col > 16_383) break;
              let cell: Cell = null;
              const raw = value === null ? null : (value as string[]).join('');
              if (raw === null) {
                if (hasFormula) problems.push({ column: col, fr: 'formule sans valeur enregistrée : recalculer et enregistrer le fichier dans Excel, ou coller la valeur', en: 'formula without a stored value: recalculate and save the file in Excel, or paste the value' });
              } else if (type === 's') cell = strings[Number(raw)] ?? null;
              else if (type === 'b') cell = raw === '1';
              else if (type === 'e') problems.push({ column: col, fr: `valeur d'erreur Excel ${raw}`, en: `Excel error value ${raw}` });
              else if (type === 'str' || type === 'inlineStr') cell = raw.length > limits.maxCellLength ? raw.slice(0, limits.maxCellLength) : raw;
              else {
                const n = Number(raw);
                cell = raw.trim() !== '' && Number.isFinite(n) ? n : raw;
              }
              while (cells.length < col) cells.push(null);
              cells[col] = cell;
              break;
            }
            case 'row': {
              const blank = cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''));
              if (rowNumber === 1 || !blank || problems.length) {
                if (++count > limits.maxRows + 1) {
                  throw new UnreadableFileError(`la feuille ${sheet.name} dépasse ${limits.maxRows} lignes`, `sheet ${sheet.name} has more than ${limits.maxRows} rows`);
                }
                ready.push({ sheet: sheet.name, row: rowNumber, cells, problems });
              }
              break;
            }
          }
        },
      };
      for await (const _ of parseXml(zip, entry, budget, handlers)) {
        while (ready.length) yield ready.shift() as RawRow;
      }
      while (ready.length) yield ready.shift() as RawRow;
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`fichier XLSX illisible : ${(e as Error).message}`, `unreadable XLSX file: ${(e as Error).message}`);
  } finally {
    zip.close();
  }
}
