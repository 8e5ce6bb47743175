import { z } from 'zod';
import { organisationKinds } from '../codes.js';
import { isCodeIn } from '../reference/codelists.js';
import { IATI_IDENTIFIER_PATTERN, LIMITS, codeOf, countryCode, optionalText } from '../schema-helpers.js';

export const organisationInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(100)
    .regex(IATI_IDENTIFIER_PATTERN, { message: 'must not contain spaces or any of / & | ?' })
    .meta({ description: 'IATI organisation identifier when known, else a local code', example: 'XM-DAC-41114' }),
  nameEn: z.string().trim().min(1, { message: 'is required' }).max(LIMITS.shortText),
  nameId: optionalText(LIMITS.shortText),
  acronym: optionalText(40),
  type: z
    .string()
    .trim()
    .refine((t) => isCodeIn('OrganisationType', t), {
      message: 'must be an IATI OrganisationType code (e.g. 10 government, 40 multilateral)',
    })
    .meta({ example: '10' }),
  countryCode: countryCode.nullable().optional(),
  kind: codeOf(organisationKinds, 'organisation kind'),
  illustrative: z.boolean().optional(),
});

export const organisationPatchSchema = organisationInputSchema.partial();

export type OrganisationInput = z.output<typeof organisationInputSchema>;
export type OrganisationRequest = z.input<typeof organisationInputSchema>;
export type OrganisationPatch = z.output<typeof organisationPatchSchema>;
