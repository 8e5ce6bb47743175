/** The analytics and priorities API on the demo data (figures hand-checked against DOMAIN.md). */
import { beforeAll, expect, it } from 'vitest';
import { loadDemoData } from '../services/demo/load-demo.js';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';

describeEachEngine('analytics API on the demo data', (app) => {
  const server = useServer(app);
  const anonymous = useServer(app, { as: 'anonymous' });
  const get = async (url: string, s = server) => {
    const r = await s().inject({ url });
    expect(r.statusCode, r.body.slice(0, 400)).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    await loadDemoData(app().deps);
  });

  it('gives the trends 2016–2018 with year-over-year change', async () => {
    const t = await get('/api/v1/analytics/trends?from=2016&to=2018');
    expect(
      t.totals.map((p: { year: number; programs: number; countries: number; participants: number; usd: string }) => [
        p.year,
        p.programs,
        p.countries,
        p.participants,
        p.usd,
      ]),
    ).toEqual([
      [2016, 6, 20, 126, '0.00'],
      // 2017: 13 programs; 35 countries (the triangular programs' 11, then MM KH LA PH VN TH LK,
      // PS, GM ET SN, KI, UG GH NG SD ZW ZM, TV NR, AF BD NP EG); 54 + 234 = 288 participants.
      [2017, 13, 35, 288, '0.00'],
      [2018, 14, 53, 384, '384352.26'],
    ]);
    // 13 → 14 programs: +1, +7.69%; 288 → 384 participants: +96, +33.33%.
    expect(t.totals[2].change.programs).toEqual({ change: 1, percent: 7.69 });
    expect(t.totals[2].change.participants).toEqual({ change: 96, percent: 33.33 });
    // 6 → 13 programs: +7, +116.67%.
    expect(t.totals[1].change.programs).toEqual({ change: 7, percent: 116.67 });
    const oceania = t.byRegion.find((r: { code: string }) => r.code === 'oceania');
    expect(oceania.labelId).toBe('Oseania');
    expect(oceania.points[2]).toMatchObject({ year: 2018, programs: 5, countries: 12, participants: 89 });
    expect(t.byModality.find((m: { code: string }) => m.code === 'training').points[2]).toMatchObject({ programs: 5, participants: 144 });
  });

  it('defaults to the years with programs up to this year and refuses a reversed range', async () => {
    // Programs in 2016–2018 and one approved for 2027, after this year (2026): not in the default.
    const t = await get('/api/v1/analytics/trends');
    expect([t.from, t.to]).toEqual([2016, 2018]);
    const p = await get('/api/v1/priorities');
    expect([p.from, p.to]).toEqual([2016, 2018]);
    // One end given: the ten years up to "to", as before.
    expect((await get('/api/v1/analytics/trends?to=2020')).from).toBe(2011);
    const bad = await server().inject({ url: '/api/v1/analytics/trends?from=2018&to=2016' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues[0].path).toBe('from');
    expect((await server().inject({ url: '/api/v1/analytics/trends?from=twenty' })).statusCode).toBe(400);
  });

  it('lists the years with programs as the reports count them, latest first', async () => {
    const { items } = await get('/api/v1/reports/program-years');
    // The 2018 programs and the 2027 one are illustrative: counted, as in the annual summary.
    expect(items).toEqual([
      { year: 2027, programs: 1 },
      { year: 2018, programs: 14 },
      { year: 2017, programs: 13 },
      { year: 2016, programs: 6 },
    ]);
    for (const { year, programs } of items) expect((await get(`/api/v1/reports/summary?year=${year}`)).programs).toBe(programs);
    // Stages: the 2027 program is approved, the others evaluated.
    expect((await get('/api/v1/reports/program-years?stage=evaluated')).items.map((y: { year: number }) => y.year)).toEqual([
      2018, 2017, 2016,
    ]);
    expect((await get('/api/v1/reports/program-years?stage=approved')).items).toEqual([{ year: 2027, programs: 1 }]);
    // The public counts published stages only, whatever it asks for.
    expect((await get('/api/v1/reports/program-years', anonymous)).items).toEqual(items);
    expect((await get('/api/v1/reports/program-years?stage=request,assessment', anonymous)).items).toEqual([]);
  });

  it('gives the concentration per year', async () => {
    const { items } = await get('/api/v1/analytics/concentration?from=2018&to=2018');
    // 2018 by region: programs Asia 8, Oceania 5, Africa 4, America 2, Europe 1 (20 region-program pairs):
    // 10,000 × (64 + 25 + 16 + 4 + 1) / 400 = 2750.
    expect(items[0].programsByRegion).toMatchObject({ hhi: 2750, level: 'high', parts: 5, total: 20 });
    expect(items[0].programsByCountry.parts).toBe(53);
  });

  it('draws the 2017 triangular network', async () => {
    const n = await get('/api/v1/analytics/triangular-network?from=2017&to=2017');
    expect(
      n.links
        .filter((l: { source: string }) => l.source.startsWith('provider:'))
        .map((l: { source: string; target: string; programs: number }) => `${l.source}>${l.target}=${l.programs}`)
        .sort(),
    ).toEqual(['provider:ID-BNPB>partner:JICA=1', 'provider:ID-KEMENKES>partner:US-GOV-1=1', 'provider:ID-KKP>partner:JICA=1']);
    // JICA's two programs reach 6 Pacific and 4 African countries.
    expect(n.links.filter((l: { source: string }) => l.source === 'partner:JICA')).toHaveLength(10);
    expect(n.nodes.find((x: { id: string }) => x.id === 'partner:JICA')).toMatchObject({ kind: 'partner', labelEn: 'JICA', programs: 2 });
  });

  it('sets targets, shows them against the records and refuses bad ones', async () => {
    const set = await server().inject({
      method: 'POST',
      url: '/api/v1/priorities/targets',
      payload: {
        targets: [
          { year: 2018, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 25, note: 'Pacific priority' },
          { year: 2018, subjectKind: 'region', subjectCode: 'africa', metric: 'participant_share', target: 20 },
          { year: 2018, subjectKind: 'country', subjectCode: 'PS', metric: 'programs', target: 3 },
        ],
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    const v = await get('/api/v1/priorities?from=2018&to=2018');
    const row = (code: string) => v.rows.find((r: { subjectCode: string }) => r.subjectCode === code);
    // PIF: 5 of 14 programs = 35.71% ≥ 25%.
    expect(row('PIF')).toMatchObject({ behind: false, note: 'Pacific priority', nameId: 'Forum Kepulauan Pasifik (PIF)' });
    expect(row('PIF').years[0]).toMatchObject({
      target: 25,
      actual: 35.71,
      gap: 10.71,
      met: true,
      programs: 5,
      totalPrograms: 14,
      open: false,
    });
    // Africa: 77 of 384 participants = 20.05% ≥ 20%.
    expect(row('africa').years[0]).toMatchObject({ actual: 20.05, met: true, participants: 77, totalParticipants: 384 });
    // Palestine: 2 programs < 3.
    expect(row('PS')).toMatchObject({ behind: true, behindYears: [2018] });
    expect(row('PS').years[0]).toMatchObject({ actual: 2, gap: -1, met: false });

    const bad = await server().inject({
      method: 'POST',
      url: '/api/v1/priorities/targets',
      payload: { targets: [{ year: 2018, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 120 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['targets.0.target']);
    const unknown = await server().inject({
      method: 'POST',
      url: '/api/v1/priorities/targets',
      payload: { targets: [{ year: 2018, subjectKind: 'list', subjectCode: 'nowhere', metric: 'programs', target: 1 }] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().issues[0].path).toBe('subjectCode');
    const anon = await anonymous().inject({ method: 'POST', url: '/api/v1/priorities/targets', payload: { targets: [] } });
    expect(anon.statusCode).toBe(401);
  });

  it('keeps custom country lists and breaks a subject down by member', async () => {
    const put = await server().inject({
      method: 'PUT',
      url: '/api/v1/country-lists/melanesia',
      payload: { nameEn: 'Melanesia', nameId: 'Melanesia', countries: ['PG', 'FJ', 'SB', 'VU'] },
    });
    expect(put.statusCode, put.body).toBe(201);
    expect(put.json().countries).toEqual(['FJ', 'PG', 'SB', 'VU']);
    const again = await server().inject({
      method: 'PUT',
      url: '/api/v1/country-lists/melanesia',
      payload: { nameEn: 'Melanesia', nameId: 'Melanesia', countries: ['PG', 'FJ'] },
    });
    expect(again.statusCode).toBe(200);
    const b = await get('/api/v1/priorities/breakdown?kind=list&code=melanesia&year=2018');
    // PG 3 programs / 47 participants, FJ 3 / 9 (top recipients of 2018).
    expect(
      b.countries.map((c: { country: string; programs: number; participants: number }) => [c.country, c.programs, c.participants]),
    ).toEqual([
      ['PG', 3, 47],
      ['FJ', 3, 9],
    ]);
    const pif = await get('/api/v1/priorities/breakdown?kind=group&code=pif&year=2018');
    expect(pif.totals).toEqual({ programs: 5, participants: 89, countries: 12 });
    const badList = await server().inject({
      method: 'PUT',
      url: '/api/v1/country-lists/Bad%20Code',
      payload: { nameEn: 'x', nameId: 'x', countries: ['FJ'] },
    });
    expect(badList.statusCode).toBe(422);
    const badCountry = await server().inject({
      method: 'PUT',
      url: '/api/v1/country-lists/x',
      payload: { nameEn: 'x', nameId: 'x', countries: ['FJ', 'ZZ'] },
    });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().issues[0].path).toBe('countries.1');
    expect((await server().inject({ method: 'DELETE', url: '/api/v1/country-lists/melanesia' })).statusCode).toBe(204);
  });

  it('profiles a country and a partner', async () => {
    const pg = await get('/api/v1/countries/png/profile');
    expect(pg.country).toMatchObject({ iso2: 'PG', nameId: 'Papua Nugini', region: 'oceania' });
    expect(pg.years.find((y: { year: number }) => y.year === 2018)).toMatchObject({ programs: 3, participants: 47 });
    expect(pg.memberships.map((m: { group: string }) => m.group)).toEqual(expect.arrayContaining(['PIF', 'MSG']));
    expect(pg.partners.map((p: { code: string }) => p.code)).toContain('JICA');
    expect((await server().inject({ url: '/api/v1/countries/XX/profile' })).statusCode).toBe(404);

    const jica = await get('/api/v1/partners/JICA/profile?since=2015');
    expect(jica.totals).toEqual({ programs: 2, triangular: 2, recipients: 10 });
    expect(jica.years).toEqual([{ year: 2017, programs: 2, triangular: 2, cumulativeTriangular: 2 }]);
    // USD 85,000 + 60,000 at the 2017 rate of IDR 13,380.83.
    expect(jica.cash).toMatchObject({ usd: '145000.00', idr: '1940220350.00', programs: 2, missingRates: [] });
    expect((await server().inject({ url: '/api/v1/partners/NOPE/profile' })).statusCode).toBe(404);
  });
});
