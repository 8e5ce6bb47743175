/** What the API answers for engagements and their follow-ups (engagement.routes.ts): response schemas and presenters. */
import { z } from 'zod';
import { flagshipAreas } from '../domain/codes.js';
import { engagementKinds, followUpStatuses, itemKinds, itemSides } from '../domain/partnership/engagement.js';
import type { Engagement } from '../domain/partnership/partnership.js';
import { count, day, programRefSchema } from './partnership.schemas.js';

export const followUpSchema = z
  .object({
    id: count,
    engagementId: count.nullable().meta({ description: 'the engagement it came from; null for an action of a program evaluation' }),
    programId: count
      .nullable()
      .meta({ description: 'the program whose evaluation’s management response it comes from; null for an engagement’s' }),
    action: z.string(),
    actionId: z.string().nullable().meta({ description: 'the action in Indonesian, when given' }),
    owner: z.string(),
    dueOn: day.nullable(),
    status: z.enum(followUpStatuses.codes),
    doneOn: day.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'FollowUp' });

export const followUpRowSchema = followUpSchema
  .extend({
    engagementReference: z.string().nullable(),
    engagementTitle: z.string().nullable(),
    engagementTitleId: z.string().nullable().meta({ description: 'the engagement’s title in Indonesian, when given' }),
    ownerOrg: z.string().nullable().meta({ description: 'the engagement’s owning agency, or the program’s implementing agency' }),
    programIdentifier: z.string().nullable(),
    programTitleEn: z.string().nullable(),
    programTitleId: z.string().nullable(),
  })
  .meta({ id: 'FollowUpRow' });

export const engagementSchema = z
  .object({
    id: count,
    reference: z.string().meta({ example: 'ENG-2017-0002' }),
    kind: z.enum(engagementKinds.codes),
    title: z.string(),
    titleId: z.string().nullable().meta({ description: 'the title in Indonesian, when given' }),
    startsOn: day,
    endsOn: day.nullable(),
    place: z.string().nullable(),
    country: z.string().nullable(),
    partnerOrg: z.string().nullable(),
    partnerName: z.string().nullable(),
    counterpart: z.string().nullable(),
    delegation: z.string().nullable(),
    purpose: z.string().nullable(),
    purposeId: z.string().nullable().meta({ description: 'the purpose in Indonesian, when given' }),
    outcome: z.string().nullable(),
    ownerOrg: z.string().nullable(),
    illustrative: z.boolean(),
    items: z.array(
      z.object({
        id: count,
        side: z.enum(itemSides.codes),
        kind: z.enum(itemKinds.codes),
        description: z.string(),
        descriptionId: z.string().nullable().meta({ description: 'the description in Indonesian, when given' }),
        flagshipArea: z.enum(flagshipAreas.codes).nullable(),
        country: z.string().nullable(),
        illustrative: z.boolean(),
        program: programRefSchema.nullable().meta({ description: 'the program request it became' }),
      }),
    ),
    followUps: z.array(followUpSchema),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: count,
    canEdit: z.boolean().optional(),
  })
  .meta({ id: 'Engagement' });

export function presentEngagement(e: Engagement & { canEdit?: boolean }): z.output<typeof engagementSchema> {
  return { ...e, items: [...e.items], followUps: [...e.followUps] };
}
