/** What the spreadsheet readers hand over, their limits and their one error. */
import type { Cell } from '@boucles/engine';

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

