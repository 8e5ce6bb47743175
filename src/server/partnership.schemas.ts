/**
 * What the partnership routes (partner.routes.ts, agreement.routes.ts, engagement.routes.ts)
 * share in their answers: the tag, the problems, counts and days, a page of a list, and a program
 * as the partnership pages list it.
 *
 * The OpenAPI document lists the named schemas (`.meta({ id })`) in the order they are created:
 * this module's first, then agreement.schemas.ts, engagement.schemas.ts and partner.routes.ts (as
 * app.ts imports them), then the pages each register function names. Moving a named schema moves
 * it in the document and in web/src/api/schema.d.ts.
 */
import { z } from 'zod';
import { cooperationTypes, lifecycleStages } from '../domain/codes.js';

export const PARTNERSHIP_TAGS = ['Partnerships'];
export const count = z.number().int();
export const day = z.string().meta({ format: 'date' });

/** A page of a list; named when its route is registered (it comes after the records in the document). */
export const pageSchema = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), total: count, page: count, pageSize: count }).meta({ id });

export const programRefSchema = z
  .object({
    id: count,
    identifier: z.string(),
    titleEn: z.string().nullable(),
    titleId: z.string().nullable(),
    year: count.nullable(),
    start: day.nullable(),
    lifecycleStage: z.enum(lifecycleStages.codes),
    cooperationType: z.enum(cooperationTypes.codes),
  })
  .meta({ id: 'PartnershipProgram' });
