import { beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { aProgram, anOrganisation, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { createProgram, deleteProgram, patchProgram } from './programs.js';
import { loadDemoData } from './demo/load-demo.js';
import { createOrganisation } from './organisations.js';
import { addParticipant, deleteParticipant } from './participants.js';
import { annualSummary, yearlyTotals } from './reports.js';

describeEachEngine('annual summary of the demo data (hand-computed, DOMAIN.md 2018)', (app) => {
  beforeAll(async () => {
    await loadDemoData(app().deps);
  });

  it('counts 14 programs, 53 countries and 384 participants, with their sources', async () => {
    const s = await annualSummary(app().deps, 2018);
    expect(s).toMatchObject({ year: 2018, programs: 14, countries: 53, participants: 384 });
    expect(s.participantSources).toEqual({
      records: { programs: 1, participants: 20 },
      totals: { programs: 13, participants: 364, splitAcrossCountries: 7 },
      none: { programs: 0 },
    });
    expect(s.unassigned).toEqual({ programs: 0, participants: 0 });
  });

  it('gives programs, countries and participants per region', async () => {
    const s = await annualSummary(app().deps, 2018);
    expect(s.regions).toEqual({
      asia: { programs: 8, countries: 17, participants: 191 },
      oceania: { programs: 5, countries: 12, participants: 89 },
      africa: { programs: 4, countries: 17, participants: 77 },
      americas: { programs: 2, countries: 5, participants: 23 },
      europe: { programs: 1, countries: 2, participants: 4 },
    });
  });

  it('ranks recipients by programs, then participants', async () => {
    const top = (await annualSummary(app().deps, 2018)).topRecipients;
    expect(top).toHaveLength(53);
    expect(top.slice(0, 10).map((r) => [r.rank, r.country, r.programs, r.participants])).toEqual([
      [1, 'PG', 3, 47],
      [2, 'TL', 3, 46],
      [3, 'FJ', 3, 9],
      [4, 'SB', 3, 7],
      [5, 'PS', 2, 45],
      [6, 'PH', 2, 7],
      [7, 'KE', 2, 6],
      [7, 'TZ', 2, 6],
      [9, 'LK', 2, 5],
      [9, 'VU', 2, 5],
    ]);
    expect(top[0]).toMatchObject({ nameEn: 'Papua New Guinea', nameId: 'Papua Nugini', region: 'oceania' });
  });

  it('breaks programs down by modality, flagship area and cooperation type', async () => {
    const s = await annualSummary(app().deps, 2018);
    const used = (rows: typeof s.byModality) => rows.filter((r) => r.programs > 0).map((r) => [r.code, r.programs, r.participants]);
    expect(used(s.byModality)).toEqual([
      ['training', 5, 144],
      ['seminar', 5, 140],
      ['workshop', 1, 25],
      ['expert_dispatch', 3, 75],
    ]);
    expect(used(s.byFlagshipArea)).toEqual([
      ['DEV-POV', 1, 15],
      ['DEV-AGR', 4, 94],
      ['DEV-DRM', 1, 26],
      ['DEV-INF', 1, 20],
      ['GOV-LOCAL', 1, 40],
      ['ECO-MICRO', 4, 124],
      ['OTHER', 2, 65],
    ]);
    expect(used(s.byCooperationType)).toEqual([
      ['bilateral', 7, 190],
      ['regional', 7, 194],
    ]);
    expect(s.byModality.find((r) => r.code === 'workshop')).toMatchObject({ labelEn: 'Workshop', labelId: 'Lokakarya' });
  });

  it('converts spending at the dated rate: IDR 5,472,000,000.00 = USD 384,352.26', async () => {
    const s = await annualSummary(app().deps, 2018);
    expect(s.spending).toEqual({
      usdMinor: 38_435_226,
      idrMinor: 547_200_000_000,
      transactions: 14,
      byCurrency: [{ currency: 'IDR', amountMinor: 547_200_000_000, transactions: 14 }],
      missingRates: [],
    });
  });

  it('counts triangular partners in 2017 and gives one row per year', async () => {
    const s2017 = await annualSummary(app().deps, 2017);
    expect(s2017.partners.map((p) => [p.acronym, p.programs])).toEqual([
      ['JICA', 2],
      ['USAID', 1],
    ]);
    const years = await yearlyTotals(app().deps);
    expect(years.map((y) => [y.year, y.programs, y.countries, y.participants, y.spending.usdMinor])).toEqual([
      [2016, 6, 20, 126, 0],
      // 2017: 13 programs in 35 countries, 54 + 234 = 288 participants, no money recorded.
      [2017, 13, 35, 288, 0],
      [2018, 14, 53, 384, 38_435_226],
      // The demo's open course offer (clock 2026-11-28: it starts in 2027). Its five nominations
      // are candidates, not participants: its planned 18 count.
      [2027, 1, 6, 18, 0],
    ]);
  });

  it('gives the Pacific (PIF) and MSG shares with the 2018 membership', async () => {
    const g = (await annualSummary(app().deps, 2018)).groupings;
    expect(g.find((x) => x.group === 'PIF')).toMatchObject({
      programs: 5,
      countries: 12,
      participants: 89,
      programShare: 0.3571,
      participantShare: 0.2318,
    });
    expect(g.find((x) => x.group === 'MSG')).toMatchObject({
      programs: 5,
      countries: 4,
      participants: 68,
      programShare: 0.3571,
      participantShare: 0.1771,
    });
    expect(g.map((x) => x.group)).toEqual(['PIF', 'MSG', 'ASEAN', 'AU', 'OIC', 'LDC', 'SIDS', 'LLDC']);
  });

  it('answers an empty year with zeros', async () => {
    const s = await annualSummary(app().deps, 1999);
    expect(s).toMatchObject({ programs: 0, countries: 0, participants: 0, topRecipients: [], partners: [] });
    expect(s.regions.asia).toEqual({ programs: 0, countries: 0, participants: 0 });
  });
});

describeEachEngine('annual summary edge cases', (app) => {
  const deps = () => app().deps;
  const year = 2031;
  const create = (overrides = {}) =>
    createProgram(deps(), programInputSchema.parse(aProgram({ plannedStart: `${year}-03-01`, plannedEnd: `${year}-03-05`, ...overrides })));

  it('keeps participant counts exact through every kind of write', async () => {
    const a = await create({
      recipients: [
        { country: 'FJ', percentage: 80 },
        { country: 'PG', percentage: 20 },
      ],
      participantsPlanned: 10,
    });
    let s = await annualSummary(deps(), year);
    expect(s.topRecipients.map((r) => [r.country, r.participants])).toEqual([
      ['FJ', 8],
      ['PG', 2],
    ]);

    await patchProgram(deps(), a.id, { participantsPlanned: 5 });
    s = await annualSummary(deps(), year);
    expect(s.participants).toBe(5);

    const p = await addParticipant(deps(), a.id, participantInputSchema.parse(aParticipant({ country: 'PG' })));
    s = await annualSummary(deps(), year);
    expect(s.participants).toBe(1);
    expect(s.participantSources.records).toEqual({ programs: 1, participants: 1 });
    expect(s.regions.oceania.participants).toBe(1);

    await deleteParticipant(deps(), a.id, p.id);
    expect((await annualSummary(deps(), year)).participants).toBe(5);

    await patchProgram(deps(), a.id, { plannedStart: `${year + 1}-01-10`, plannedEnd: `${year + 1}-01-12` });
    expect((await annualSummary(deps(), year)).programs).toBe(0);
    expect((await annualSummary(deps(), year + 1)).participants).toBe(5);
    await deleteProgram(deps(), a.id);
    expect((await annualSummary(deps(), year + 1)).participants).toBe(0);
  });

  it('lists currencies without a rate instead of dropping them', async () => {
    const y = year + 5;
    await create({
      plannedStart: `${y}-02-01`,
      plannedEnd: `${y}-02-03`,
      transactions: [
        { type: '3', date: `${y}-02-03`, amount: '1000.00', currency: 'USD' },
        { type: '4', date: `${y}-02-04`, amount: '655957.00', currency: 'XOF' },
        { type: '2', date: `${y}-01-04`, amount: '99999.00', currency: 'USD' },
      ],
    });
    const s = await annualSummary(deps(), y);
    expect(s.spending.usdMinor).toBe(100_000);
    expect(s.spending.transactions).toBe(2);
    expect(s.spending.missingRates).toEqual([
      { currency: 'USD', transactions: 1, amountMinor: 100_000, firstDate: `${y}-02-03`, lastDate: `${y}-02-03`, missing: ['idr'] },
      {
        currency: 'XOF',
        transactions: 1,
        amountMinor: 65_595_700,
        firstDate: `${y}-02-04`,
        lastDate: `${y}-02-04`,
        missing: ['idr', 'usd'],
      },
    ]);
  });

  it('counts a program without recipients and its participants as unassigned', async () => {
    const y = year + 7;
    await create({ plannedStart: `${y}-02-01`, plannedEnd: `${y}-02-03`, recipients: [], participantsPlanned: 12 });
    const s = await annualSummary(deps(), y);
    expect(s).toMatchObject({ programs: 1, countries: 0, participants: 12, unassigned: { programs: 1, participants: 12 } });
    expect(Object.values(s.regions).every((r) => r.participants === 0)).toBe(true);
  });

  it('counts only second providers and facilitators of triangular programs as partners', async () => {
    const y = year + 9;
    const partner = await createOrganisation(deps(), organisationInputSchema.parse(anOrganisation({ kind: 'partner', acronym: 'TP' })));
    const agency = await createOrganisation(deps(), organisationInputSchema.parse(anOrganisation()));
    const partners = [
      { org: partner.code, iatiRole: 1, sscRole: 'second_provider' },
      { org: agency.code, iatiRole: 4, sscRole: 'first_provider' },
    ];
    await create({ plannedStart: `${y}-01-01`, plannedEnd: `${y}-01-02`, cooperationType: 'triangular', partners });
    await create({ plannedStart: `${y}-02-01`, plannedEnd: `${y}-02-02`, cooperationType: 'triangular', partners });
    await create({ plannedStart: `${y}-03-01`, plannedEnd: `${y}-03-02`, cooperationType: 'bilateral', partners });
    const s = await annualSummary(deps(), y);
    expect(s.partners.map((p) => [p.org, p.programs])).toEqual([[partner.code, 2]]);
  });
});
