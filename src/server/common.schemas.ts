/**
 * Schemas many routes share: a page of a list, a yes/no query parameter, the answer to a
 * deletion. Zod alone: importing this module registers no schema with an id, so it changes
 * nothing in the order of the OpenAPI document's components.
 */
import { z } from 'zod';

/** A yes/no query parameter: true, false, 1 or 0; absent is false. */
export const queryFlag = (description: string) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .meta({ description });

/** One page of a list, as every paged list answers. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The answer to a deletion: 204 and no body. */
export const deletedSchema = z.null().meta({ description: 'deleted' });
