/** The shapes of the import API's answers (modules/interchange/imports.routes.ts on the server, docs/formats.md "Spreadsheet"). */
import type { Language } from '../../../app/i18n/index.js';
import type { ImportReport as GeneratedImportReport } from '../../../api/types.js';

export const SHEET_NAMES = ['acteurs', 'sites', 'flux', 'besoins'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

/** What the user chooses: `dry-run` checks only; the two others write once confirmed. */
export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type Bilingual = Record<Language, string>;

/** The import's report, as the API answers it (types generated from the server's OpenAPI document). */
export type ImportReport = GeneratedImportReport;
/** A problem of a cell, a row or a sheet: as the spreadsheet shows it, the header is row 1. */
export type CellIssue = ImportReport['issues'][number];
export type SheetCounts = ImportReport['counts'][SheetName];

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
