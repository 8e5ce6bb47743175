/** The demo's requests and their matches on the demo programs (scores computed by hand). */
import { beforeAll, expect, it } from 'vitest';
import { requestListQuerySchema } from '../../domain/request/request.schema.js';
import { describeEachEngine } from '../../testing/engines.js';
import { listRequests, requestMatches } from '../requests.js';
import { loadDemoData } from './load-demo.js';

describeEachEngine('demo requests', (app) => {
  const deps = () => app().deps;
  beforeAll(async () => {
    await loadDemoData(deps());
  });

  const byCountry = async (country: string) => (await listRequests(deps(), requestListQuerySchema.parse({ country }))).items[0];

  it('registers four illustrative requests in each status, the Palestinian one linked to its 2018 seminar', async () => {
    const page = await listRequests(deps(), requestListQuerySchema.parse({}));
    expect(page.items.map((r) => [r.country, r.status, r.relayedBy])).toEqual([
      ['JM', 'declined', null],
      ['TL', 'registered', null],
      ['FJ', 'assessment', 'ID-KBRI-SUVA'],
      ['PS', 'accepted', null],
    ]);
    expect(page.items.every((r) => r.description?.startsWith('Illustrative request (demo)'))).toBe(true);
    expect(page.items.map((r) => r.reference).sort()).toEqual(['REQ-2026-0001', 'REQ-2026-0002', 'REQ-2026-0003', 'REQ-2026-0004']);
    expect(await byCountry('PS')).toMatchObject({ activityIdentifier: 'ID-KEMLU-2018-01', version: 3 });
  });

  it('matches the Fijian request to the disaster agency and the Banda Aceh seminar', async () => {
    const m = await requestMatches(deps(), (await byCountry('FJ'))?.id ?? 0);
    // BNPB 2017 training for six Pacific countries: area 10 + Fiji 8 + training 4 = 22.
    // KEMLU 2018 Banda Aceh seminar (Fiji among 13): 10 + 8 = 18. No sectors in the demo; nothing recent.
    expect(m.agencies.map((a) => [a.candidate.code, a.score])).toEqual([
      ['ID-BNPB', 22],
      ['ID-KEMLU', 18],
    ]);
    expect(m.programs.map((p) => [p.candidate.identifier, p.score])).toEqual([
      ['ID-BNPB-2017-01', 22],
      ['ID-KEMLU-2018-02', 18],
    ]);
    expect(m.alumni).toEqual([]);
  });

  it('matches the Timorese request to the agriculture programs', async () => {
    const m = await requestMatches(deps(), (await byCountry('TL'))?.id ?? 0);
    // KEMLU: four agriculture programs (3 × 10), the 2018 fisheries training for Timor-Leste (8),
    // the expert dispatch to Myanmar in Asia (3 + 4) = 45; KEMENTAN: two of 2017 (2 × 10), the
    // expert dispatch to Timor-Leste (8 + 4) = 32; KKP: two of 2017, for Africa and the Pacific (2 × 10).
    expect(m.agencies.map((a) => [a.candidate.code, a.score, a.candidate.programs])).toEqual([
      ['ID-KEMLU', 45, 4],
      ['ID-KEMENTAN', 32, 2],
      ['ID-KKP', 20, 2],
    ]);
    // Equal scores: the more recent first, then by identifier.
    expect(m.programs.map((p) => [p.candidate.identifier, p.score])).toEqual([
      ['ID-KEMENTAN-2017-02', 22],
      ['ID-KEMLU-2018-05', 18],
      ['ID-KEMLU-2018-13', 17],
      ['ID-KEMLU-2018-04', 10],
      ['ID-KEMLU-2018-07', 10],
      ['ID-KEMENTAN-2017-01', 10],
      ['ID-KKP-2017-01', 10],
      ['ID-KKP-2017-02', 10],
    ]);
  });
});
