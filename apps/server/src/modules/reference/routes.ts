/**
 * Read-only reference lists for the data-entry forms' pickers: NAF rév. 2 sub-classes, the European
 * List of Waste, the resource taxonomy with the units each class accepts, the units and periods, the
 * COG communes and INSEE's headcount bands.
 * Search is case- and accent-insensitive, on the code and the label; every word must match.
 */
import { expecting, noNul, unitsFor, type ReferenceLookup } from '@boucles/engine';
import {
  loadCommunes,
  loadHeadcountBands,
  loadNaf,
  loadNafSections,
  loadResourceTaxonomy,
  loadUnits,
  loadWasteList,
} from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { errorSchema } from '../../platform/http/schemas.js';

/** Results a search answers by default, and at most. */
export const REFERENCE_DEFAULT_LIMIT = 20;
export const REFERENCE_MAX_LIMIT = 100;

const referenceQuery = z.strictObject({
  q: noNul(z.string().trim().max(200))
    .optional()
    .meta({ description: 'Words to find in the code or the label (case and accents ignored); none: the first entries' }),
  limit: z.coerce.number().int().min(1).max(REFERENCE_MAX_LIMIT).default(REFERENCE_DEFAULT_LIMIT),
});

const communeQuery = referenceQuery.extend({
  codes: z
    .string()
    .regex(
      expecting(
        /^(?:\d{5}|2[AB]\d{3})(?:,(?:\d{5}|2[AB]\d{3})){0,99}$/,
        'codes communes INSEE : 1 à 100 codes de 5 caractères séparés par des virgules attendus, par exemple 59350,59183',
        'INSEE commune codes: 1 to 100 five-character codes separated by commas expected, e.g. 59350,59183',
      ),
    )
    .optional()
    .meta({ description: 'Up to 100 commune codes, comma-separated: only these (a territory’s communes, to name them)' }),
});

const bilingualNullable = { labelFr: z.string(), labelEn: z.string().nullable() };

function resultsOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().meta({ description: 'How many entries match, of which at most `limit` are given' }),
    limit: z.number().int(),
  });
}

const nafItem = z
  .object({
    code: z.string(),
    ...bilingualNullable,
    section: z.string(),
    sectionLabelFr: z.string(),
    sectionLabelEn: z.string(),
  })
  .meta({
    id: 'NafSubclass',
    description: 'A NAF rév. 2 sub-class. labelEn is null: the reference data (@socialgouv/codes-naf) holds French labels only.',
  });

const wasteItem = z
  .object({ code: z.string(), chapter: z.string(), ...bilingualNullable, hazardous: z.boolean() })
  .meta({ id: 'WasteCode', description: 'An entry of the European List of Waste (code without spaces nor asterisk)' });

const resourceItem = z
  .object({
    code: z.string(),
    parent: z.string().nullable(),
    family: z.string(),
    labelFr: z.string(),
    labelEn: z.string(),
    dimension: z.string(),
    defaultUnit: z.string(),
    acceptedDimensions: z.array(z.string()).meta({ description: 'Unit dimensions a quantity of this class may be given in' }),
    units: z.array(z.string()).meta({ description: 'Codes of the units a quantity of this class may be given in' }),
    temperatureC: z
      .object({ min: z.number().nullable(), max: z.number().nullable() })
      .nullable()
      .meta({ description: 'Temperature band of heat classes: min included, max excluded' }),
    wasteCodes: z.array(z.string()),
  })
  .meta({ id: 'ResourceClass' });

const communeItem = z
  .object({ code: z.string(), name: z.string(), departement: z.string(), postalCodes: z.array(z.string()) })
  .meta({ id: 'Commune', description: 'A current commune or municipal arrondissement of the COG' });

const unitsAnswer = z.object({
  version: z.string(),
  units: z.array(z.object({ code: z.string(), dimension: z.string(), toBase: z.number(), labelFr: z.string(), labelEn: z.string() })),
  periods: z.array(z.object({ code: z.string(), perYear: z.number().nullable(), labelFr: z.string(), labelEn: z.string() })),
});

/** Lower case, without accents or ligatures, punctuation as spaces: how texts are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** A code as typed or written (`10.71C`, `20 01 01*`): letters and digits only, lower case. */
function compactCode(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

interface Searchable<T> {
  item: T;
  code: string;
  compact: string;
  words: string;
}

function indexOf<T>(items: readonly T[], code: (item: T) => string, labels: (item: T) => (string | null | undefined)[]): Searchable<T>[] {
  return items.map((item) => ({
    item,
    code: code(item),
    compact: compactCode(code(item)),
    words: ` ${fold([code(item), ...labels(item)].filter((l): l is string => !!l).join(' '))}`,
  }));
}

/**
 * Entries whose code or labels hold every word of `q`, best first: the exact code, then codes
 * starting with the query, then labels with a word starting with each query word, then the rest;
 * in code order within each rank.
 */
export function search<T>(
  index: readonly Searchable<T>[],
  q: string | undefined,
  limit: number,
): { items: T[]; total: number; limit: number } {
  const query = fold(q ?? '');
  if (!query) return { items: index.slice(0, limit).map((e) => e.item), total: index.length, limit };
  const tokens = query.split(' ');
  const compact = compactCode(q ?? '');
  const ranked: { rank: number; entry: Searchable<T> }[] = [];
  for (const entry of index) {
    const codeMatch = compact.length > 0 && entry.compact.startsWith(compact);
    if (!codeMatch && !tokens.every((t) => entry.words.includes(t))) continue;
    const rank =
      compact.length > 0 && entry.compact === compact ? 0 : codeMatch ? 1 : tokens.every((t) => entry.words.includes(` ${t}`)) ? 2 : 3;
    ranked.push({ rank, entry });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.entry.code < b.entry.code ? -1 : a.entry.code > b.entry.code ? 1 : 0));
  return { items: ranked.slice(0, limit).map((r) => r.entry.item), total: ranked.length, limit };
}

function lazy<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}

export function referenceRoutes(app: FastifyInstance, reference: ReferenceLookup): void {
  const naf = lazy(() => {
    const sections = new Map(loadNafSections().sections.map((s) => [s.code, s]));
    const items = loadNaf()
      .filter((n) => n.level === 'subclass')
      .map((n) => {
        const section = sections.get(n.section);
        return {
          code: n.code,
          labelFr: n.labelFr,
          labelEn: null,
          section: n.section,
          sectionLabelFr: section?.labelFr ?? '',
          sectionLabelEn: section?.labelEn ?? '',
        };
      });
    return indexOf(
      items,
      (n) => n.code,
      (n) => [n.labelFr],
    );
  });
  const waste = lazy(() =>
    indexOf(
      loadWasteList().entries.map((w) => ({
        code: w.code,
        chapter: w.chapter,
        labelFr: w.labelFr ?? w.labelEn,
        labelEn: w.labelEn,
        hazardous: w.hazardous,
      })),
      (w) => w.code,
      (w) => [w.labelFr, w.labelEn],
    ),
  );
  const resources = lazy(() => {
    const units = loadUnits().units;
    const items = loadResourceTaxonomy().entries.map((r) => {
      // Which units fit is the engine's rule, the one its checks apply.
      const fitting = unitsFor(r.code, units, reference);
      return {
        code: r.code,
        parent: r.parent,
        family: r.family,
        labelFr: r.labelFr,
        labelEn: r.labelEn,
        dimension: r.dimension,
        defaultUnit: r.defaultUnit,
        acceptedDimensions: [...new Set(fitting.map((u) => u.dimension))],
        units: fitting.map((u) => u.code),
        temperatureC: r.temperatureC ? { min: r.temperatureC.min ?? null, max: r.temperatureC.max ?? null } : null,
        wasteCodes: [...r.wasteCodes],
      };
    });
    // The taxonomy's own order (a class after its parent) is kept when nothing is searched.
    return indexOf(
      items,
      (r) => r.code,
      (r) => [r.labelFr, r.labelEn],
    );
  });

  const communes = lazy(() =>
    indexOf(
      loadCommunes().map((c) => ({ code: c.code, name: c.name, departement: c.departement, postalCodes: c.postalCodes })),
      (c) => c.code,
      (c) => [c.name, ...c.postalCodes],
    ),
  );
  const communeByCode = lazy(() => new Map(communes().map((c) => [c.code, c])));

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reference'];
  const response = <T extends z.ZodType>(item: T) => ({ 200: resultsOf(item), 400: errorSchema });
  r.get(
    '/api/reference/naf',
    {
      schema: {
        tags,
        summary: 'Search the NAF rév. 2 sub-classes (activity codes of actors) by code or label',
        querystring: referenceQuery,
        response: response(nafItem),
      },
    },
    async (req) => search(naf(), req.query.q, req.query.limit),
  );
  r.get(
    '/api/reference/waste-codes',
    {
      schema: {
        tags,
        summary: 'Search the European List of Waste by code or label',
        querystring: referenceQuery,
        response: response(wasteItem),
      },
    },
    async (req) => search(waste(), req.query.q, req.query.limit),
  );
  r.get(
    '/api/reference/resources',
    {
      schema: {
        tags,
        summary: 'Search the resource taxonomy by code or label, with the units each class accepts',
        querystring: referenceQuery,
        response: response(resourceItem),
      },
    },
    async (req) => search(resources(), req.query.q, req.query.limit),
  );
  r.get(
    '/api/reference/communes',
    {
      schema: {
        tags,
        summary: 'Search the COG communes by code, name or postal code, or name the communes given by code',
        querystring: communeQuery,
        response: response(communeItem),
      },
    },
    async (req) => {
      const { q, codes, limit } = req.query;
      if (!codes) return search(communes(), q, limit);
      const index = communeByCode();
      const subset = [...new Set(codes.split(','))]
        .map((c) => index.get(c))
        .filter((c): c is Searchable<z.output<typeof communeItem>> => c !== undefined)
        .sort((a, b) => (a.code < b.code ? -1 : 1));
      return search(subset, q, limit);
    },
  );
  r.get(
    '/api/reference/headcount-bands',
    {
      schema: {
        tags,
        summary: 'INSEE’s headcount bands (tranches d’effectif salarié) of actors',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                labelFr: z.string(),
                labelEn: z.string(),
                min: z.number().nullable(),
                max: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: loadHeadcountBands().entries.map((b) => ({ code: b.code, labelFr: b.labelFr, labelEn: b.labelEn, min: b.min, max: b.max })),
    }),
  );
  r.get(
    '/api/reference/units',
    { schema: { tags, summary: 'The units and periods quantities are given in', response: { 200: unitsAnswer } } },
    async () => {
      const file = loadUnits();
      return {
        version: file.version,
        units: file.units.map((u) => ({ code: u.code, dimension: u.dimension, toBase: u.toBase, labelFr: u.labelFr, labelEn: u.labelEn })),
        periods: file.periods.map((p) => ({ code: p.code, perYear: p.perYear, labelFr: p.labelFr, labelEn: p.labelEn })),
      };
    },
  );
}
