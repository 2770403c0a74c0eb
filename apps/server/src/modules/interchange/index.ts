/**
 * Interchange: the spreadsheet template, imports (XLSX, CSV, JSON document) with their reports and
 * rejected rows, and exports of a territory. Readers run in a worker thread with limits.
 */
import type { FastifyInstance } from 'fastify';
import { loadResourceTaxonomy, loadUnits } from '@boucles/reference-data';
import { defineModule } from '../../platform/http/module.js';
import { exportRoutes } from './exports.routes.js';
import { importRoutes } from './imports.routes.js';
import type { TerritoryExportService } from './export.service.js';
import type { TerritoryImportService } from './import.service.js';
import type { ReadLimits } from './read.js';
import type { WorkbookLists } from './workbook.js';

export * from './import.service.js';
export * from './export.service.js';
export * from './document.service.js';
export { ImportRunRepository } from './import-runs.repository.js';
export { rowsOfFiles, limitsFromEnv, readJsonDocument, type ImportFile } from './source.js';
export { parseJsonText } from './json-reader.js';
export { UnreadableFileError, readCsv, readXlsx, DEFAULT_LIMITS, type RawRow, type ReadLimits } from './read.js';
export { rejectedWorkbook, rejectedCsv } from './rejected.js';
export { buildWorkbook, writeWorkbookFile, type WorkbookLists } from './workbook.js';
export { sweepStaleUploads } from './imports.routes.js';

/** The lists of the template's drop-downs, from the reference data. */
export function workbookLists(): WorkbookLists {
  return {
    resourceCodes: loadResourceTaxonomy().entries.map((e) => ({ code: e.code, labelFr: e.labelFr })),
    units: loadUnits().units.map((u) => u.code),
  };
}

export interface UploadSettings {
  /** Largest uploaded file for imports, in bytes. */
  maxUploadBytes: number;
  limits: ReadLimits;
}

export const interchangeModule = defineModule({
  name: 'interchange',
  tags: [{ name: 'imports', description: 'Spreadsheet imports (XLSX, CSV) into a territory' }],
  routes(
    app: FastifyInstance,
    s: { territoryExports: TerritoryExportService; territoryImports: TerritoryImportService; uploads: UploadSettings },
  ) {
    exportRoutes(app, s.territoryExports, workbookLists);
    importRoutes(app, s.territoryImports, { maxUploadBytes: s.uploads.maxUploadBytes, limits: s.uploads.limits });
  },
});
