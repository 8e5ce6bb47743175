/** The demo's 2017 engagements and agreements (DOMAIN.md), on a fixed day (2026-11-28). */
import { beforeAll, expect, it } from 'vitest';
import { agreementListQuerySchema, engagementListQuerySchema } from '../../domain/partnership/partnership.schema.js';
import { describeEachEngine } from '../../testing/engines.js';
import { listAgreements } from '../agreements.js';
import { listEngagements } from '../engagements.js';
import { countryTimeline, partnerTimeline, programPartnership } from '../partners.js';
import { partnershipAttention } from '../reminders.js';
import { loadDemoData } from './load-demo.js';

describeEachEngine('demo partnerships', (app) => {
  const deps = () => app().deps;
  beforeAll(async () => {
    await loadDemoData(deps());
  });

  it('records the three 2017 visits with the offers made on each side', async () => {
    const page = await listEngagements(deps(), engagementListQuerySchema.parse({ from: '2017-01-01', to: '2017-12-31' }));
    const [afd, mexico, brazil] = page.items;
    expect(page.items.map((e) => [e.reference, e.partnerOrg, e.startsOn, e.endsOn])).toEqual([
      ['ENG-2017-0003', 'AFD', '2017-11-27', null],
      ['ENG-2017-0002', 'AMEXCID', '2017-05-28', '2017-05-30'],
      ['ENG-2017-0001', 'ABC', '2017-05-24', '2017-05-26'],
    ]);
    expect(afd?.illustrative).toBe(true);
    expect(brazil?.items.map((i) => [i.side, i.kind, i.country])).toEqual([
      ['ours', 'offer', 'TZ'],
      ['ours', 'offer', 'GM'],
    ]);
    // What came of the Mexico visit: Indonesia's disaster-management offer became a program request.
    expect(mexico?.items.map((i) => [i.side, i.kind, i.program?.identifier ?? null, i.program?.lifecycleStage ?? null])).toEqual([
      ['theirs', 'offer', null, null],
      ['ours', 'offer', 'ENG-2017-0002-2', 'request'],
    ]);
  });

  it('holds the draft Indonesia–Brazil agreement and the JICA framework due for renewal in 75 days', async () => {
    const all = await listAgreements(deps(), agreementListQuerySchema.parse({}));
    const brazil = all.items.find((a) => a.kind === 'technical_cooperation');
    expect(brazil).toMatchObject({ status: 'draft', signedOn: null, parties: [{ country: 'BR' }, { org: 'ABC' }], areas: ['DEV-AGR'] });
    const jica = all.items.find((a) => a.kind === 'joint_framework');
    expect(jica).toMatchObject({
      status: 'in_force',
      validUntil: '2027-02-11',
      programCount: 2,
      renewal: { daysLeft: 75, remindersDue: [180, 90], nextReminder: '2027-01-12' },
    });
  });

  it('puts the one overdue follow-up and the expiring framework on the home page; an agency sees its own', async () => {
    const team = await partnershipAttention(deps());
    // The 2017 follow-ups the story has done were done in 2017; one open follow-up is 10 days late.
    expect(team.overdueFollowUps.map((f) => [f.engagementReference, f.owner, f.dueOn])).toEqual([
      ['ENG-2017-0002', 'ID-KEMENKES', '2026-11-18'],
    ]);
    expect(team.overdueTotal).toBe(1);
    const followUps = (await listEngagements(deps(), engagementListQuerySchema.parse({}))).items.flatMap((e) => e.followUps);
    expect(followUps.filter((f) => f.status === 'done').map((f) => [f.dueOn, f.doneOn])).toEqual([
      ['2017-12-15', '2017-12-12'],
      ['2017-07-31', '2017-07-27'],
    ]);
    expect(followUps.filter((f) => f.dueOn !== null && f.dueOn < '2018-01-01').every((f) => f.status === 'done' && !f.overdue)).toBe(true);
    expect(team.expiringAgreements.map((a) => a.kind)).toEqual(['joint_framework']);
    const kemenkes = await partnershipAttention({
      ...deps(),
      actor: { kind: 'user', userId: 1, role: 'agency', orgCode: 'ID-KEMENKES', label: 'kemenkes@mitra.demo' },
    });
    expect(kemenkes.overdueFollowUps.map((f) => f.owner)).toEqual(['ID-KEMENKES']);
    expect(kemenkes.expiringAgreements).toEqual([]);
  });

  it('links programs back to where they came from: the Mexico visit, the Palestinian request', async () => {
    const byIdentifier = async (identifier: string) => (await deps().store.repos.programs.findByIdentifier(identifier))?.id as number;
    const mexico = await programPartnership(deps(), await byIdentifier('ENG-2017-0002-2'));
    expect(mexico.engagementItems.map((i) => [i.reference, i.side, i.kind])).toEqual([['ENG-2017-0002', 'ours', 'offer']]);
    expect(mexico.requests).toEqual([]);
    const amman = await programPartnership(deps(), await byIdentifier('ID-KEMLU-2018-01'));
    expect(amman.requests.map((r) => [r.country, r.topic])).toEqual([['PS', 'Seminar on microfinance for Palestinian institutions']]);
    const jica = await programPartnership(deps(), await byIdentifier('ID-BNPB-2017-01'));
    expect(jica.agreements.map((a) => a.status)).toEqual(['in_force']);
  });

  it('shows each partner’s and country’s partnership on one time axis', async () => {
    // The program request that came of the visit is on AMEXCID's timeline though AMEXCID is not its partner.
    // Without dates yet, the request stands on the day it was made (the demo's load, 2026-11-28).
    expect((await partnerTimeline(deps(), 'AMEXCID')).map((t) => [t.date, t.kind, t.reference, t.fromEngagement])).toEqual([
      ['2026-11-28', 'program', 'ENG-2017-0002-2', 'ENG-2017-0002'],
      ['2017-05-28', 'engagement', 'ENG-2017-0002', null],
    ]);
    const jica = await partnerTimeline(deps(), 'JICA');
    expect(jica.map((t) => [t.date, t.kind, t.reference])).toEqual([
      ['2017-10-09', 'program', 'ID-BNPB-2017-01'],
      ['2017-08-07', 'program', 'ID-KKP-2017-01'],
      ['2015-03-20', 'agreement', expect.stringMatching(/^AGR-2026-/)],
    ]);
    const mexico = await countryTimeline(deps(), 'MX');
    expect(mexico.map((t) => [t.kind, t.reference, t.fromEngagement])).toEqual(
      expect.arrayContaining([
        ['engagement', 'ENG-2017-0002', null],
        ['program', 'ENG-2017-0002-2', 'ENG-2017-0002'],
      ]),
    );
  });
});
