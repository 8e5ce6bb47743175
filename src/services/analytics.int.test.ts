/**
 * Trends, concentration, priorities, profiles and the triangular network on a small dataset
 * whose every figure is worked out by hand in the comments (years 2041–2042, so nothing else
 * in the database counts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { countryListInputSchema, priorityTargetInputSchema } from '../domain/analytics/priority.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { aProgram, anOrganisation, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { createProgram, patchProgram } from './programs.js';
import { concentration, trends, triangularNetwork } from './analytics.js';
import { createOrganisation } from './organisations.js';
import { addParticipant } from './participants.js';
import { actingAs } from './deps.js';
import { deleteCountryList, priorityView, saveCountryList, setPriorityTargets, subjectBreakdown } from './priorities.js';
import { countryProfile, partnerProfile } from './profiles.js';

describeEachEngine('analytics on a hand-computed dataset', (app) => {
  const deps = () => app().deps;
  const create = (o: object) => createProgram(deps(), programInputSchema.parse(aProgram(o)));
  let partnerCode = '';
  let agencyCode = '';

  beforeAll(async () => {
    const partner = await createOrganisation(
      deps(),
      organisationInputSchema.parse(anOrganisation({ kind: 'partner', acronym: 'TPJ', countryCode: 'JP' })),
    );
    const agency = await createOrganisation(deps(), organisationInputSchema.parse(anOrganisation({ acronym: 'AGY' })));
    partnerCode = partner.code;
    agencyCode = agency.code;
    await deps().store.repos.exchangeRates.upsert([
      { currency: 'IDR', date: '2041-01-01', unitsPerUsd: 15000, source: 'test' },
      { currency: 'IDR', date: '2042-01-01', unitsPerUsd: 16000, source: 'test' },
    ]);
    const y41 = { plannedStart: '2041-03-01', plannedEnd: '2041-03-05' };
    const y42 = { plannedStart: '2042-03-01', plannedEnd: '2042-03-05' };
    // 2041: A1 FJ 10 · A2 PG+KE 20 (10 each) · A3 PS 6, triangular, USD 1,000 spent · A4 KE, 2 records.
    await create({ ...y41, modality: 'training', flagshipArea: 'DEV-AGR', recipients: [{ country: 'FJ' }], participantsPlanned: 10 });
    await create({
      ...y41,
      modality: 'seminar',
      flagshipArea: 'DEV-DRM',
      recipients: [
        { country: 'PG', percentage: 50 },
        { country: 'KE', percentage: 50 },
      ],
      participantsPlanned: 20,
    });
    await create({
      ...y41,
      modality: 'training',
      flagshipArea: 'DEV-AGR',
      cooperationType: 'triangular',
      implementingOrg: agency.code,
      recipients: [{ country: 'PS' }],
      participantsPlanned: 6,
      partners: [
        { org: partner.code, iatiRole: 1, sscRole: 'second_provider', contributionAmount: '500.00', currency: 'USD', inKind: false },
        { org: agency.code, iatiRole: 4, sscRole: 'first_provider' },
      ],
      transactions: [{ type: '3', date: '2041-03-01', amount: '1000.00', currency: 'USD' }],
    });
    const a4 = await create({
      ...y41,
      modality: 'expert_dispatch',
      flagshipArea: null,
      recipients: [{ country: 'KE' }],
      participantsPlanned: 5,
    });
    await addParticipant(deps(), a4.id, participantInputSchema.parse(aParticipant({ country: 'KE', sex: 'F' })));
    await addParticipant(deps(), a4.id, participantInputSchema.parse(aParticipant({ country: 'KE', sex: 'M' })));
    // 2042: B1 FJ 30, IDR 30,000,000 spent (= USD 1,875 at 16,000) · B2 KE 10, XOF without a rate.
    await create({
      ...y42,
      modality: 'training',
      flagshipArea: 'DEV-AGR',
      recipients: [{ country: 'FJ' }],
      participantsPlanned: 30,
      transactions: [{ type: '4', date: '2042-02-01', amount: '30000000.00', currency: 'IDR' }],
    });
    await create({
      ...y42,
      modality: 'training',
      flagshipArea: 'DEV-AGR',
      recipients: [{ country: 'KE' }],
      participantsPlanned: 10,
      transactions: [{ type: '3', date: '2042-02-01', amount: '65595.70', currency: 'XOF' }],
    });
  });

  describe('trends', () => {
    it('gives totals per year with year-over-year change and converted spending', async () => {
      const t = await trends(deps(), { from: 2041, to: 2042 });
      expect(t.totals).toEqual([
        // 2040 had nothing: no percentage change from 0.
        {
          year: 2041,
          programs: 4,
          participants: 38,
          countries: 4,
          usdMinor: 100_000,
          idrMinor: 1_500_000_000,
          change: {
            programs: { change: 4, percent: null },
            participants: { change: 38, percent: null },
            countries: { change: 4, percent: null },
            usd: { change: 100_000, percent: null },
          },
        },
        // 2 − 4 = −2 (−50%); 40 − 38 = +2 (+5.26%); USD 1,875 − 1,000 = +875 (+87.5%).
        {
          year: 2042,
          programs: 2,
          participants: 40,
          countries: 2,
          usdMinor: 187_500,
          idrMinor: 3_000_000_000,
          change: {
            programs: { change: -2, percent: -50 },
            participants: { change: 2, percent: 5.26 },
            countries: { change: -2, percent: -50 },
            usd: { change: 87_500, percent: 87.5 },
          },
        },
      ]);
      expect(t.missingRates).toEqual([
        {
          currency: 'XOF',
          transactions: 1,
          amountMinor: 6_559_570,
          firstDate: '2042-02-01',
          lastDate: '2042-02-01',
          missing: ['idr', 'usd'],
        },
      ]);
    });

    it('breaks the years down by region, modality and flagship area', async () => {
      const t = await trends(deps(), { from: 2041, to: 2042 });
      const region = (code: string) =>
        t.byRegion.find((r) => r.code === code)?.points.map((p) => [p.year, p.programs, p.countries, p.participants]);
      expect(region('oceania')).toEqual([
        [2041, 2, 2, 20],
        [2042, 1, 1, 30],
      ]);
      expect(region('africa')).toEqual([
        [2041, 2, 1, 12],
        [2042, 1, 1, 10],
      ]);
      expect(region('asia')).toEqual([
        [2041, 1, 1, 6],
        [2042, 0, 0, 0],
      ]);
      expect(t.byRegion.find((r) => r.code === 'asia')?.points[1]?.change.programs).toEqual({ change: -1, percent: -100 });
      const modality = (code: string | null) =>
        t.byModality.find((r) => r.code === code)?.points.map((p) => [p.year, p.programs, p.participants, p.usdMinor]);
      expect(t.byModality.map((m) => m.code)).toEqual(['training', 'seminar', 'expert_dispatch']);
      expect(modality('training')).toEqual([
        [2041, 2, 16, 100_000],
        [2042, 2, 40, 187_500],
      ]);
      expect(modality('expert_dispatch')).toEqual([
        [2041, 1, 2, 0],
        [2042, 0, 0, 0],
      ]);
      expect(t.byFlagshipArea.map((m) => [m.code, m.labelEn])).toEqual([
        ['DEV-AGR', expect.any(String)],
        ['DEV-DRM', expect.any(String)],
        [null, 'Not recorded'],
      ]);
    });

    it('refuses a reversed or too long range', async () => {
      await expect(trends(deps(), { from: 2042, to: 2041 })).rejects.toThrow(/after "to"/);
      await expect(trends(deps(), { from: 1950, to: 2042 })).rejects.toThrow(/at most 50 years/);
    });
  });

  it('measures concentration with the Herfindahl-Hirschman index', async () => {
    const [c41, c42] = await concentration(deps(), { from: 2041, to: 2042 });
    // Program-country pairs FJ 1, PG 1, KE 2, PS 1 of 5: 400 + 400 + 1600 + 400 = 2800.
    expect(c41?.programsByCountry).toMatchObject({ hhi: 2800, level: 'high', parts: 4, total: 5 });
    // Participants FJ 10, PG 10, KE 12, PS 6 of 38: 10,000 × 380 / 1,444 = 2631.58.
    expect(c41?.participantsByCountry).toMatchObject({ hhi: 2631.58, parts: 4, total: 38 });
    // Regions: Oceania 2, Africa 2, Asia 1 → 1600 + 1600 + 400.
    expect(c41?.programsByRegion.hhi).toBe(3600);
    // Areas (A4 has none): DEV-AGR 2, DEV-DRM 1 → 10,000 × 5 / 9.
    expect(c41?.programsByFlagshipArea).toMatchObject({ hhi: 5555.56, parts: 2, total: 3 });
    // 2042: FJ 30, KE 10 → 5625 + 625.
    expect(c42?.participantsByCountry.hhi).toBe(6250);
  });

  describe('priorities', () => {
    it('compares targets with the records, per year, and flags the ones behind', async () => {
      await saveCountryList(
        deps(),
        countryListInputSchema.parse({
          code: 'fj-ps',
          nameEn: 'Fiji and Palestine',
          nameId: 'Fiji dan Palestina',
          countries: ['PS', 'FJ'],
        }),
      );
      await setPriorityTargets(deps(), [
        priorityTargetInputSchema.parse({ year: 2041, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 25 }),
        priorityTargetInputSchema.parse({ year: 2042, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 50.01 }),
        priorityTargetInputSchema.parse({ year: 2041, subjectKind: 'group', subjectCode: 'AU', metric: 'participant_share', target: 40 }),
        priorityTargetInputSchema.parse({ year: 2041, subjectKind: 'list', subjectCode: 'fj-ps', metric: 'programs', target: 3 }),
        priorityTargetInputSchema.parse({ year: 2042, subjectKind: 'country', subjectCode: 'PS', metric: 'programs', target: 1 }),
      ]);
      const v = await priorityView(deps(), { from: 2041, to: 2042 });
      const row = (code: string, metric: string) => v.rows.find((r) => r.subject.code === code && r.metric === metric);
      // PIF: 2041 2 of 4 programs (A1 FJ, A2 PG) = 50% ≥ 25; 2042 1 of 2 = 50% < 50.01.
      expect(
        row('PIF', 'program_share')?.years.map((y) => [y.year, y.target, y.evaluation.actual, y.met, y.programs, y.totalPrograms]),
      ).toEqual([
        [2041, 25, 50, true, 2, 4],
        [2042, 50.01, 50, false, 1, 2],
      ]);
      expect(row('PIF', 'program_share')).toMatchObject({ behind: true, behindYears: [2042], nameEn: 'Pacific Islands Forum' });
      // AU: Kenya's 12 of 38 participants = 31.58%, 8.42 points short of 40%.
      expect(row('AU', 'participant_share')?.years[0]).toMatchObject({
        target: 40,
        participants: 12,
        evaluation: { actual: 31.58, met: false, gap: -8.42 },
      });
      // The list: A1 (FJ) and A3 (PS) = 2 programs < 3. No target in 2042, still measured (B1 FJ).
      expect(row('fj-ps', 'programs')?.years.map((y) => [y.year, y.target, y.evaluation.actual, y.met])).toEqual([
        [2041, 3, 2, false],
        [2042, null, 1, null],
      ]);
      expect(row('fj-ps', 'programs')?.nameId).toBe('Fiji dan Palestina');
      expect(row('PS', 'programs')?.years[1]).toMatchObject({ target: 1, evaluation: { actual: 0, met: false, gap: -1 } });
    });

    it('replaces a target set twice and keeps one row', async () => {
      await setPriorityTargets(deps(), [
        priorityTargetInputSchema.parse({ year: 2042, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 50 }),
      ]);
      const v = await priorityView(deps(), { from: 2042, to: 2042 });
      const pif = v.rows.filter((r) => r.subject.code === 'PIF');
      expect(pif).toHaveLength(1);
      expect(pif[0]?.years[0]).toMatchObject({ target: 50, met: true });
    });

    it('breaks a subject down by member country, members without programs included', async () => {
      const b = await subjectBreakdown(deps(), { kind: 'group', code: 'PIF' }, 2041);
      expect(b.totals).toEqual({ programs: 2, participants: 20, countries: 2 });
      expect(b.countries.slice(0, 2).map((c) => [c.country, c.programs, c.participants])).toEqual([
        ['FJ', 1, 10],
        ['PG', 1, 10],
      ]);
      expect(b.countries.length).toBeGreaterThan(15);
      expect(b.countries[2]).toMatchObject({ programs: 0, participants: 0 });
    });

    it('refuses a target on an unknown list, a list still in use, and writes by the public or an agency', async () => {
      await expect(
        setPriorityTargets(deps(), [
          priorityTargetInputSchema.parse({ year: 2041, subjectKind: 'list', subjectCode: 'nope', metric: 'programs', target: 1 }),
        ]),
      ).rejects.toThrow(/no country list "nope"/);
      await expect(deleteCountryList(deps(), 'fj-ps')).rejects.toThrow(/has 1 priority target/);
      await expect(setPriorityTargets(actingAs(deps(), { kind: 'anonymous' }), [])).rejects.toThrow(/sign in/);
      const agency = { kind: 'user', userId: 9, role: 'agency', orgCode: agencyCode, label: 'a@x.invalid' } as const;
      await expect(
        saveCountryList(actingAs(deps(), agency), countryListInputSchema.parse({ code: 'x', nameEn: 'X', nameId: 'X', countries: ['FJ'] })),
      ).rejects.toThrow(/only the coordination team/);
    });
  });

  it('profiles a country: programs, participants by sex, partners, groupings, spending', async () => {
    const ke = await countryProfile(deps(), 'ke');
    // A2 (10 of the split total), A4 (2 records: F and M), B2 (10).
    expect(ke.totals.programs).toBe(3);
    expect(ke.totals.participants).toBe(22);
    expect(ke.participantsBySex).toEqual({ F: 1, M: 1, X: 0, notRecorded: 20 });
    expect(ke.programs.find((p) => p.percentage === 50)).toMatchObject({ share: 0.5, participants: 10 });
    expect(ke.memberships.map((m) => m.group)).toContain('AU');
    // B2's XOF has no rate: reported, not dropped.
    expect(ke.missingRates.map((m) => m.currency)).toEqual(['XOF']);

    const ps = await countryProfile(deps(), 'PS');
    expect(ps.totals).toEqual({ programs: 1, participants: 6, usdMinor: 100_000, idrMinor: 1_500_000_000 });
    expect(ps.partners.map((p) => [p.code, p.roles, p.programs])).toEqual(
      [
        [agencyCode, ['first_provider'], 1],
        [partnerCode, ['second_provider'], 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    await expect(countryProfile(deps(), 'QQ')).rejects.toThrow(/no country/);
  });

  it('profiles a partner: programs, recipients, cost shares converted at the start date', async () => {
    const p = await partnerProfile(deps(), partnerCode, { since: 2041 });
    expect(p.totals).toEqual({ programs: 1, triangular: 1, recipients: 1 });
    expect(p.recipients).toEqual([{ country: 'PS', programs: 1 }]);
    // USD 500 at IDR 15,000 = IDR 7,500,000.
    expect(p.cash).toMatchObject({ usdMinor: 50_000, idrMinor: 750_000_000, programs: 1, missingRates: [] });
    expect(p.inKind).toMatchObject({ usdMinor: 0, programs: 0 });
    expect(p.years).toEqual([{ year: 2041, programs: 1, triangular: 1, cumulativeTriangular: 1 }]);
    expect(p.programs[0]).toMatchObject({
      role: 'second_provider',
      contribution: { amountMinor: 50_000, currency: 'USD', inKind: false, usdMinor: 50_000 },
      recipients: ['PS'],
    });
  });

  it('draws the triangular network provider → partner → recipient and keeps up with edits', async () => {
    let n = await triangularNetwork(deps(), { from: 2041, to: 2041 });
    expect(n.links).toEqual([
      { source: `provider:${agencyCode}`, target: `partner:${partnerCode}`, programs: 1 },
      { source: `partner:${partnerCode}`, target: 'recipient:PS', programs: 1 },
    ]);
    expect(n.nodes.map((x) => [x.kind, x.labelEn, x.programs])).toEqual(
      [
        ['provider', 'AGY', 1],
        ['partner', 'TPJ', 1],
        ['recipient', 'Palestine', 1],
      ].map(([k, l, p]) => [k, k === 'recipient' ? expect.stringMatching(/Palestin/) : l, p]),
    );
    // Moving the triangular program to 2042 moves it in every view.
    const a3 = (await partnerProfile(deps(), partnerCode)).programs[0];
    await patchProgram(deps(), a3?.id ?? 0, { plannedStart: '2042-06-01', plannedEnd: '2042-06-03' });
    n = await triangularNetwork(deps(), { from: 2041, to: 2041 });
    expect(n.links).toEqual([]);
    const t = await trends(deps(), { from: 2041, to: 2042 });
    expect(t.totals.map((y) => [y.year, y.programs, y.participants])).toEqual([
      [2041, 3, 32],
      [2042, 3, 46],
    ]);
  });
});
