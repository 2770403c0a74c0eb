/** The shapes of the import API's answers (apps/server/src/routes/imports.ts, docs/formats.md "Spreadsheet"). */
import type { Language } from '../../../app/i18n/index.js';

export const SHEET_NAMES = ['acteurs', 'sites', 'flux', 'besoins'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

/** What the user chooses: `dry-run` checks only; the two others write once confirmed. */
export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type Bilingual = Record<Language, string>;

export interface CellIssue {
  sheet: string;
  /** As the spreadsheet shows it: the header is row 1. */
  row: number;
  /** The column's header (`siret`), or empty for a problem of the whole sheet. */
  column: string;
  code: string;
  message: Bilingual;
}

export interface SheetCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport {
  id: string;
  territory: string;
  mode: ImportMode;
  written: boolean;
  counts: Record<SheetName, SheetCounts>;
  issues: CellIssue[];
  issueCount: number;
  warnings: CellIssue[];
  ignoredSheets: string[];
  ignoredColumns: Record<string, string[]>;
  /** Where to download the rejected rows (valid-rows mode). */
  rejectedFile: string | null;
}

/** One past import, as `GET /api/territories/{code}/imports` lists it. */
export interface ImportRun {
  id: string;
  mode: string;
  fileName: string | null;
  written: boolean;
  /** The stored report (without its id and rejected-file link); read defensively, it is stored JSON. */
  report: Partial<Omit<ImportReport, 'id' | 'rejectedFile'>> | null;
  hasRejectedFile: boolean;
  createdAt: string;
}

export function isMode(value: string): value is ImportMode {
  return (IMPORT_MODES as readonly string[]).includes(value);
}

export function isSheet(value: string): value is SheetName {
  return (SHEET_NAMES as readonly string[]).includes(value);
}
