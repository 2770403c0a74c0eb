/** What the spreadsheet readers hand over, their limits and their one error. */
import type { Cell } from '@boucles/engine';
import { AppError } from '../../platform/errors.js';

export interface RawRow {
  sheet: string;
  /** The row number as the spreadsheet shows it: the header is row 1. */
  row: number;
  cells: Cell[];
  /** Cells that could not be read (a formula without a stored value, an error value, a cell too long). */
  problems: { column: number; fr: string; en: string }[];
}

/**
 * What a reader accepts before it stops with an `UnreadableFileError` (docs/formats.md, "Limits").
 * The first three are required (and set from the environment); the others have defaults
 * (`withDefaults`), so that callers written before them keep compiling.
 */
export interface ReadLimits {
  /** Largest total uncompressed size of an XLSX's parts, in bytes (zip-bomb guard). */
  maxUncompressedBytes: number;
  /** Most data rows read in one sheet. */
  maxRows: number;
  /** Longest cell, in characters (Excel's own limit is 32,767). A longer cell is a problem of its row. */
  maxCellLength: number;
  /** Most columns in a row (Excel's own limit is 16,384, XFD). */
  maxColumns?: number;
  /** Longest row, in characters: a CSV record (quoted line breaks included), or the cells of an XLSX row in all. */
  maxRecordLength?: number;
  /** Most sheets in a workbook. */
  maxSheets?: number;
  /** Most parts (files) in an XLSX archive. */
  maxZipEntries?: number;
  /** Most shared strings in a workbook, and their total length in characters. */
  maxSharedStrings?: number;
  maxSharedStringsLength?: number;
  /** Deepest nesting of XML elements in a part, and of arrays and objects in a JSON document. */
  maxXmlDepth?: number;
  maxJsonDepth?: number;
  /** Largest JSON document, in bytes. */
  maxJsonBytes?: number;
  /** Heap of the worker thread that parses the files, in MiB: a parser that needs more is stopped there. */
  workerHeapMb?: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxRows: 1_000_000,
  maxCellLength: 32_767,
};

const DEFAULT_EXTRA: Required<Omit<ReadLimits, 'maxUncompressedBytes' | 'maxRows' | 'maxCellLength'>> = {
  maxColumns: 16_384,
  maxRecordLength: 32_767 * 50,
  maxSheets: 1_000,
  maxZipEntries: 10_000,
  maxSharedStrings: 5_000_000,
  maxSharedStringsLength: 100_000_000,
  maxXmlDepth: 64,
  maxJsonDepth: 64,
  maxJsonBytes: 200 * 1024 * 1024,
  workerHeapMb: 1_536,
};

/** Every limit, the unset ones at their default. */
export function withDefaults(limits: ReadLimits): Required<ReadLimits> {
  const out = { ...DEFAULT_EXTRA, ...limits } as Required<ReadLimits>;
  for (const key of Object.keys(DEFAULT_EXTRA) as (keyof typeof DEFAULT_EXTRA)[]) {
    if (!(typeof out[key] === 'number' && out[key] > 0)) out[key] = DEFAULT_EXTRA[key];
  }
  return out;
}

/** Where in a file something was found; every part is optional. */
export interface Location {
  file?: string | undefined;
  sheet?: string | undefined;
  row?: number | undefined;
  /** 1-based column number. */
  column?: number | undefined;
}

/** A file that cannot be read at all: the whole import stops with this message. */
export class UnreadableFileError extends AppError {
  constructor(
    readonly fr: string,
    readonly en: string,
    readonly location: Location = {},
  ) {
    super('unreadable_file', { fr, en });
    this.name = 'UnreadableFileError';
  }
}

/** Column letters of a 1-based column number: 1 → A, 16,384 → XFD. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** « fichier flux.csv, ligne 3, colonne 2 (B) » and its English counterpart; empty parts left out. */
export function where(loc: Location): { fr: string; en: string } {
  const fr: string[] = [];
  const en: string[] = [];
  if (loc.file) {
    fr.push(`fichier « ${loc.file} »`);
    en.push(`file "${loc.file}"`);
  }
  if (loc.sheet) {
    fr.push(`feuille « ${loc.sheet} »`);
    en.push(`sheet "${loc.sheet}"`);
  }
  if (loc.row !== undefined) {
    fr.push(`ligne ${loc.row}`);
    en.push(`row ${loc.row}`);
  }
  if (loc.column !== undefined) {
    fr.push(`colonne ${loc.column} (${columnLetters(loc.column)})`);
    en.push(`column ${loc.column} (${columnLetters(loc.column)})`);
  }
  return { fr: fr.join(', '), en: en.join(', ') };
}

/** An `UnreadableFileError` whose messages start with where it happened: « fichier x, ligne 3 : … ». */
export function unreadableAt(loc: Location, fr: string, en: string): UnreadableFileError {
  const w = where(loc);
  return new UnreadableFileError(w.fr ? `${w.fr} : ${fr}` : fr, w.en ? `${w.en}: ${en}` : en, loc);
}

/** The problem of a cell longer than the limit, or holding a NUL character; null when the cell is fine. */
export function cellProblem(text: string, limits: ReadLimits): { fr: string; en: string } | null {
  if (text.length > limits.maxCellLength) {
    return {
      fr: `cellule de plus de ${limits.maxCellLength} caractères (la limite d’Excel) : la raccourcir ou la répartir sur plusieurs cellules`,
      en: `cell of more than ${limits.maxCellLength} characters (Excel's limit): shorten it or split it across cells`,
    };
  }
  if (text.includes('\u0000')) {
    return {
      fr: 'la cellule contient un caractère nul (octet 0), qu’un texte ne peut pas contenir : retaper la cellule ou enregistrer de nouveau le fichier',
      en: 'the cell holds a NUL character (byte 0), which text cannot hold: retype the cell or save the file again',
    };
  }
  return null;
}
