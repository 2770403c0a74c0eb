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
import { UnreadableFileError, cellProblem, unreadableAt, withDefaults, type Location, type RawRow, type ReadLimits } from './types.js';

type Problem = RawRow['problems'][number];

const RESAVE_FR = 'ouvrir le fichier dans Excel ou LibreOffice et l’enregistrer de nouveau au format « Classeur Excel (.xlsx) »';
const RESAVE_EN = 'open the file in Excel or LibreOffice and save it again as "Excel Workbook (.xlsx)"';

function badZip(file: string | undefined, err: unknown, part?: string): UnreadableFileError {
  const detail = err instanceof Error ? err.message : String(err);
  return unreadableAt(
    { file },
    `fichier XLSX illisible : l’archive zip est invalide, tronquée ou endommagée${part ? ` (partie ${part})` : ''} ; ${RESAVE_FR}`,
    `unreadable XLSX file: the zip archive is invalid, truncated or damaged${part ? ` (part ${part})` : ''} (${detail}); ${RESAVE_EN}`,
  );
}

const ZIP_OPTIONS = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false };

function openZip(source: string | Buffer, file: string | undefined): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile): void => {
      if (err || !zip) reject(badZip(file, err));
      else {
        // A later fault of the archive must never become an unhandled 'error' event.
        zip.on('error', () => undefined);
        resolve(zip);
      }
    };
    if (typeof source === 'string') yauzl.open(source, ZIP_OPTIONS, done);
    else yauzl.fromBuffer(source, ZIP_OPTIONS, done);
  });
}

function listEntries(zip: yauzl.ZipFile, max: number, file: string | undefined): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let count = 0;
    zip.on('entry', (e: yauzl.Entry) => {
      if (++count > max) {
        reject(
          unreadableAt(
            { file },
            `fichier XLSX refusé : l’archive contient plus de ${max} parties, bien plus qu’un classeur ; ${RESAVE_FR}`,
            `XLSX file refused: the archive holds more than ${max} parts, far more than a workbook; ${RESAVE_EN}`,
          ),
        );
        return;
      }
      entries.set(e.fileName.replace(/^\/+/, ''), e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: unknown) => reject(badZip(file, err)));
    zip.readEntry();
  });
}

class Budget {
  private used = 0;
  constructor(
    private readonly max: number,
    private readonly file: string | undefined,
  ) {}
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.max) {
      const mb = Math.round(this.max / 1048576);
      throw unreadableAt(
        { file: this.file },
        `fichier refusé : son contenu décompressé dépasse ${mb} Mo (limite BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB)`,
        `file refused: its uncompressed content exceeds ${mb} MB (limit BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB)`,
      );
    }
  }
}

/** Inflates one part and hands its text to `onText` in order, decoding UTF-8 across chunk boundaries. */
async function* textOf(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, file: string | undefined): AsyncGenerator<string> {
  const part = entry.fileName;
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(badZip(file, err ?? 'no stream', part)) : resolve(s))),
  );
  // StringDecoder keeps its own copy of a character cut at the end of a chunk; TextDecoder in
  // stream mode garbled such characters here (the inflater's chunks share memory).
  const decoder = new StringDecoder('utf8');
  try {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        budget.take(chunk.length); // sizes are counted as they are inflated
        yield decoder.write(chunk);
      }
    } catch (e) {
      if (e instanceof UnreadableFileError) throw e;
      throw badZip(file, e, part);
    }
    yield decoder.end();
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  text?(t: string): void;
  close?(tag: SaxesTagPlain): void;
}

/** What is being read, for error messages: the file, the part, and for a sheet its name and current row. */
interface PartContext {
  file: string | undefined;
  limits: Required<ReadLimits>;
  sheet?: string;
  row?: () => number | undefined;
}

/** Parses a part with saxes, calling the handlers; yields between chunks so rows can be consumed as they come. */
async function readXml(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, ctx: PartContext, on: XmlHandlers): Promise<void> {
  for await (const _ of parseXml(zip, entry, budget, ctx, on)) {
    /* drain */
  }
}

/**
 * saxes refuses what XML does not allow (entities it does not know, so no external entity is
 * ever fetched or expanded: XXE is refused); its errors and the handlers' come out as an
 * `UnreadableFileError` with the part and the XML line and column.
 */
async function* parseXml(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, ctx: PartContext, on: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser();
  const part = entry.fileName;
  let error: unknown;
  let depth = 0;
  const guard =
    <A extends unknown[]>(fn: (...a: A) => void) =>
    (...a: A): void => {
      if (error !== undefined) return;
      try {
        fn(...a);
      } catch (e) {
        error = e;
      }
    };
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on(
    'opentag',
    guard((tag: SaxesTagPlain) => {
      if (++depth > ctx.limits.maxXmlDepth) {
        throw new UnreadableFileError(
          `éléments XML imbriqués sur plus de ${ctx.limits.maxXmlDepth} niveaux`,
          `XML elements nested more than ${ctx.limits.maxXmlDepth} levels deep`,
        );
      }
      on.open?.(tag);
    }),
  );
  if (on.text) parser.on('text', guard(on.text));
  parser.on(
    'closetag',
    guard((tag: SaxesTagPlain) => {
      depth--;
      on.close?.(tag);
    }),
  );
  const fail = (): UnreadableFileError => {
    const loc: Location = { file: ctx.file, sheet: ctx.sheet, row: ctx.row?.() };
    if (error instanceof UnreadableFileError) {
      if (error.location.file || error.location.sheet) return error;
      return unreadableAt(loc, `${error.fr} (partie ${part})`, `${error.en} (part ${part})`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    return unreadableAt(
      loc,
      `fichier XLSX illisible : XML incorrect dans la partie ${part}, ligne ${parser.line}, colonne ${parser.column} ; ${RESAVE_FR}`,
      `unreadable XLSX file: invalid XML in part ${part}, line ${parser.line}, column ${parser.column} (${detail}); ${RESAVE_EN}`,
    );
  };
  for await (const text of textOf(zip, entry, budget, ctx.file)) {
    try {
      parser.write(text);
    } catch (e) {
      error ??= e;
    }
    if (error !== undefined) throw fail();
    yield;
  }
  try {
    parser.close();
  } catch (e) {
    error ??= e;
  }
  if (error !== undefined) throw fail();
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

export async function* readXlsxStream(source: string | Buffer, limits: ReadLimits, file?: string): AsyncGenerator<RawRow> {
  const L = withDefaults(limits);
  const zip = await openZip(source, file);
  const budget = new Budget(L.maxUncompressedBytes, file);
  const ctx: PartContext = { file, limits: L };
  try {
    const entries = await listEntries(zip, L.maxZipEntries, file);
    const declared = [...entries.values()].reduce((s, e) => s + e.uncompressedSize, 0);
    if (declared > L.maxUncompressedBytes) budget.take(declared);
    const workbook = entries.get('xl/workbook.xml');
    if (!workbook)
      throw unreadableAt(
        { file },
        `ce fichier n’est pas un classeur XLSX (pas de partie xl/workbook.xml) ; ${RESAVE_FR}`,
        `this file is not an XLSX workbook (no xl/workbook.xml part); ${RESAVE_EN}`,
      );

    // Sheet names and their parts, in workbook order.
    const sheets: { name: string; rid: string }[] = [];
    await readXml(zip, workbook, budget, ctx, {
      open(tag) {
        if (tag.name !== 'sheet') return;
        if (sheets.length >= L.maxSheets)
          throw new UnreadableFileError(
            `le classeur a plus de ${L.maxSheets} feuilles`,
            `the workbook has more than ${L.maxSheets} sheets`,
          );
        const name = attr(tag, 'name') ?? '';
        // Excel allows 31 characters; a name far longer is not a spreadsheet's.
        if (name.length > 255)
          throw new UnreadableFileError(
            `une feuille a un nom de ${name.length} caractères (Excel en permet 31)`,
            `a sheet has a name of ${name.length} characters (Excel allows 31)`,
          );
        sheets.push({ name, rid: attr(tag, 'r:id') ?? '' });
      },
    });
    const targets = new Map<string, string>();
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    if (rels) {
      await readXml(zip, rels, budget, ctx, {
        open(tag) {
          if (tag.name === 'Relationship') targets.set(attr(tag, 'Id') ?? '', resolveTarget(attr(tag, 'Target') ?? ''));
        },
      });
    }

    // Shared strings: the text of each <si>, runs joined, phonetic hints left out. A string too
    // long is kept as is here and reported where a cell uses it.
    const strings: string[] = [];
    const shared = entries.get('xl/sharedStrings.xml');
    if (shared) {
      let current: string[] | null = null;
      let inText = false;
      let phonetic = 0;
      let total = 0;
      await readXml(zip, shared, budget, ctx, {
        open(tag) {
          if (tag.name === 'si') current = [];
          else if (tag.name === 'rPh') phonetic++;
          else if (tag.name === 't' && phonetic === 0) inText = true;
        },
        text(t) {
          if (!inText || !current) return;
          total += t.length;
          if (total > L.maxSharedStringsLength) {
            throw new UnreadableFileError(
              `les textes du classeur dépassent ${L.maxSharedStringsLength} caractères au total`,
              `the workbook's texts exceed ${L.maxSharedStringsLength} characters in all`,
            );
          }
          current.push(t);
        },
        close(tag) {
          if (tag.name === 't') inText = false;
          else if (tag.name === 'rPh') phonetic--;
          else if (tag.name === 'si') {
            if (strings.length >= L.maxSharedStrings) {
              throw new UnreadableFileError(
                `le classeur a plus de ${L.maxSharedStrings} textes différents`,
                `the workbook has more than ${L.maxSharedStrings} distinct texts`,
              );
            }
            strings.push((current ?? []).join(''));
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
      let valueLength = 0;
      let inValue = false;
      let count = 0;
      const sheetCtx: PartContext = { file, limits: L, sheet: sheet.name, row: () => (rowNumber > 0 ? rowNumber : undefined) };
      const here = (column?: number): Location => ({ file, sheet: sheet.name, row: rowNumber > 0 ? rowNumber : undefined, column });
      const handlers: XmlHandlers = {
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
              if (col < 0 || col >= L.maxColumns || !Number.isFinite(col)) {
                const shown = ref && ref.length <= 20 ? ref : `${(ref ?? '').slice(0, 20)}…`;
                throw unreadableAt(
                  here(),
                  col < 0
                    ? `référence de cellule incorrecte « ${shown} » ; ${RESAVE_FR}`
                    : `une cellule (${ref ? `« ${shown} »` : `colonne ${col + 1}`}) est au-delà de la colonne ${L.maxColumns}, la dernière d’un tableur (XFD) : retirer les colonnes en trop`,
                  col < 0
                    ? `invalid cell reference "${shown}"; ${RESAVE_EN}`
                    : `a cell (${ref ? `"${shown}"` : `column ${col + 1}`}) is beyond column ${L.maxColumns}, a spreadsheet's last (XFD): remove the extra columns`,
                );
              }
              type = attr(tag, 't') ?? 'n';
              hasFormula = false;
              value = null;
              valueLength = 0;
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
          if (!inValue || !value) return;
          // Keep one character more than the limit: enough to tell the cell is too long.
          if (valueLength > L.maxCellLength) return;
          value.push(t);
          valueLength += t.length;
        },
        close(tag: SaxesTagPlain) {
          switch (tag.name) {
            case 'v':
            case 't':
              inValue = false;
              break;
            case 'c': {
              let cell: Cell = null;
              const raw = value === null ? null : (value as string[]).join('');
              if (raw === null) {
                if (hasFormula)
                  problems.push({
                    column: col,
                    fr: 'formule sans valeur enregistrée : recalculer et enregistrer le fichier dans Excel, ou coller la valeur',
                    en: 'formula without a stored value: recalculate and save the file in Excel, or paste the value',
                  });
              } else if (type === 's') cell = strings[Number(raw)] ?? null;
              else if (type === 'b') cell = raw === '1';
              else if (type === 'e')
                problems.push({
                  column: col,
                  fr: `valeur d'erreur Excel ${raw.slice(0, 20)}`,
                  en: `Excel error value ${raw.slice(0, 20)}`,
                });
              else if (type === 'str' || type === 'inlineStr') cell = raw;
              else {
                const n = Number(raw);
                cell = raw.trim() !== '' && Number.isFinite(n) ? n : raw;
              }
              if (typeof cell === 'string') {
                const problem = cellProblem(cell, L);
                if (problem) {
                  problems.push({ column: col, ...problem });
                  cell = null;
                }
              }
              while (cells.length < col) cells.push(null);
              cells[col] = cell;
              break;
            }
            case 'row': {
              // As for a CSV record: a row holds at most maxRecordLength characters in all.
              let length = 0;
              for (const x of cells) if (typeof x === 'string') length += x.length;
              if (length > L.maxRecordLength) {
                throw unreadableAt(
                  here(),
                  `la ligne dépasse ${L.maxRecordLength} caractères en tout : la découper, ou retirer les colonnes inutiles`,
                  `the row exceeds ${L.maxRecordLength} characters in all: split it, or remove unneeded columns`,
                );
              }
              const blank = cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''));
              if (rowNumber === 1 || !blank || problems.length) {
                if (++count > L.maxRows + 1) {
                  throw unreadableAt(
                    { file, sheet: sheet.name },
                    `la feuille dépasse ${L.maxRows} lignes`,
                    `the sheet has more than ${L.maxRows} rows`,
                  );
                }
                ready.push({ sheet: sheet.name, row: rowNumber, cells, problems });
              }
              break;
            }
          }
        },
      };
      for await (const _ of parseXml(zip, entry, budget, sheetCtx, handlers)) {
        while (ready.length) yield ready.shift() as RawRow;
      }
      while (ready.length) yield ready.shift() as RawRow;
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw unreadableAt(
      { file },
      `le fichier XLSX n’a pas pu être lu ; ${RESAVE_FR}`,
      `the XLSX file could not be read (${e instanceof Error ? e.message : String(e)}); ${RESAVE_EN}`,
    );
  } finally {
    zip.close();
  }
}
