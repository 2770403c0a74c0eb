/**
 * What an import says back: sheet by sheet, what was (or, in dry-run, would be) created, updated,
 * left unchanged and rejected, and why; and the rejected rows themselves, for the file the user
 * corrects and imports again (`rejected.ts`).
 */
import type { Cell, CellIssue, SheetName } from '@boucles/engine';

export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface SheetCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface RejectedRow {
  row: number;
  cells: Cell[];
  errors: string;
}

export interface ImportReport {
  territory: string;
  mode: ImportMode;
  /** Whether anything was written: never in dry-run, never in all-or-nothing with an error. */
  written: boolean;
  counts: Record<SheetName, SheetCounts>;
  /** Every error, by sheet, row and column (at most `MAX_REPORTED`; `issueCount` has them all). */
  issues: CellIssue[];
  issueCount: number;
  /** What is imported but worth knowing: sites not located, unknown columns… */
  warnings: CellIssue[];
  ignoredSheets: string[];
  ignoredColumns: Partial<Record<SheetName, string[]>>;
  /** The rejected rows of each sheet, as read, for the file the user corrects and re-imports. */
  rejected: Partial<Record<SheetName, { headers: string[]; rows: RejectedRow[] }>>;
}

export interface ImportProgress {
  phase: 'read' | 'check' | 'write';
  rows: number;
}

/** A report with nothing in it yet. */
export function emptyReport(territory: string, mode: ImportMode): ImportReport {
  const c = (): SheetCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });
  return {
    territory,
    mode,
    written: false,
    counts: { acteurs: c(), sites: c(), flux: c(), besoins: c() },
    issues: [],
    issueCount: 0,
    warnings: [],
    ignoredSheets: [],
    ignoredColumns: {},
    rejected: {},
  };
}
