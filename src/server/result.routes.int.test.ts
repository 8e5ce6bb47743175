import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { achievementsTable } from '../domain/report/tables.js';
import { freezeEdition } from '../services/editions.js';
import { editionAchievements, yearAchievements } from '../services/results.js';
import { aParticipant, aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { canValidateIati, xsdErrors } from '../testing/iati.js';
import { useServer } from '../testing/server.js';

const dir = mkdtempSync(join(tmpdir(), 'mitra-results-'));

/** A full framework: an output counted by sex and country with evidence, a percentage outcome, a qualitative impact. */
const FULL = {
  results: [
    {
      type: '1',
      aggregationStatus: true,
      titleEn: 'Fisheries officers trained',
      titleId: 'Petugas perikanan terlatih',
      descriptionEn: 'Officers able to run hatcheries',
      indicators: [
        {
          measure: '1',
          ascending: true,
          titleEn: 'Officers certified',
          titleId: 'Petugas bersertifikat',
          baseline: { year: 2017, date: '2017-12-31', value: 0, commentEn: 'No certified officers before' },
          periods: [
            {
              start: '2018-01-01',
              end: '2018-12-31',
              target: {
                value: 20,
                commentEn: 'Planned',
                disaggregations: [
                  { dimension: 'sex', value: 'female', amount: 10 },
                  { dimension: 'sex', value: 'male', amount: 10 },
                ],
              },
              actual: {
                value: 18,
                commentEn: 'Two left early',
                commentId: 'Dua pulang lebih awal',
                disaggregations: [
                  { dimension: 'sex', value: 'female', amount: 9 },
                  { dimension: 'sex', value: 'male', amount: 8 },
                  { dimension: 'recipient-country', value: 'KE', amount: 12 },
                  { dimension: 'recipient-country', value: 'TZ', amount: 6 },
                ],
                documents: [
                  {
                    url: 'https://example.org/certificates.pdf',
                    format: 'application/pdf',
                    titleEn: 'Certificates issued',
                    category: 'A08',
                  },
                ],
              },
            },
            { start: '2019-01-01', end: '2019-12-31', target: { value: 25 } },
          ],
        },
      ],
    },
    {
      type: '2',
      titleEn: 'Hatcheries in use',
      indicators: [
        {
          measure: '2',
          ascending: true,
          titleEn: 'Share of trainees running a hatchery a year later',
          baseline: { year: 2018, value: 5 },
          periods: [{ start: '2019-01-01', end: '2019-12-31', target: { value: 60 }, actual: { value: 55.5 } }],
        },
      ],
    },
    {
      type: '3',
      titleEn: 'Fish supply',
      indicators: [
        {
          measure: '5',
          titleEn: 'Fishing communities report a steadier supply',
          baseline: { year: 2018, commentEn: 'Irregular supply' },
          periods: [{ start: '2019-01-01', end: '2019-12-31', actual: { commentEn: 'Reported steadier in two districts' } }],
        },
      ],
    },
  ],
};

describeEachEngine('results API', (app) => {
  const server = useServer(app);
  let id = 0;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, version?: string) =>
    server().inject({
      method,
      url: `/api/v1/activities/${id}/results${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: version === undefined ? {} : { 'if-match': version },
    });

  beforeAll(async () => {
    const created = await server().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({ recipients: [{ country: 'KE' }, { country: 'TZ' }], lifecycleStage: 'approved', participantsPlanned: 4 }),
    });
    id = created.json().id;
    for (const p of [
      { sex: 'F', country: 'KE', status: 'attended' },
      { sex: 'M', country: 'TZ', status: 'completed' },
      { sex: 'F', country: 'TZ', status: 'attended' },
      { sex: 'M', country: 'KE', status: 'selected' },
    ]) {
      const r = await server().inject({ method: 'POST', url: `/api/v1/activities/${id}/participants`, payload: aParticipant(p) });
      expect(r.statusCode, r.body).toBe(201);
    }
  });

  it('answers an empty framework at version 0 with the participant indicator computed from the records', async () => {
    const r = await call('GET', '');
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe('"0"');
    expect(r.json()).toMatchObject({
      version: 0,
      results: [],
      editable: true,
      participants: {
        planned: 4,
        attended: 3,
        female: 2,
        male: 1,
        byCountry: [
          { country: 'KE', attended: 1 },
          { country: 'TZ', attended: 2 },
        ],
      },
    });
  });

  it('requires If-Match on every change and refuses a stale version', async () => {
    expect((await call('POST', '', { type: '1', titleEn: 'X' })).statusCode).toBe(428);
    expect((await call('POST', '', { type: '1', titleEn: 'X' }, '"7"')).json().code).toBe('results.stale');
  });

  it('adds, changes and deletes results, indicators and periods, each change moving the version on', async () => {
    const start = (await call('GET', '')).json().version as number;
    let r = await call('POST', '', { type: '1', titleEn: 'Trainers trained' }, `"${start}"`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers.etag).toBe(`"${start + 1}"`);
    const resultId = r.json().results.at(-1).id as number;

    r = await call(
      'POST',
      `/${resultId}/indicators`,
      { measure: '1', titleEn: 'Trainers', baseline: { year: 2017, value: 2 } },
      `"${start + 1}"`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const indicatorId = r.json().results.at(-1).indicators[0].id as number;

    r = await call(
      'POST',
      `/${resultId}/indicators/${indicatorId}/periods`,
      { start: '2018-01-01', end: '2018-12-31', target: { value: 10 } },
      '*',
    );
    expect(r.statusCode, r.body).toBe(200);
    const periodId = r.json().results.at(-1).indicators[0].periods[0].id as number;

    r = await call('PUT', `/${resultId}`, { type: '2', titleEn: 'Trainers at work' }, '*');
    expect(r.json().results.at(-1)).toMatchObject({ type: '2', titleEn: 'Trainers at work', indicators: [{ id: indicatorId }] });

    r = await call(
      'PUT',
      `/${resultId}/indicators/${indicatorId}`,
      { measure: '2', titleEn: 'Share of trainers', baseline: { year: 2017, value: 40 } },
      '*',
    );
    expect(r.json().results.at(-1).indicators[0]).toMatchObject({ measure: '2', periods: [{ id: periodId }] });

    r = await call(
      'PUT',
      `/${resultId}/indicators/${indicatorId}/periods/${periodId}`,
      { start: '2018-01-01', end: '2018-06-30', actual: { value: 50 } },
      '*',
    );
    expect(r.json().results.at(-1).indicators[0].periods[0]).toMatchObject({
      id: periodId,
      end: '2018-06-30',
      target: null,
      actual: { value: 50 },
    });

    expect(
      (await call('DELETE', `/${resultId}/indicators/${indicatorId}/periods/${periodId}`, undefined, '*')).json().results.at(-1)
        .indicators[0].periods,
    ).toEqual([]);
    expect((await call('DELETE', `/${resultId}/indicators/${indicatorId}`, undefined, '*')).json().results.at(-1).indicators).toEqual([]);
    r = await call('DELETE', `/${resultId}`, undefined, '*');
    expect(r.json().results.some((x: { id: number }) => x.id === resultId)).toBe(false);
    expect((await call('DELETE', `/${resultId}`, undefined, '*')).json().code).toBe('results.result_not_found');

    // Every change is audited against the program, with the item before and after.
    const audit = await server().inject({ url: `/api/v1/audit?entity=results_framework&entityId=${id}&pageSize=50` });
    expect(audit.statusCode, audit.body).toBe(200);
    const entries = audit.json().items as { action: string; entityVersion: number; changes: Record<string, unknown> }[];
    expect(entries.length).toBeGreaterThanOrEqual(9);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'delete']));
    expect(Object.keys(entries[0]?.changes ?? {})).toEqual([`result ${resultId}`]);
  });

  it('refuses what breaks a rule with field-named issues, and writes nothing', async () => {
    const before = (await call('GET', '')).json().version;
    const r = await call(
      'POST',
      '',
      {
        type: '2',
        titleEn: 'Bad',
        indicators: [
          {
            measure: '2',
            titleEn: 'Share',
            baseline: { year: 18, value: 120 },
            periods: [
              { start: '2018-06-01', end: '2018-01-01', target: { value: 50 } },
              {
                start: '2018-01-01',
                end: '2018-12-31',
                actual: { value: 10, disaggregations: [{ dimension: 'recipient-country', value: 'UG', amount: 5 }] },
              },
            ],
          },
          {
            measure: '1',
            titleEn: 'Count',
            periods: [
              {
                start: '2018-01-01',
                end: '2018-12-31',
                actual: { value: 5, disaggregations: [{ dimension: 'sex', value: 'female', amount: 6 }] },
              },
            ],
          },
        ],
      },
      '*',
    );
    expect(r.statusCode).toBe(422);
    const issues = (r.json().issues as { path: string; code: string }[]).map((i) => `${i.path.replace(/^results\.\d+\./, '')} ${i.code}`);
    expect(issues).toEqual([
      'indicators.0.baseline.value percentage_range',
      'indicators.0.baseline.year baseline_year',
      'indicators.0.periods.0.end period_order',
      'indicators.0.periods.1.actual.disaggregations.0.value dimension_country',
      'indicators.0.periods.0.start period_overlap',
      'indicators.1.periods.0.actual.disaggregations disaggregation_exceeds_total',
    ]);
    expect((await call('GET', '')).json().version).toBe(before);
  });

  it('publishes a full framework in IATI, schema-valid and free of ruleset errors, with the participant indicator', async () => {
    const put = await call('PUT', '', FULL, '*');
    expect(put.statusCode, put.body).toBe(200);
    const xml = (await server().inject({ url: `/api/v1/activities/${id}/iati.xml` })).body;
    expect(xml).toContain('<result type="1" aggregation-status="1">');
    expect(xml).toContain('<baseline year="2017" iso-date="2017-12-31" value="0">');
    expect(xml).toMatch(/<actual value="9">\s*<dimension name="sex" value="female"\/>/);
    expect(xml).toMatch(/<actual value="12">\s*<dimension name="recipient-country" value="KE"\/>/);
    expect(xml).toContain('<document-link url="https://example.org/certificates.pdf" format="application/pdf">');
    // The qualitative indicator has no values (IATI 8.8.3, 8.10.3).
    expect(xml).toMatch(/<indicator measure="5"[^>]*>[\s\S]*?<baseline year="2018">/);
    // The participant indicator, computed: 3 attended, 2 women and 1 man, 1 from Kenya and 2 from Tanzania.
    expect(xml).toMatch(/<actual value="3"\/>\s*<actual value="2">\s*<dimension name="sex" value="female"\/>/);
    expect(xml).toMatch(/<actual value="2">\s*<dimension name="recipient-country" value="TZ"\/>/);
    if (canValidateIati) {
      const path = join(dir, `results-${id}.xml`);
      writeFileSync(path, xml);
      expect(xsdErrors(path)).toBe('');
    }
    // The ruleset's checks of results (8.x) and the codelists of their documents find nothing.
    const checks = (await server().inject({ url: `/api/v1/activities/${id}/iati-checks` })).json();
    expect(Array.isArray(checks.findings)).toBe(true);
    const resultFindings = (checks.findings as { ruleId: string; field: string }[]).filter(
      (f) => f.ruleId.startsWith('8.') || /result|indicator|document-link/.test(f.field),
    );
    expect(resultFindings).toEqual([]);
  });

  it('lists the year’s achievements of the framework, hand-checked, with participants trained', async () => {
    await call('PUT', '', FULL, '*');
    const programs = (await yearAchievements(app().deps)).filter((p) => p.results.length > 0);
    const table = achievementsTable(programs, 2018, 'en');
    const ours = table.rows.filter((r) => r[0] === 'International training on aquaculture');
    // 2018: the officers' period (target 20, actual 18) and the participants (planned 4, 3 attended);
    // the 2019 periods are of another year.
    expect(ours).toEqual([
      ['International training on aquaculture', 'Officers certified', '2018-01-01 – 2018-12-31', 20, 18, 'Two left early'],
      ['International training on aquaculture', 'Participants trained (planned and attended)', '2018-07-15 – 2018-07-21', 4, 3, ''],
    ]);
    const total = table.rows.at(-1);
    expect(total?.[0]).toBe('Participants trained, all programs');
    expect(total?.[3]).toBeGreaterThanOrEqual(4);
    const in2019 = achievementsTable(programs, 2019, 'id').rows.filter((r) => r[0] === 'Pelatihan internasional budi daya perikanan');
    expect(in2019.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['Petugas bersertifikat', 25, ''],
      ['Share of trainees running a hatchery a year later', '60%', '55,5%'],
      ['Fishing communities report a steadier supply', '', ''],
    ]);
  });

  it('freezes the framework with an edition: a later change leaves the edition’s record as it was', async () => {
    const created = await server().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({ lifecycleStage: 'approved', plannedStart: '2033-03-01', plannedEnd: '2033-03-10' }),
    });
    const programId = created.json().id as number;
    const framework = {
      results: [
        {
          type: '1',
          titleEn: 'Frozen',
          indicators: [
            {
              measure: '1',
              titleEn: 'Count',
              baseline: { year: 2032, value: 0 },
              periods: [{ start: '2033-01-01', end: '2033-12-31', target: { value: 5 } }],
            },
          ],
        },
      ],
    };
    const url = `/api/v1/activities/${programId}/results`;
    expect((await server().inject({ method: 'PUT', url, payload: framework, headers: { 'if-match': '"0"' } })).statusCode).toBe(200);
    const edition = await freezeEdition(app().deps, 2033, {});
    await server().inject({ method: 'PUT', url, payload: { results: [] }, headers: { 'if-match': '"1"' } });
    const frozen = await app().deps.store.repos.editions.programsAfter(edition.id, 0, 100);
    const record = frozen.find((p) => p.program.id === programId);
    expect(record?.results?.map((r) => r.titleEn)).toEqual(['Frozen']);
    expect((await server().inject({ url })).json().results).toEqual([]);
    // The edition's annual report lists the frozen indicator, not the live (empty) framework.
    const achievements = (await editionAchievements(app().deps, 2033, edition.number)).find((p) => p.results.length > 0);
    expect(achievementsTable(achievements ? [achievements] : [], 2033, 'en').rows.map((r) => r[1])).toEqual([
      'Count',
      'Participants trained (planned and attended)',
      '',
    ]);
  });
});
