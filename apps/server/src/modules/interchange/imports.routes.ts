/** Upload of spreadsheets to import into a territory, and the records of past imports. */
import { createWriteStream, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { who } from '../../platform/access/principal.js';
import * as z from 'zod';
import { processAlive } from '../../platform/db/data-lock.js';
import { AppError, NotFoundError } from '../../platform/errors.js';
import { rowsOfFiles, type ImportFile } from './source.js';
import type { ReadLimits } from './read.js';
import { IMPORT_MODES, type TerritoryImportService } from './import.service.js';
import { codeParams, errorSchema } from '../../platform/http/schemas.js';

export const UPLOAD_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/csv',
  'application/octet-stream',
];

const cellIssue = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  code: z.string(),
  message: z.object({ fr: z.string(), en: z.string() }),
});
const counts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() });
const importAnswer = z
  .object({
    id: z.uuid(),
    territory: z.string(),
    mode: z.enum(IMPORT_MODES),
    written: z.boolean(),
    counts: z.object({ acteurs: counts, sites: counts, flux: counts, besoins: counts }),
    issues: z.array(cellIssue),
    issueCount: z.number(),
    warnings: z.array(cellIssue),
    ignoredSheets: z.array(z.string()),
    ignoredColumns: z.record(z.string(), z.array(z.string())),
    rejectedFile: z
      .string()
      .nullable()
      .meta({ description: 'Where to download the rejected rows (valid-rows mode), to correct and import again' }),
  })
  .meta({ id: 'ImportReport' });

const UPLOAD_PREFIX = 'boucles-upload-';

/**
 * Removes the upload folders that a server killed during an import left behind: each folder is
 * named after the process that made it (`boucles-upload-<pid>-…`), and a folder whose process no
 * longer runs is nobody's. Called at start-up.
 */
export function sweepStaleUploads(dir = tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = new RegExp(`^${UPLOAD_PREFIX}(\\d+)-`).exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Copies the upload to a file, refusing it past `maxBytes`. */
async function saveUpload(body: Readable, path: string, maxBytes: number): Promise<void> {
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes)
        done(
          new AppError('body_too_large', {
            fr: `fichier trop gros : plus de ${Math.round(maxBytes / 1048576)} Mo`,
            en: `file too large: over ${Math.round(maxBytes / 1048576)} MB`,
          }),
        );
      else done(null, chunk);
    },
  });
  await pipeline(body, limit, createWriteStream(path));
}

export function importRoutes(
  app: FastifyInstance,
  service: TerritoryImportService,
  options: { maxUploadBytes: number; limits: ReadLimits },
): void {
  app.register(async (scope) => {
    // Uploads are streamed to a temporary file, never parsed as JSON nor held in memory.
    scope.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/territories/:code/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'Import an XLSX workbook or a CSV sheet into the territory (body: the file itself)',
          description:
            'Modes: all-or-nothing (default: nothing is written when a row has an error), dry-run (reports, writes nothing), valid-rows (writes the valid rows, gives back the rejected ones as a file). Rows are matched with existing data by id_acteur/SIRET, id_site, id_flux/id_besoin or natural key: importing the same file twice changes nothing.',
          params: codeParams,
          querystring: z.strictObject({
            mode: z.enum(IMPORT_MODES).default('all-or-nothing'),
            sheet: z.enum(['acteurs', 'sites', 'flux', 'besoins']).optional().meta({ description: 'For a CSV file: the sheet it holds' }),
            fileName: z.string().max(255).optional(),
          }),
          response: { 200: importAnswer, 400: errorSchema, 404: errorSchema, 413: errorSchema, 415: errorSchema },
        },
      },
      async (req) => {
        const body = req.body as Readable | undefined;
        if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
          throw new AppError('unsupported_media_type', {
            fr: 'envoyer le fichier lui-même, de type XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) ou CSV (text/csv)',
            en: 'send the file itself, as XLSX or CSV',
          });
        }
        const dir = await mkdtemp(join(tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
        try {
          const path = join(dir, 'upload');
          await saveUpload(body, path, options.maxUploadBytes);
          const file: ImportFile = { path, sheet: req.query.sheet, name: req.query.fileName };
          const { run, report } = await service.importAndRecord(
            who(req),
            req.params.code,
            rowsOfFiles([file], options.limits),
            req.query.mode,
            req.query.fileName ?? null,
          );
          const { rejected: _rejected, ...rest } = report;
          return {
            ...rest,
            id: run.id,
            rejectedFile: run.hasRejectedFile
              ? `/api/territories/${encodeURIComponent(req.params.code)}/imports/${run.id}/rejets.xlsx`
              : null,
          };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
    r.get(
      '/api/territories/:code/imports/:id/rejets.xlsx',
      {
        schema: {
          tags: ['imports'],
          summary: 'The rejected rows of a valid-rows import, with an `erreurs` column',
          params: z.strictObject({ code: z.string().min(1).max(40), id: z.uuid() }),
        },
      },
      async (req, reply) => {
        const file = await service.rejectedFile(who(req), req.params.code, req.params.id);
        if (!file) throw new NotFoundError({ fr: 'Fichier de lignes rejetées', en: 'Rejected-rows file' });
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="rejets.xlsx"')
          .send(file);
      },
    );
    r.get(
      '/api/territories/:code/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'The last imports of the territory, with their reports',
          params: codeParams,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        },
      },
      async (req) => ({ items: await service.listRuns(who(req), req.params.code, req.query.limit) }),
    );
  });
}
