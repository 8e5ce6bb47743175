/** What the API answers for agreements (agreement.routes.ts): response schemas and presenters. */
import { z } from 'zod';
import { flagshipAreas } from '../domain/codes.js';
import { agreementKinds, agreementStatuses } from '../domain/partnership/agreement.js';
import type { AgreementWithRenewal } from '../domain/partnership/partnership.js';
import type { AgreementDetail } from '../services/agreements.js';
import { count, day, programRefSchema } from './partnership.schemas.js';

const renewalSchema = z
  .object({
    daysLeft: count.nullable(),
    remindersDue: z.array(count),
    nextReminder: day.nullable(),
    expiringSoon: z.boolean(),
    overdue: z.boolean(),
  })
  .meta({ id: 'RenewalState' });

export const agreementSchema = z
  .object({
    id: count,
    reference: z.string().meta({ example: 'AGR-2017-0001' }),
    kind: z.enum(agreementKinds.codes),
    titleEn: z.string(),
    titleId: z.string().nullable(),
    subject: z.string().nullable(),
    subjectId: z.string().nullable().meta({ description: 'the subject in Indonesian, when given' }),
    status: z.enum(agreementStatuses.codes),
    signedOn: day.nullable(),
    validFrom: day.nullable(),
    validUntil: day.nullable(),
    ownerOrg: z.string().nullable(),
    parties: z.array(z.object({ org: z.string().nullable(), orgName: z.string().nullable(), country: z.string().nullable() })),
    areas: z.array(z.enum(flagshipAreas.codes)),
    illustrative: z.boolean(),
    programCount: count,
    documentCount: count,
    renewal: renewalSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: count,
  })
  .meta({ id: 'Agreement' });

export const documentSchema = z
  .object({
    id: count,
    agreementId: count,
    title: z.string(),
    versionNo: count,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: count,
    sha256: z.string(),
    isPublic: z.boolean(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'AgreementDocument' });

export const agreementDetailSchema = z
  .object({
    agreement: agreementSchema,
    programs: z.array(programRefSchema),
    documents: z.array(documentSchema),
    canEdit: z.boolean(),
    nextStatuses: z.array(z.enum(agreementStatuses.codes)),
  })
  .meta({ id: 'AgreementDetail' });

export const reminderReportSchema = z.object({
  agreements: z.array(z.object({ reference: z.string(), validUntil: day, daysLeft: count, reminder: count, recipients: count })),
});

export function presentAgreement(a: AgreementWithRenewal): z.output<typeof agreementSchema> {
  return {
    ...a,
    parties: a.parties.map((p) => ({ ...p })),
    areas: [...a.areas],
    renewal: { ...a.renewal, remindersDue: [...a.renewal.remindersDue] },
  };
}

export function presentAgreementDetail(d: AgreementDetail): z.output<typeof agreementDetailSchema> {
  return {
    agreement: presentAgreement(d.agreement),
    programs: d.programs.map((p) => ({ ...p })),
    documents: d.documents.map((doc) => ({ ...doc })),
    canEdit: d.canEdit,
    nextStatuses: [...d.nextStatuses],
  };
}
