/**
 * What Mitra keeps of an imported IATI activity beyond its program fields, stored as JSON with
 * the program (program-from-iati.ts fills it in; the repository parses it back with this schema).
 */
import { z } from 'zod';

const text = z.string().nullable();

export const iatiDetailsSchema = z
  .object({
    reportingOrg: z.object({ ref: text, type: text, name: text }).readonly().nullable(),
    lastUpdated: text,
    defaultCurrency: text,
    collaborationType: text,
    defaultAidType: text,
    /** Language of the title when it is neither English nor Indonesian. */
    titleLang: z.string().optional(),
    /** The recipient countries as written, when Mitra's list differs (unknown codes, regions' shares). */
    recipientCountries: z
      .array(z.object({ code: text, percentage: text }))
      .readonly()
      .optional(),
    recipientRegions: z
      .array(z.object({ code: text, vocabulary: text, percentage: text }))
      .readonly()
      .optional(),
    /** Recipients or sectors were given per transaction: the program's shares follow the transaction values. */
    recipientsFromTransactions: z.boolean().optional(),
    sectorsFromTransactions: z.boolean().optional(),
    /** Sectors Mitra does not recognise, as written. */
    sectors: z
      .array(z.object({ vocabulary: text, code: text, percentage: text }))
      .readonly()
      .optional(),
    /** Tags other than SDG goals and targets, as written. */
    tags: z
      .array(z.object({ vocabulary: text, code: text }))
      .readonly()
      .optional(),
    /** Participating organisations Mitra could not place (no name or identifier, unknown role). */
    participatingOrgs: z
      .array(z.object({ ref: text, role: text, name: text }))
      .readonly()
      .optional(),
    /** Where a program promoted from another file came from (other-providers.ts promoteImported). */
    importedFrom: z
      .object({ datasetId: z.number(), fileName: z.string(), publisher: z.string(), importedAt: z.string() })
      .readonly()
      .optional(),
    /** A fingerprint of the mapped program: a re-import of an unchanged activity writes nothing. */
    fingerprint: z.string().optional(),
  })
  .readonly();

export type IatiDetails = z.output<typeof iatiDetailsSchema>;

/** The details as stored (JSON text), parsed; null when there are none. */
export function parseIatiDetails(json: string | null): IatiDetails | null {
  return json ? iatiDetailsSchema.parse(JSON.parse(json)) : null;
}
