/**
 * Partnerships through the services on both engines, with a fixed clock: an agreement's life and
 * its refusals, an engagement's offer turned into a program request, the follow-up rules, the
 * partner's yearly and cumulative triangular counts, timelines and the reminders.
 */
import { beforeAll, expect, it } from 'vitest';
import { PUBLISHED_STAGES } from '../domain/access/policy.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import {
  agreementInputSchema,
  engagementInputSchema,
  followUpInputSchema,
  itemProgramSchema,
  partnerListQuerySchema,
} from '../domain/partnership/partnership.schema.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { createProgram } from './programs.js';
import { createOrganisation } from './organisations.js';
import { partnerProfile } from './profiles.js';
import { createAgreement, deleteAgreement, getAgreement, stepAgreement } from './agreements.js';
import { createEngagement, deleteEngagement, itemToProgram } from './engagements.js';
import { addFollowUp } from './follow-ups.js';
import { countryTimeline, getPartner, listPartners, partnerTimeline } from './partners.js';
import { partnershipAttention, scheduleRenewalReminders, sendRenewalReminders, type ReminderReport } from './reminders.js';

describeEachEngine('partnerships', (app) => {
  const deps = () => app().deps;
  const ABC = 'BR-ABC-T';

  beforeAll(async () => {
    await createOrganisation(
      deps(),
      organisationInputSchema.parse({
        code: ABC,
        nameEn: 'Brazilian Cooperation Agency',
        acronym: 'ABC',
        type: '10',
        countryCode: 'BR',
        kind: 'partner',
      }),
    );
    // Triangular programs with ABC: 2015 ×1, 2016 ×2, 2017 ×1; one bilateral 2016; one triangular still a request.
    const tri = (year: number, extra = {}) =>
      createProgram(
        deps(),
        programInputSchema.parse(
          aProgram({
            cooperationType: 'triangular',
            plannedStart: `${year}-05-01`,
            plannedEnd: `${year}-05-10`,
            lifecycleStage: 'completed',
            activityStatus: 'finalisation',
            partners: [{ org: ABC, iatiRole: 1, sscRole: 'second_provider' }],
            ...extra,
          }),
        ),
      );
    await tri(2015);
    await tri(2016);
    await tri(2016);
    await tri(2017);
    await tri(2016, { cooperationType: 'bilateral' });
    await tri(2017, { lifecycleStage: 'request', activityStatus: 'pipeline' });
  });

  it('counts the partner’s triangular programs per year and cumulatively since a year, in the published stages', async () => {
    // The years and their running total are the partner profile's (services/profiles.ts), on the same page.
    const profile = await partnerProfile(deps(), ABC, { since: 2016, stages: [...PUBLISHED_STAGES] });
    expect(profile.years.map((y) => [y.year, y.programs, y.triangular, y.cumulativeTriangular])).toEqual([
      [2017, 1, 1, 3],
      [2016, 3, 2, 2],
      [2015, 1, 1, 0],
    ]);
    expect(profile.totals.triangular).toBe(4);
    const d = await getPartner(deps(), ABC);
    expect(d.organisation.code).toBe(ABC);
    const list = await listPartners(deps(), partnerListQuerySchema.parse({ since: '2016', upTo: '2017' }));
    const abc = list.items.find((p) => p.code === ABC);
    expect(abc).toMatchObject({ programs: 5, triangular: 4, triangularInRange: 3 });
  });

  it('refuses bad agreement dates and steps through the life', async () => {
    const base = {
      kind: 'technical_cooperation',
      titleEn: 'Indonesia–Brazil technical cooperation',
      parties: [{ org: ABC }],
      areas: ['DEV-AGR'],
    };
    await expect(
      createAgreement(deps(), agreementInputSchema.parse({ ...base, status: 'signed', signedOn: '2017-05-26', validUntil: '2017-01-01' })),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'validUntil', code: 'before_signature' })] });
    await expect(createAgreement(deps(), agreementInputSchema.parse({ ...base, status: 'in_force' }))).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: 'signedOn', code: 'required_when_signed' })]),
    });
    const draft = await createAgreement(deps(), agreementInputSchema.parse(base));
    expect(draft).toMatchObject({ status: 'draft', reference: 'AGR-2026-0001', parties: [{ org: ABC, orgName: 'ABC', country: null }] });
    await expect(stepAgreement(deps(), draft.id, { to: 'in_force' })).rejects.toMatchObject({ code: 'agreement.bad_transition' });
    await expect(stepAgreement(deps(), draft.id, { to: 'signed' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'signedOn' })],
    });
    const signed = await stepAgreement(deps(), draft.id, {
      to: 'signed',
      signedOn: '2026-06-01',
      validFrom: '2026-06-01',
      validUntil: '2027-03-31',
    });
    const inForce = await stepAgreement(deps(), signed.id, { to: 'in_force' });
    // The fixed clock is 2026-11-28: 123 days left, within the 180-day window (reminder 180 due).
    expect(inForce.renewal).toMatchObject({ daysLeft: 123, remindersDue: [180], nextReminder: '2026-12-31', expiringSoon: true });
    const attention = await partnershipAttention(deps());
    expect(attention.expiringAgreements.map((a) => a.reference)).toContain(inForce.reference);
    const first = await sendRenewalReminders(deps());
    expect(first.agreements.find((a) => a.reference === inForce.reference)).toMatchObject({ reminder: 180, daysLeft: 123 });
    expect((await sendRenewalReminders(deps())).agreements).toEqual([]);
    // A signed agreement stays on record; a draft recorded by mistake can go.
    await expect(deleteAgreement(deps(), inForce.id)).rejects.toMatchObject({ code: 'agreement.signed' });
    const mistake = await createAgreement(deps(), agreementInputSchema.parse(base));
    await deleteAgreement(deps(), mistake.id);
    await expect(getAgreement(deps(), mistake.id)).rejects.toMatchObject({ code: 'agreement.not_found' });
  });

  it('sends the due reminders by itself on a schedule, each once', async () => {
    const ending = await createAgreement(
      deps(),
      agreementInputSchema.parse({
        kind: 'mou',
        titleEn: 'MoU ending soon',
        status: 'in_force',
        signedOn: '2024-12-01',
        validUntil: '2026-12-18',
        parties: [{ org: ABC }],
      }),
    );
    const report = await new Promise<ReminderReport>((resolve, reject) => {
      const schedule = scheduleRenewalReminders(deps(), {
        firstAfterMs: 1,
        onQueued: (r) => {
          schedule.stop();
          resolve(r);
        },
        onError: reject,
      });
    });
    // 2026-11-28 → 2026-12-18: 20 days left; the 180-, 90- and 30-day reminders are all reached, the 30-day one is sent.
    expect(report.agreements.find((a) => a.reference === ending.reference)).toMatchObject({ daysLeft: 20, reminder: 30 });
    expect((await sendRenewalReminders(deps())).agreements.find((a) => a.reference === ending.reference)).toBeUndefined();
  });

  it('records an engagement, refuses a follow-up without an owner, and turns an offer into a program request kept linked', async () => {
    const input = {
      kind: 'visit',
      title: 'Visit to Brazil',
      startsOn: '2017-05-24',
      endsOn: '2017-05-26',
      place: 'Brasília',
      country: 'BR',
      partnerOrg: ABC,
      items: [
        { side: 'theirs', kind: 'offer', description: "Farmers' training centres in Tanzania", flagshipArea: 'DEV-AGR', country: 'TZ' },
      ],
      followUps: [{ action: 'Send comments on the draft agreement', owner: null, dueOn: '2017-06-30' }],
    };
    await expect(createEngagement(deps(), engagementInputSchema.parse(input))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'followUps.0.owner', code: 'owner_required' })],
    });
    await expect(
      createEngagement(deps(), engagementInputSchema.parse({ ...input, endsOn: '2017-05-20', followUps: [] })),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'endsOn', code: 'date_order' })] });
    const e = await createEngagement(deps(), engagementInputSchema.parse({ ...input, followUps: [{ ...input.followUps[0], owner: ABC }] }));
    expect(e.reference).toBe('ENG-2017-0001');
    expect(e.followUps[0]).toMatchObject({ owner: ABC, overdue: true });
    await expect(
      addFollowUp(deps(), e.id, followUpInputSchema.parse({ action: 'Call', owner: 'nobody@nowhere.invalid' })),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'owner', code: 'unknown_owner' })] });
    const itemId = e.items[0]?.id as number;
    const { engagement, activity } = await itemToProgram(deps(), itemId, itemProgramSchema.parse({}));
    expect(activity).toMatchObject({ identifier: 'ENG-2017-0001-1', lifecycleStage: 'request', cooperationType: 'triangular' });
    expect(engagement.items[0]?.program?.identifier).toBe('ENG-2017-0001-1');
    await expect(itemToProgram(deps(), itemId, {})).rejects.toMatchObject({ code: 'engagement_item.has_program' });
    const timeline = await partnerTimeline(deps(), ABC);
    expect(timeline.find((t) => t.kind === 'program' && t.reference === 'ENG-2017-0001-1')).toMatchObject({
      fromEngagement: 'ENG-2017-0001',
    });
    expect(timeline.find((t) => t.kind === 'engagement')).toMatchObject({ reference: 'ENG-2017-0001', date: '2017-05-24' });
    await expect(deleteEngagement(deps(), e.id)).rejects.toMatchObject({ code: 'engagement.has_programs' });
    const tz = await countryTimeline(deps(), 'TZ');
    expect(tz.map((t) => t.reference)).toEqual(expect.arrayContaining(['ENG-2017-0001', 'ENG-2017-0001-1']));
  });
});
