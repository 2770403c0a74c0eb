/** The template to fill in, and exports of a territory's data. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { who } from '../../platform/access/principal.js';
import * as z from 'zod';
import type { WorkbookLists } from './workbook.js';
import { buildWorkbook } from './workbook.js';
import type { TerritoryExportService } from './export.service.js';
import { codeParams } from '../../platform/http/schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportRoutes(app: FastifyInstance, exports: TerritoryExportService, lists: () => WorkbookLists): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  let template: Promise<Buffer> | undefined;
  r.get(
    '/api/templates/territoire.xlsx',
    { schema: { tags: ['imports'], summary: 'The workbook to fill in: notes on each column, drop-down lists, an example row per sheet' } },
    async (_req, reply) => {
      template ??= buildWorkbook({}, { template: true, lists: lists() });
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="territoire.xlsx"')
        .send(await template);
    },
  );
  r.get(
    '/api/territories/:code/export',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Export the territory: json (territory document), xlsx (template layout), csv (one sheet: ; and UTF-8 with BOM), geojson (sites or flux)',
        params: codeParams,
        querystring: z.strictObject({
          format: z.enum(['json', 'xlsx', 'csv', 'geojson']),
          sheet: z
            .enum(['acteurs', 'sites', 'flux', 'besoins'])
            .optional()
            .meta({ description: 'csv: the sheet (default acteurs); geojson: sites (default) or flux' }),
        }),
      },
    },
    async (req, reply) => {
      const { code } = req.params;
      const file = (ext: string) =>
        `attachment; filename="${code.replace(/[^\w-]/g, '_')}${req.query.sheet ? `-${req.query.sheet}` : ''}.${ext}"`;
      // The file is made first: an error (no such territory, a role too low) answers JSON, not an attachment.
      switch (req.query.format) {
        case 'json': {
          const body = await exports.document(who(req), code);
          return reply.type('application/json').header('content-disposition', file('json')).send(body);
        }
        case 'xlsx': {
          const body = await exports.workbook(who(req), code);
          return reply.type(XLSX).header('content-disposition', file('xlsx')).send(body);
        }
        case 'csv': {
          const body = await exports.csv(who(req), code, req.query.sheet ?? 'acteurs');
          return reply.type('text/csv; charset=utf-8').header('content-disposition', file('csv')).send(body);
        }
        case 'geojson': {
          const body = await exports.geojson(who(req), code, req.query.sheet === 'flux' ? 'flux' : 'sites');
          return reply.type('application/geo+json').header('content-disposition', file('geojson')).send(body);
        }
      }
    },
  );
}
