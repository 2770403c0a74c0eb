/** Schemas every module's routes share: errors, pages, territory codes; they also make the OpenAPI document. */
import { noNul } from '@boucles/engine';
import * as z from 'zod';

const bilingual = z.object({ fr: z.string(), en: z.string() });

export const errorSchema = z
  .object({
    error: z.string().meta({ description: 'Machine code: validation, not_found, conflict, invalid_json, body_too_large…' }),
    message: bilingual,
    issues: z
      .array(z.object({ path: z.string(), code: z.string(), message: bilingual }))
      .optional()
      .meta({ description: 'For validation errors: every faulty field, by its path' }),
  })
  .meta({ id: 'Error' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

export const territoryCode = noNul(z.string().min(1).max(40));
export const codeParams = z.strictObject({ code: territoryCode });
export const itemParams = z.strictObject({ code: territoryCode, id: z.uuid() });
