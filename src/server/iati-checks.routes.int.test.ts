/** The IATI checks API on the demo data: who sees which program's findings and which agencies' summary. */
import { beforeAll, expect, it } from 'vitest';
import { loadDemoData } from '../services/demo/load-demo.js';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';

describeEachEngine('IATI checks API', (app) => {
  const admin = useServer(app);
  const coordinator = useServer(app, { as: 'coordinator' });
  const kemlu = useServer(app, { as: 'agency', orgCode: 'ID-KEMLU' });
  const viewer = useServer(app, { as: 'viewer' });
  const anonymous = useServer(app, { as: 'anonymous' });
  const idOf = async (identifier: string) =>
    (await admin().inject({ url: `/api/v1/activities/by-identifier/${identifier}` })).json().id as number;

  beforeAll(async () => {
    await loadDemoData(app().deps);
  });

  it("gives a published program's findings to anyone, errors first with the field to fix", async () => {
    const id = await idOf('ID-KEMLU-2018-06');
    const r = await anonymous().inject({ url: `/api/v1/activities/${id}/iati-checks` });
    expect(r.statusCode, r.body).toBe(200);
    const check = r.json();
    expect(check).toMatchObject({ programId: id, identifier: 'ID-NCT-SSTC-ID-KEMLU-2018-06', publishable: true });
    expect(check.findings[0]).toMatchObject({ ruleId: '6.2.2', severity: 'error', field: 'sector' });
    expect(check.findings.map((f: { severity: string }) => f.severity)).toEqual(['error', 'warning']);
  });

  it("hides an unpublished program's findings from the public, and says why it would not be published", async () => {
    const id = await idOf('ENG-2017-0002-2');
    expect((await anonymous().inject({ url: `/api/v1/activities/${id}/iati-checks` })).statusCode).toBe(404);
    const check = (await viewer().inject({ url: `/api/v1/activities/${id}/iati-checks` })).json();
    expect(check.publishable).toBe(false);
    expect(check.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('6.11.1');
  });

  it('sums every agency up for the coordination team, and an agency officer its own agency only', async () => {
    for (const team of [admin, coordinator]) {
      const all = (await team().inject({ url: '/api/v1/iati/checks' })).json();
      expect(all.programs).toBe(35);
      expect(all.agencies.length).toBeGreaterThan(3);
    }
    const filtered = (await admin().inject({ url: '/api/v1/iati/checks?year=2018' })).json();
    expect(filtered.programs).toBeLessThan(35);
    const own = await kemlu().inject({ url: '/api/v1/iati/checks?implementingOrg=ID-BNPB' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().agencies.map((a: { implementingOrg: string }) => a.implementingOrg)).toEqual(['ID-KEMLU']);
    expect(own.json().programs).toBe(18);
    expect(own.json().failing.every((f: { implementingOrg: string }) => f.implementingOrg === 'ID-KEMLU')).toBe(true);
  });

  it('refuses the summary to a viewer (403) and to the public (401)', async () => {
    expect((await viewer().inject({ url: '/api/v1/iati/checks' })).statusCode).toBe(403);
    expect((await anonymous().inject({ url: '/api/v1/iati/checks' })).statusCode).toBe(401);
    expect((await admin().inject({ url: '/api/v1/iati/checks?year=twenty' })).statusCode).toBe(400);
  });
});
