/**
 * The public portal and public exports never carry a participant's personal data
 * (docs/privacy.md): on the demo data, no participant name appears in any public answer.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_PARTICIPANTS } from '../services/demo/demo-participants.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { serverFor } from '../main.js';
import { describeEachEngine } from '../testing/engines.js';

describeEachEngine('public answers without personal data (demo data)', (app) => {
  let server: FastifyInstance;
  let programId = 0;

  beforeAll(async () => {
    await loadDemoData(app().deps);
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    programId = (await app().deps.store.repos.programs.findByIdentifier(DEMO_PARTICIPANTS.activityIdentifier))?.id ?? 0;
  });

  it('keeps names out of the catalogue, the reports and the IATI and TOSSD exports', async () => {
    const urls = [
      '/api/v1/activities?pageSize=100',
      `/api/v1/activities/${programId}`,
      `/api/v1/activities/${programId}/participants`,
      '/api/v1/offers',
      '/api/v1/reports/summary?year=2018',
      '/api/v1/reports/annual.csv?year=2018',
      '/api/v1/reports/years',
      '/api/v1/export/iati.xml',
      `/api/v1/activities/${programId}/iati.xml`,
      '/api/v1/export/tossd.csv?year=2018',
      '/api/v1/activities/export.csv',
      '/api/v1/countries/AF/profile',
    ];
    const names = DEMO_PARTICIPANTS.participants.map((p) => p.fullName);
    let checked = 0;
    for (const url of urls) {
      const r = await server.inject({ url });
      // Some of these are for signed-in users only; what matters is that no answer names anyone.
      for (const name of names) expect(r.body, `${url} (${r.statusCode})`).not.toContain(name);
      if (r.statusCode === 200) checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    // The participants exist and do count: the public gets their number, not who they are.
    const program = (await server.inject({ url: `/api/v1/activities/${programId}` })).body;
    expect(program).toContain('20');
  });
});
